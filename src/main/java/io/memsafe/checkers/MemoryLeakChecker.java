package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a heap block whose last pointer is lost when a function returns. The engine only hands
 * over blocks freed on no path and unreachable from everything that outlives the frame; pointers
 * passed to code it does not see count as kept.
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
    public void onLostReference(SourceLoc lostAt, SourceLoc seenAt, Region block, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, block);
        t.add(new TraceStep(lostAt, "realloc fails and returns NULL, which overwrites the only pointer to the block"));
        if (seenAt != null && seenAt.line() > 0 && !seenAt.equals(lostAt)) t.add(new TraceStep(seenAt, "on the path where the result is NULL, the block is still allocated and unreachable"));
        ctx.report(this, lostAt, block.description + " leaks when realloc fails: its only pointer is overwritten with the NULL result", t);
    }
}
