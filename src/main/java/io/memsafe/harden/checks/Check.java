package io.memsafe.harden.checks;

/** Common face of ELF and PE checks: the metadata on the class's {@link Mitigation} annotation. */
public interface Check {
    default Mitigation mitigation() {
        Mitigation m = getClass().getAnnotation(Mitigation.class);
        if (m == null) throw new IllegalStateException(getClass().getName() + " lacks @Mitigation");
        return m;
    }

    default String id() {
        return mitigation().id();
    }
}
