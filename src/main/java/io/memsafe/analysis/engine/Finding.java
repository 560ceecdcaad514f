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
        return c != 0 ? c : message.compareTo(o.message);
    }
}
