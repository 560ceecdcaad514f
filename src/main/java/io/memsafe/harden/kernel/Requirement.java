package io.memsafe.harden.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a kernel check asks of a configuration, written declaratively in {@code kernel-checks.yaml}:
 * a leaf {@code "NAME=VALUE"}, {@code "NAME is not set"} (also met when the option is absent: Kconfig
 * omits what the architecture does not offer) or {@code "version >= X.Y.Z"}; {@code any:} / {@code all:}
 * of those. The older names an option had (CC_STACKPROTECTOR_STRONG before 4.18) and the versions from
 * which a feature is unconditional are alternatives under {@code any:}.
 */
public sealed interface Requirement {
    /** The outcome and, when an alternative decided it, which one. */
    record Outcome(boolean met, String explanation) {}

    Outcome evaluate(KernelConfig config);

    /** The option the requirement is about first: what a reader (and kernel-hardening-checker) names the check by. */
    OptionIs primary();

    record OptionIs(String name, String expected) implements Requirement {
        @Override
        public Outcome evaluate(KernelConfig config) {
            String actual = config.value(name);
            boolean met = expected.equals(KernelConfig.NOT_SET)
                    ? actual == null || actual.equals(KernelConfig.NOT_SET)
                    : expected.equals(actual);
            return new Outcome(met, "CONFIG_" + name + (actual == null ? " not found"
                    : actual.equals(KernelConfig.NOT_SET) ? " is not set" : "=" + actual));
        }

        @Override
        public OptionIs primary() { return this; }

        @Override
        public String toString() {
            return "CONFIG_" + name + (expected.equals(KernelConfig.NOT_SET) ? " is not set" : "=" + expected);
        }
    }

    /** Met when the configuration's header names this version or a later one; unknown version: not met. */
    record VersionAtLeast(int major, int minor, int patch) implements Requirement {
        @Override
        public Outcome evaluate(KernelConfig config) {
            int[] v = config.version();
            boolean met = v != null && java.util.Arrays.compare(v, new int[] {major, minor, patch}) >= 0;
            return new Outcome(met, "kernel " + (v == null ? "version unknown" : config.versionText()) + (met ? " >= " : " < ") + this.text());
        }

        @Override
        public OptionIs primary() {
            throw new IllegalStateException("a version alone names no option");
        }

        String text() { return major + "." + minor + "." + patch; }

        @Override
        public String toString() { return "kernel >= " + text(); }
    }

    /**
     * {@code any:} is met by the first alternative that is met (and says which one when it is not the first);
     * {@code all:} fails at the first part that fails (and says which part).
     */
    record Compound(boolean any, List<Requirement> parts) implements Requirement {
        @Override
        public Outcome evaluate(KernelConfig config) {
            Outcome first = null;
            for (Requirement r : parts) {
                Outcome o = r.evaluate(config);
                if (o.met() == any) {
                    if (r == parts.get(0)) return o;
                    return any ? new Outcome(true, "met by " + o.explanation()) : new Outcome(false, "needs " + r + ": " + o.explanation());
                }
                if (first == null) first = o;
            }
            return first;
        }

        @Override
        public OptionIs primary() { return parts.get(0).primary(); }

        @Override
        public String toString() { return join(parts, any ? " or " : " and "); }
    }

    private static String join(List<Requirement> parts, String with) {
        StringBuilder sb = new StringBuilder();
        for (Requirement r : parts) {
            if (!sb.isEmpty()) sb.append(with);
            sb.append(r instanceof OptionIs || r instanceof VersionAtLeast ? r.toString() : "(" + r + ")");
        }
        return sb.toString();
    }

    Pattern LEAF = Pattern.compile("([A-Z0-9_]+)(?:=(\\S+)| (is not set))");
    Pattern VERSION = Pattern.compile("version >= (\\d+)\\.(\\d+)\\.(\\d+)");

    /** Builds a requirement from the YAML tree; throws IllegalArgumentException naming the bad part. */
    static Requirement parse(Object node) {
        if (node instanceof String s) {
            Matcher m = VERSION.matcher(s);
            if (m.matches()) return new VersionAtLeast(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m = LEAF.matcher(s);
            if (!m.matches()) throw new IllegalArgumentException("not a requirement: '" + s + "'");
            return new OptionIs(m.group(1), m.group(2) != null ? m.group(2) : KernelConfig.NOT_SET);
        }
        if (node instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> e = map.entrySet().iterator().next();
            if (!(e.getValue() instanceof List<?> list) || list.isEmpty()) throw new IllegalArgumentException(e.getKey() + ": needs a list");
            List<Requirement> children = new ArrayList<>();
            for (Object child : list) children.add(parse(child));
            if (children.get(0) instanceof VersionAtLeast) throw new IllegalArgumentException(e.getKey() + ": list an option first");
            return switch (String.valueOf(e.getKey())) {
                case "any" -> new Compound(true, List.copyOf(children));
                case "all" -> new Compound(false, List.copyOf(children));
                default -> throw new IllegalArgumentException("expected any: or all:, found " + e.getKey());
            };
        }
        throw new IllegalArgumentException("not a requirement: " + node);
    }
}
