package io.memsafe.harden;

import io.memsafe.harden.kernel.KernelConfig;
import io.memsafe.harden.kernel.KernelConfigAudit;
import io.memsafe.harden.policy.HardeningPolicy;
import io.memsafe.harden.report.KernelConfigOutput;
import io.memsafe.harden.report.JsonReport;
import io.memsafe.harden.report.SarifReport;
import io.memsafe.harden.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code memsafe harden}: audit ELF and PE binaries for exploit mitigations. */
@Command(name = "harden", mixinStandardHelpOptions = true,
        description = {"Audit compiled binaries (ELF and PE: programs, libraries, kernel modules, drivers) for exploit mitigations,",
                "or (--kernel-config) a Linux kernel configuration for the KSPP memory-safety options.",
                "Exit status: 0 all required mitigations present, 1 some missing (or a binary is malformed), 2 usage or internal error."})
public final class HardenCommand implements Callable<Integer> {
    public enum Format { text, sarif, json }

    public enum ColourMode { auto, always, never }

    @Spec
    CommandSpec spec;

    @Option(names = "--list-checks", description = "Print the catalogue of checks (ids, rationale, enabling flags) as Markdown and exit.")
    boolean listChecks;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Binaries or directories to scan (directories are walked; non-binaries in them are skipped).")
    List<Path> inputs;

    @Option(names = "--kernel-config", paramLabel = "FILE",
            description = "Audit a Linux kernel configuration (.config, or /proc/config.gz) instead of binaries.")
    Path kernelConfig;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "With --kernel-config: the architecture (x86_64, x86_32, arm64, arm, riscv); default: the one the configuration selects.")
    String arch;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--policy", paramLabel = "FILE", description = "YAML or JSON policy naming the required checks per format and kind.")
    Path policyFile;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers (default: all cores).")
    Integer jobs;

    @Option(names = "--color", defaultValue = "auto", description = "Colour the text table on standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ColourMode color;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (listChecks) {
            spec.commandLine().getOut().print(io.memsafe.harden.report.CheckCatalogMarkdown.render());
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (kernelConfig != null && inputs != null && !inputs.isEmpty()) {
            err.println("memsafe harden: --kernel-config audits a configuration, not binaries: name either, not both");
            return 2;
        }
        if (kernelConfig == null && (inputs == null || inputs.isEmpty())) {
            err.println("memsafe harden: name at least one FILE or DIR, or --kernel-config FILE (see --help)");
            return 2;
        }
        if (arch != null && (kernelConfig == null || !HardeningPolicy.KERNEL_KINDS.contains(arch))) {
            err.println("memsafe harden: --arch goes with --kernel-config and is one of " + new java.util.TreeSet<>(HardeningPolicy.KERNEL_KINDS));
            return 2;
        }
        HardeningPolicy policy;
        try {
            policy = policyFile == null ? HardeningPolicy.defaults() : HardeningPolicy.load(policyFile);
        } catch (HardeningPolicy.PolicyException e) {
            err.println("memsafe harden: " + e.getMessage());
            return 2;
        }
        if (kernelConfig != null) return auditKernelConfig(policy, err);
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1) {
            err.println("memsafe harden: --jobs must be at least 1");
            return 2;
        }
        HardenScanner.Scan scan = new HardenScanner(new BinaryAnalyzer(policy), workers).scan(inputs);
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                render(scan, out, colourStdout());
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    render(scan, w, false);
                }
            }
        } catch (IOException e) {
            err.println("memsafe harden: cannot write report: " + e.getMessage());
            return 2;
        }
        return exitStatus(scan);
    }

    /** Exit status as for binaries: 0 the policy is met, 1 required options missing, 2 unreadable input. */
    private int auditKernelConfig(HardeningPolicy policy, PrintWriter err) {
        KernelConfigAudit.Report report;
        try {
            report = new KernelConfigAudit(policy).audit(kernelConfig.toString(), KernelConfig.read(kernelConfig), arch);
        } catch (KernelConfig.UnreadableConfigException e) {
            err.println("memsafe harden: " + kernelConfig + ": " + e.getMessage());
            return 2;
        }
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                renderKernel(report, out, colourStdout());
            } else {
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    renderKernel(report, w, false);
                }
            }
        } catch (IOException e) {
            err.println("memsafe harden: cannot write report: " + e.getMessage());
            return 2;
        }
        return report.meetsPolicy() ? 0 : 1;
    }

    private void renderKernel(KernelConfigAudit.Report report, Writer w, boolean colour) throws IOException {
        switch (format) {
            case json -> { KernelConfigOutput.json(KernelConfigOutput.jsonTree(report), w); w.write(System.lineSeparator()); }
            case sarif -> { KernelConfigOutput.json(KernelConfigOutput.sarifTree(report), w); w.write(System.lineSeparator()); }
            case text -> KernelConfigOutput.text(report, w instanceof PrintWriter p ? p : new PrintWriter(w), colour);
        }
        w.flush();
    }

    private void render(HardenScanner.Scan scan, Writer w, boolean colour) throws IOException {
        switch (format) {
            case json -> { JsonReport.write(scan, w); w.write(System.lineSeparator()); }
            case sarif -> { SarifReport.write(scan, w); w.write(System.lineSeparator()); }
            case text -> TextReport.write(scan, w instanceof PrintWriter p ? p : new PrintWriter(w), colour);
        }
        w.flush();
    }

    /** Colour applies to standard output only; a report written with -o is never coloured. */
    private boolean colourStdout() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> stdoutIsTerminal() && System.getenv("NO_COLOR") == null;
        };
    }

    /**
     * Java 22+ returns a Console even when output is redirected and adds {@code isTerminal()}; Java 21 returns
     * null then. Reflection keeps the release-21 build working on both.
     */
    private static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** 2 when a file named on the command line is not a binary; 1 when anything is missing or malformed. */
    static int exitStatus(HardenScanner.Scan scan) {
        boolean usage = scan.reports().stream().anyMatch(r -> r.errorKind() == BinaryReport.ErrorKind.NOT_A_BINARY
                || r.errorKind() == BinaryReport.ErrorKind.INTERNAL);
        if (usage) return 2;
        return scan.reports().stream().allMatch(BinaryReport::meetsPolicy) ? 0 : 1;
    }

}
