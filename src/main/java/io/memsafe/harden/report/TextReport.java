package io.memsafe.harden.report;

import io.memsafe.harden.BinaryReport;
import io.memsafe.harden.HardenScanner;
import io.memsafe.harden.checks.Check;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.Verdict;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A checksec-like table: one row per binary, one column per check, one table per format. Green: in place;
 * red: missing and required by the policy; yellow: missing but not required; "-": does not apply.
 */
public final class TextReport {
    private static final String GREEN = "\u001b[32m", RED = "\u001b[31m", YELLOW = "\u001b[33m", RESET = "\u001b[m";

    private TextReport() {}

    public static void write(HardenScanner.Scan scan, PrintWriter out, boolean colour) {
        List<BinaryReport> elf = new ArrayList<>(), pe = new ArrayList<>(), errors = new ArrayList<>();
        for (BinaryReport r : scan.reports()) {
            if (!r.analysed()) errors.add(r);
            else if (r.format().equals("elf")) elf.add(r);
            else pe.add(r);
        }
        if (!elf.isEmpty()) table(out, new ArrayList<>(CheckCatalog.elf()), elf, colour);
        if (!pe.isEmpty()) {
            if (!elf.isEmpty()) out.println();
            table(out, new ArrayList<>(CheckCatalog.pe()), pe, colour);
        }
        for (BinaryReport r : errors) out.println(r.path() + ": error: " + r.error());
        JsonReport.Summary s = JsonReport.Summary.of(scan);
        out.printf("memsafe harden: %d binaries, %d meet the policy, %d miss required mitigations, %d errors, %d skipped%n",
                s.binaries(), s.passing(), s.failing(), s.errors(), s.skipped());
        out.flush();
    }

    private static void table(PrintWriter out, List<Check> checks, List<BinaryReport> rows, boolean colour) {
        int[] width = new int[checks.size()];
        for (int i = 0; i < checks.size(); i++) {
            width[i] = checks.get(i).mitigation().column().length();
            for (BinaryReport r : rows) width[i] = Math.max(width[i], cell(r.verdicts().get(checks.get(i).id())).length());
        }
        int kindWidth = "Kind".length();
        for (BinaryReport r : rows) kindWidth = Math.max(kindWidth, r.kind().length());
        StringBuilder header = new StringBuilder(pad("Kind", kindWidth));
        for (int i = 0; i < checks.size(); i++) header.append("  ").append(pad(checks.get(i).mitigation().column(), width[i]));
        out.println(header.append("  File"));
        for (BinaryReport r : rows) {
            StringBuilder line = new StringBuilder(pad(r.kind(), kindWidth));
            for (int i = 0; i < checks.size(); i++) {
                String id = checks.get(i).id();
                Verdict v = r.verdicts().get(id);
                String text = pad(cell(v), width[i]);
                line.append("  ");
                if (colour && v != null && v.satisfied() != null) {
                    String c = v.satisfied() ? GREEN : r.missing().contains(id) ? RED : YELLOW;
                    line.append(c).append(text).append(RESET);
                } else {
                    line.append(text);
                }
            }
            out.println(line.append("  ").append(r.path()));
        }
    }

    static String cell(Verdict v) {
        if (v == null || v.value() == null) return "-";
        if (v.value() instanceof Boolean b) return b ? "yes" : "no";
        return v.value().toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
