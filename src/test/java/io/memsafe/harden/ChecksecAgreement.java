package io.memsafe.harden;

import io.memsafe.harden.checks.Verdict;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps one line of {@code checksec --format=csv --file=X} (Debian's checksec 2.x) onto memsafe's values for
 * the checks both tools share, and lists where they disagree. checksec's "DSO"/"REL" PIE and the RELRO/NX
 * of relocatable objects are "does not apply" in memsafe (null), so they are compared as such; FORTIFY
 * "No" matches both false and null (nothing fortifiable), since checksec has no third value.
 */
final class ChecksecAgreement {
    private ChecksecAgreement() {}

    static Map<String, String> disagreements(String csvLine, Map<String, Verdict> verdicts) {
        String[] f = csvLine.split(",", -1);
        Map<String, String> diff = new LinkedHashMap<>();
        compare(diff, "elf.relro", switch (f[0]) {
            case "Full RELRO" -> "full";
            case "Partial RELRO" -> "partial";
            default -> "none";
        }, verdicts, true);
        compare(diff, "elf.canary", f[1].equals("Canary found"), verdicts, false);
        compare(diff, "elf.nx", f[2].equals("NX enabled"), verdicts, true);
        Object pie = switch (f[3]) {
            case "PIE enabled" -> true;
            case "No PIE" -> false;
            default -> null; // DSO, REL
        };
        Object ours = verdicts.get("elf.pie").value();
        if (!java.util.Objects.equals(pie, ours)) diff.put("elf.pie", "checksec " + f[3] + ", memsafe " + ours);
        compare(diff, "elf.rpath", f[4].equals("RPATH"), verdicts, true);
        compare(diff, "elf.runpath", f[5].equals("RUNPATH"), verdicts, true);
        compare(diff, "elf.stripped", f[6].equals("No Symbols"), verdicts, false);
        boolean fortified = f[7].equals("Yes");
        Object fortify = verdicts.get("elf.fortify").value();
        if (fortified != Boolean.TRUE.equals(fortify)) diff.put("elf.fortify", "checksec " + f[7] + ", memsafe " + fortify);
        return diff;
    }

    /** @param skipWhenNotApplicable the check does not apply to this file (null) and checksec's value is its default */
    private static void compare(Map<String, String> diff, String id, Object checksec, Map<String, Verdict> verdicts,
                                boolean skipWhenNotApplicable) {
        Object ours = verdicts.get(id).value();
        if (ours == null && skipWhenNotApplicable) return;
        if (!checksec.equals(ours)) diff.put(id, "checksec " + checksec + ", memsafe " + ours);
    }
}
