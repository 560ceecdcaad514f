package io.memsafe.harden.kernel;

import io.memsafe.harden.checks.Verdict;
import io.memsafe.harden.policy.HardeningPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every kernel check of the configuration's architecture and applies the policy's {@code kernel}
 * section. A check for another architecture says null (not applicable), as binary checks do.
 */
public final class KernelConfigAudit {
    private final HardeningPolicy policy;

    public KernelConfigAudit(HardeningPolicy policy) {
        this.policy = policy;
    }

    /**
     * The audit of one configuration.
     *
     * @param architecture x86_64, x86_32, arm64, arm or riscv
     * @param verdicts     per check id: value true/false (null when the check is for another architecture);
     *                     details name the option, the value asked for and the value found
     */
    public record Report(String path, String architecture, String kernelVersion, int options,
                         Map<String, Verdict> verdicts, List<String> missing, List<String> warnings) {
        public boolean meetsPolicy() { return missing.isEmpty(); }
    }

    /** @param architecture an explicit architecture, or null to take the one the configuration selects */
    public Report audit(String path, KernelConfig config, String architecture) throws KernelConfig.UnreadableConfigException {
        String arch = architecture;
        if (arch == null) {
            List<String> found = config.architectures();
            if (found.size() != 1) {
                throw new KernelConfig.UnreadableConfigException(found.isEmpty()
                        ? "no architecture selected (none of CONFIG_X86_64, X86_32, ARM64, ARM, RISCV is =y); name one with --arch"
                        : "more than one architecture selected " + found + "; name one with --arch");
            }
            arch = found.get(0);
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (KernelCheck check : KernelCheckCatalog.all()) {
            if (!check.appliesTo(arch)) {
                verdicts.put(check.id(), Verdict.notApplicable("not offered on " + arch));
                continue;
            }
            Requirement requirement = check.requirementFor(arch);
            Requirement.Outcome outcome = requirement.evaluate(config);
            Requirement.OptionIs primary = requirement.primary();
            String actual = config.value(primary.name());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("option", "CONFIG_" + primary.name());
            details.put("expected", primary.expected());
            details.put("actual", actual == null ? "not found" : actual);
            verdicts.put(check.id(), new Verdict(outcome.met(), outcome.met(), outcome.explanation(), details));
        }
        List<String> missing = new ArrayList<>();
        for (String id : policy.required("kernel", arch)) {
            Verdict v = verdicts.get(id);
            if (v != null && Boolean.FALSE.equals(v.satisfied())) missing.add(id);
        }
        return new Report(path, arch, config.versionText(), config.optionCount(), verdicts, List.copyOf(missing), config.warnings());
    }
}
