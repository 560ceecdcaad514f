package io.memsafe.checkers;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports a deallocator handed a pointer into a heap block that is not the block's start:
 * <ul>
 * <li>certainly not, on every path (the offset excludes 0: {@code p++; free(p);});</li>
 * <li>or after a loop has advanced it: the offset is never negative, is 0 only on the paths that
 *     skip the loop, and is positive on the paths through it ({@code for (; *p != 0; p++) ...;
 *     free(p);}). The value carries the widening mark, which says the interval was built by
 *     iterating a loop whose body moved the pointer forward on a feasible path: offsets 1, 2, 3
 *     were each reached before the bound was extrapolated, so a positive offset is a real path,
 *     not an artefact. An offset that is merely 0 or 1 after an {@code if} (no loop) is left
 *     alone, like a block freed on one branch only: the merge cannot tell a real path from
 *     correlated branches. Nor is an offset that may be negative (moved back and forth: the
 *     intervals cannot tell whether it returned to the start).</li>
 * </ul>
 */
@Rule(id = "MS761", name = "FreeNotAtStart", cwe = 761, level = "error",
        title = "Free of a pointer not at the start of the buffer",
        rationale = "The allocator finds a block's header just before the address it is given; an address inside "
                + "the block makes it read a header from user data, corrupting the heap.")
public final class FreeNotAtStartChecker implements Checker {
    @Override
    public void onFree(SourceLoc loc, Value pointer, String deallocator, State before, Context ctx) {
        if (!Lifecycle.known(pointer)) return;
        boolean must = true;
        for (Map.Entry<Region, Interval> e : pointer.pts.entrySet()) {
            Interval off = e.getValue();
            if (e.getKey().kind != Region.Kind.HEAP || off.isBottom()) return;
            if (!off.contains(0)) continue;
            // may be at the start: only a loop that moved it forward (and never back) is evidence
            if (!pointer.widened || off.lo() < 0 || off.hi() <= 0) return;
            must = false;
        }
        Region r = Lifecycle.single(pointer);
        Interval off = pointer.pts.get(r);
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, r);
        if (must) {
            t.add(new TraceStep(loc, "released at offset " + off + " by " + deallocator + " here"));
            ctx.report(this, loc, deallocator + " of a pointer at offset " + off + " into " + r.description + ", not at its start", t);
        } else {
            t.add(new TraceStep(loc, "released by " + deallocator + " here, at offset " + off + ": past the start after any iteration of the loop that advances it"));
            ctx.report(this, loc, deallocator + " of a pointer that a loop advances into " + r.description
                    + " (offset " + off + "): it is past the block's start whenever the loop body runs", t);
        }
    }
}
