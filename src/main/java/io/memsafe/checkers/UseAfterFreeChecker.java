package io.memsafe.checkers;

import io.memsafe.analysis.domain.Lifetime;
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
 * Reports memory used through a pointer whose block is freed on every path reaching the use. A
 * block freed on some paths only is reported where nothing after the paths meet tells them apart
 * (no test between the join and the use, {@code SomePaths}); otherwise not: the merge cannot tell a
 * real path from correlated branches (freed when a flag is set, used when it is not). One of several blocks from
 * the same allocation site is reported when the variable used is the one freed, on every path, and
 * not assigned since ({@code for (n = head; n; n = n->next) free(n);}).
 */
@Rule(id = "MS416", name = "UseAfterFree", cwe = 416, level = "error",
        title = "Use after free",
        rationale = "Freed memory is soon handed out again; reading it leaks the new owner's data and writing it "
                + "corrupts that data or the allocator's free lists, a classic route to code execution.")
public final class UseAfterFreeChecker implements Checker {
    @Override
    public void onUse(SourceLoc loc, Value pointer, String what, boolean dereferenced, State state, Context ctx) {
        Lifetime l = Lifecycle.freedOnEveryPath(pointer, state);
        if (l == null) {
            onSomePaths(loc, pointer, what, state, ctx);
            return;
        }
        Region r = Lifecycle.single(pointer);
        String use = "dereference".equals(what) ? "use of " : what + "() uses ";
        ctx.report(this, loc, use + r.description + " after " + Lifecycle.released(r) + Lifecycle.where(l),
                Lifecycle.story(r, l, loc, "used here after " + ("freed".equals(Lifecycle.freed(r)) ? "free" : Lifecycle.released(r))));
    }

    /** A block freed on one of the paths that met before the use, with no test since the join: the use is reached either way. */
    private void onSomePaths(SourceLoc loc, Value pointer, String what, State state, Context ctx) {
        if (state.partly.isEmpty() || !Lifecycle.known(pointer) || pointer.pts.size() != 1) return;
        Region r = Lifecycle.single(pointer);
        State.OnSomePaths w = state.freedOnSomePaths(r);
        if (w == null) return;
        Lifetime l = state.lifetime(r);
        String use = "dereference".equals(what) ? "use of " : what + "() uses ";
        String met = w.joinedAt().line() > 0 && w.joinedAt().line() != loc.line() ? " at line " + w.joinedAt().line() : " before it";
        List<TraceStep> t = new ArrayList<>(Lifecycle.story(r, l, loc, "used here, with no test since the paths met"));
        if (w.joinedAt().line() > 0 && w.joinedAt().line() != loc.line()) t.add(t.size() - 1, new TraceStep(w.joinedAt(), "the paths meet here, the block freed on one of them"));
        ctx.report(this, loc, use + r.description + " after it was freed" + Lifecycle.where(l) + " on one of the paths meeting" + met
                + ", and no test since decides which way was taken", t);
    }

    @Override
    public void onUseThroughFreedPointer(SourceLoc loc, Value pointer, String variable, SourceLoc freedAt, Context ctx) {
        Region r = pointer.pts.size() == 1 ? pointer.pts.keySet().iterator().next() : null;
        List<TraceStep> t = new ArrayList<>();
        if (r != null) Lifecycle.allocatedAt(t, r);
        t.add(new TraceStep(freedAt, "the block '" + variable + "' points to is freed here"));
        t.add(new TraceStep(loc, "'" + variable + "' is dereferenced here, not assigned since"));
        String which = r == null ? "" : " (" + (r.kind == Region.Kind.HEAP ? "one of the blocks of " : "") + r.description + ")";
        ctx.report(this, loc, "use of the block '" + variable + "' points to" + which
                + " after it was freed" + Lifecycle.line(freedAt) + "; '" + variable + "' is not assigned in between", t);
    }
}
