package io.memsafe.analysis.engine;

import io.memsafe.ir.SourceLoc;

import java.util.List;

/** A reported defect: which rule, where, why, and the trace that leads there. */
public record Finding(Rule rule, SourceLoc loc, String message, List<TraceStep> trace) implements Comparable<Finding> {
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
