package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a heap block whose last pointer is lost: where a store overwrites the only pointer to it,
 * where one path returns holding it only in a local while other paths free it, or, for a block freed
 * on no path and unreachable from everything that outlives the frame, when the function returns.
 * Pointers passed to code the analysis does not see count as kept.
 */
@Rule(id = "MS401", name = "MemoryLeak", cwe = 401, level = "warning",
        title = "Memory leak",
        rationale = "A block whose last pointer is gone can never be freed; in a loop or a long-running server the "
                + "process grows until it exhausts memory, a denial of service an attacker can often drive.")
public final class MemoryLeakChecker implements Checker {
    @Override
    public void onLeak(SourceLoc loc, Region block, String function, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, block);
        t.add(new TraceStep(loc, "last pointer to it lost when " + io.memsafe.ir.Function.called(function) + " returns"));
        ctx.report(this, loc, block.description + " is never freed: no pointer to it remains when " + io.memsafe.ir.Function.called(function) + " returns", t);
    }

    @Override
    public void onOverwritten(SourceLoc at, Region block, String pointer, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, block);
        String which = pointer == null ? "the only pointer to it" : "'" + pointer + "', the only pointer to it,";
        t.add(new TraceStep(at, which + " is overwritten here; no path has freed the block"));
        ctx.report(this, at, block.description + " leaks: " + which + " is overwritten before the block is freed", t);
    }

    @Override
    public void onLeakOnPath(SourceLoc at, Region block, String function, String pointer, SourceLoc freedElsewhere, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, block);
        String holder = pointer == null ? "a local variable" : "'" + pointer + "'";
        t.add(new TraceStep(at, io.memsafe.ir.Function.called(function) + " returns here while only " + holder + " points to the block"));
        String other;
        if (freedElsewhere != null && freedElsewhere.line() > 0) {
            t.add(new TraceStep(freedElsewhere, "other paths free it here"));
            other = "other paths free it (line " + freedElsewhere.line() + ")";
        } else {
            other = "other paths free it or hand it on";
        }
        ctx.report(this, at, block.description + " leaks on this path: " + io.memsafe.ir.Function.called(function)
                + " returns while only " + holder + " points to it; " + other, t);
    }

    @Override
    public void onLostReference(SourceLoc lostAt, SourceLoc seenAt, Region block, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, block);
        t.add(new TraceStep(lostAt, "realloc fails and returns NULL, which overwrites the only pointer to the block"));
        if (seenAt != null && seenAt.line() > 0 && !seenAt.equals(lostAt)) t.add(new TraceStep(seenAt, "on the path where the result is NULL, the block is still allocated and unreachable"));
        ctx.report(this, lostAt, block.description + " leaks when realloc fails: its only pointer is overwritten with the NULL result", t);
    }
}
