package io.memsafe.scan;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which function definition a source line belongs to: each function spans from its definition to
 * the last line any of its statements came from. Fingerprints name the function, and a diff-aware
 * scan asks which functions a change touched.
 */
public final class FunctionSpans {
    /** One function's lines in one file. */
    public record Span(String file, String function, int firstLine, int lastLine) {
        public boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    private final Map<String, List<Span>> byFile = new HashMap<>();

    public FunctionSpans(Program program) {
        for (Function f : program.functions) {
            if (f.loc == null || f.loc.file().isEmpty()) continue;
            int last = f.loc.line();
            for (BasicBlock b : f.blocks) {
                for (Stmt s : b.stmts) {
                    SourceLoc l = s.loc();
                    if (l != null && l.file().equals(f.loc.file())) last = Math.max(last, l.line());
                }
            }
            byFile.computeIfAbsent(f.loc.file(), k -> new ArrayList<>()).add(new Span(f.loc.file(), f.name, f.loc.line(), last));
        }
        for (List<Span> l : byFile.values()) l.sort(Comparator.comparingInt(Span::firstLine).thenComparing(Span::function));
    }

    /** The function whose body holds the location, or null (a global initialiser, a macro in a header). */
    public Span at(SourceLoc loc) {
        List<Span> spans = byFile.get(loc.file());
        if (spans == null) return null;
        Span best = null;
        for (Span s : spans) {
            if (s.contains(loc.line()) && (best == null || s.firstLine() >= best.firstLine())) best = s;
        }
        return best;
    }
}
