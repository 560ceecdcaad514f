package io.memsafe.harden.kernel;

import java.util.List;
import java.util.Map;

/**
 * One kernel configuration check, as declared in {@code kernel-checks.yaml}: the table is the catalogue
 * (like the {@code @Mitigation} annotations of the binary checks), so ids, titles and rationale live in
 * one place and the SARIF rules and documentation are generated from it.
 *
 * @param source        who recommends it: {@code defconfig} (upstream default, so a failure means someone
 *                      turned it off), {@code kspp} (Kernel Self Protection Project recommendation) or
 *                      {@code memsafe} (ours; kernel-hardening-checker has no such check)
 * @param architectures the architectures it applies to (elsewhere the option does not exist)
 * @param requirement   what most architectures need
 * @param byArchitecture an architecture whose Kconfig differs gets its own requirement
 */
public record KernelCheck(String id, String title, String source, List<String> architectures, String rationale,
                          Requirement requirement, Map<String, Requirement> byArchitecture) {
    public boolean appliesTo(String architecture) {
        return architectures.contains(architecture);
    }

    public Requirement requirementFor(String architecture) {
        return byArchitecture.getOrDefault(architecture, requirement);
    }
}
