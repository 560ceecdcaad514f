package io.memsafe.report;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.frontend.SourceFiles;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.SourceLoc;

import java.io.PrintWriter;

/**
 * Compiler-style output: {@code file:line:col: warning: message [CWE-n]}, the source line and a caret.
 * A suppressed finding is one note line with its justification; the summary counts it.
 */
public final class TextReport {
    private TextReport() { }

    public static void write(ScanReport r, PrintWriter out) {
        for (ReportedFinding rf : r.results()) {
            Finding f = rf.finding();
            String where = Uris.display(f.loc().file()) + ":" + f.loc().line() + ":" + f.loc().column();
            if (rf.suppressed()) {
                out.println(where + ": note: suppressed " + f.rule().id() + " (" + rf.suppression().origin() + "): "
                        + rf.suppression().justification());
                continue;
            }
            String level = "error".equals(rf.level()) ? "error" : "warning";
            String state = rf.baseline() == ReportedFinding.BaselineState.NONE ? "" : " [" + rf.baseline().sarif() + "]";
            out.println(where + ": " + level + ": " + f.message() + " [CWE-" + f.rule().cwe() + "] [" + f.rule().id() + "]" + state);
            snippet(f.loc(), out);
            for (TraceStep t : f.trace()) {
                if (t.loc().equals(f.loc())) continue;
                out.println(Uris.display(t.loc().file()) + ":" + t.loc().line() + ":" + t.loc().column() + ": note: " + t.message());
            }
        }
        for (Diagnostic d : r.allDiagnostics()) {
            SourceLoc l = d.loc();
            String level = d.level() == Diagnostic.Level.ERROR ? "error" : d.level() == Diagnostic.Level.WARNING ? "warning" : "note";
            out.println((l.line() > 0 ? Uris.display(l.file()) + ":" + l.line() + ":" + l.column() : Uris.display(l.file()))
                    + ": " + level + ": " + d.message());
        }
        out.println(Summary.of(r).line());
        out.flush();
    }

    static void snippet(SourceLoc loc, PrintWriter out) {
        String line = SourceFiles.line(loc.file(), loc.line());
        if (line == null) return;
        out.println(line.replace('\t', ' '));
        int col = Math.max(1, loc.column());
        out.println(" ".repeat(Math.min(col - 1, Math.max(0, line.length()))) + "^");
    }
}
