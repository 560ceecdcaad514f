package io.memsafe.analysis.engine;

import io.memsafe.ir.SourceLoc;

import java.util.List;

/** A reported defect: which rule, where, why, and the trace that leads there. */
public record Finding(Rule rule, SourceLoc loc, String message, List<TraceStep> trace) implements Comparable<Finding> {
    /**
     * A finding where a checker reported it, except inside an inline function of a bundled prelude
     * ({@code nla_get_u32}), which the program did not write: there it is the program's call of that
     * function (the last call in the trace made from the program's own code) that is reported.
     */
    static Finding at(Rule rule, SourceLoc loc, String message, List<TraceStep> trace) {
        if (!inPrelude(loc)) return new Finding(rule, loc, message, trace);
        SourceLoc call = null;
        for (TraceStep t : trace) if (!inPrelude(t.loc()) && t.message().startsWith("call to ")) call = t.loc();
        if (call == null) return new Finding(rule, loc, message, trace);
        return new Finding(rule, call, message, trace.stream().filter(t -> !inPrelude(t.loc())).toList());
    }

    private static boolean inPrelude(SourceLoc l) {
        return l != null && l.file() != null && l.file().startsWith(io.memsafe.frontend.CdtParser.PRELUDE_DIR + "/");
    }

    @Override
    public int compareTo(Finding o) {
        int c = loc.compareTo(o.loc);
        if (c != 0) return c;
        c = rule.id().compareTo(o.rule.id());
        if (c != 0) return c;
        c = message.compareTo(o.message);
        if (c != 0) return c;
        // the same defect reached from several roots: the order of traces decides which one is kept
        for (int i = 0; i < Math.min(trace.size(), o.trace.size()); i++) {
            c = trace.get(i).loc().compareTo(o.trace.get(i).loc());
            if (c == 0) c = trace.get(i).message().compareTo(o.trace.get(i).message());
            if (c != 0) return c;
        }
        return Integer.compare(trace.size(), o.trace.size());
    }
}
