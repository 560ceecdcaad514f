package io.memsafe.report;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.frontend.SourceFiles;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.SourceLoc;

import java.io.PrintWriter;

/** Compiler-style output: {@code file:line:col: warning: message [CWE-n]}, the source line and a caret. */
public final class TextReport {
    private TextReport() { }

    public static void write(ScanReport r, PrintWriter out) {
        for (Finding f : r.findings()) {
            String level = "error".equals(f.rule().level()) ? "error" : "warning";
            out.println(Uris.display(f.loc().file()) + ":" + f.loc().line() + ":" + f.loc().column() + ": " + level + ": "
                    + f.message() + " [CWE-" + f.rule().cwe() + "] [" + f.rule().id() + "]");
            snippet(f.loc(), out);
            for (TraceStep t : f.trace()) {
                if (t.loc().equals(f.loc())) continue;
                out.println(Uris.display(t.loc().file()) + ":" + t.loc().line() + ":" + t.loc().column() + ": note: " + t.message());
            }
        }
        for (Diagnostic d : r.diagnostics()) {
            SourceLoc l = d.loc();
            out.println((l.line() > 0 ? Uris.display(l.file()) + ":" + l.line() + ":" + l.column() : Uris.display(l.file()))
                    + ": " + (d.level() == Diagnostic.Level.ERROR ? "error" : "note") + ": " + d.message());
        }
        out.println(r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + " in " + r.files() + " file"
                + (r.files() == 1 ? "" : "s") + " (" + r.functions() + " functions analysed)");
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
