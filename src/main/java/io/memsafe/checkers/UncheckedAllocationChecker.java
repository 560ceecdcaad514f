package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a dereference of an allocation result that is NULL when the allocation fails (or of a
 * getenv result, NULL when the variable is not set) and that no path has compared with NULL yet. A
 * pointer NULL on some paths for another reason (assigned on one branch only) is not reported: its
 * NULL paths may be correlated with the use.
 */
@Rule(id = "MS690", name = "UncheckedAllocationResult", cwe = 690, level = "warning",
        title = "Unchecked allocation, fopen or getenv result, or netlink attribute dereferenced",
        rationale = "malloc, calloc, realloc and strdup return NULL when memory runs out, which an attacker can often "
                + "provoke, fopen returns NULL when a file cannot be opened and getenv when the variable is not set; using the result unchecked crashes the "
                + "process, or worse when NULL plus an offset is mapped. A netlink attribute the sender leaves out is NULL in the handler's table.")
public final class UncheckedAllocationChecker implements Checker {
    @Override
    public void onUse(SourceLoc loc, Value pointer, String what, boolean dereferenced, State state, Context ctx) {
        if (!dereferenced || !Lifecycle.known(pointer) || !pointer.mayBeNull()) return;
        SourceLoc at = null;
        for (Region r : pointer.pts.keySet()) {
            SourceLoc a = state.unchecked.get(r);
            if (a == null) return;
            if (at == null) at = a;
        }
        Region r = Lifecycle.single(pointer);
        List<TraceStep> t = new ArrayList<>();
        boolean lookup = "environment".equals(r.family);
        if (io.memsafe.analysis.engine.NetlinkRequests.FAMILY.equals(r.family)) {
            t.add(new TraceStep(at, "handler whose request may lack " + r.description + "; it is not tested for NULL"));
            t.add(new TraceStep(loc, "dereferenced here"));
            ctx.report(this, loc, ("dereference".equals(what) ? "dereference of " : what + "() called with ") + r.description
                    + " untested, which is NULL when the sender leaves the attribute out", t);
            return;
        }
        t.add(new TraceStep(at, lookup ? "lookup that returns NULL when the variable is not set; the result is not checked"
                : "allocation that returns NULL on failure; the result is not checked"));
        t.add(new TraceStep(loc, "dereferenced here"));
        ctx.report(this, loc, ("dereference".equals(what) ? "dereference of " : what + "() called with ")
                + "the unchecked result of " + (r.kind == Region.Kind.HEAP ? "the allocation of " : "") + r.description
                + (lookup ? ", which is NULL when the variable is not set" : ", which is NULL if it fails"), t);
    }
}
