package io.memsafe.harden.checks;

import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;

/**
 * The outcome of one check on one binary.
 *
 * @param value     what the JSON shows: {@code Boolean}, a {@code String} level (RELRO) or null when the
 *                  check does not apply to this binary
 * @param satisfied whether the mitigation is in place (null when not applicable); kept apart from
 *                  {@code value} because for some checks a true value is the bad case (RPATH present)
 * @param reason    why a check does not apply, or a short qualification of the verdict
 * @param details   extra facts such as FORTIFY's counts; kept sorted by key, because checks build them with
 *                  {@code Map.of}, whose iteration order changes from one JVM run to the next
 */
public record Verdict(Object value, Boolean satisfied, String reason, Map<String, Object> details) {
    public Verdict {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static Verdict notApplicable(String reason) {
        return new Verdict(null, null, reason, null);
    }

    /** A check whose value true means the mitigation is present. */
    public static Verdict present(boolean present) {
        return new Verdict(present, present, null, null);
    }

    public boolean applicable() {
        return satisfied != null;
    }

    public Verdict withReason(String why) {
        return new Verdict(value, satisfied, why, details);
    }
}
