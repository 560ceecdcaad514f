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

/** Reports a heap block released by a deallocator of another family (malloc/free, new/delete, new[]/delete[]). */
@Rule(id = "MS762", name = "MismatchedDeallocator", cwe = 762, level = "error",
        title = "Mismatched memory management routines",
        rationale = "Each allocator has its own block layout: free on a new[] block, or delete on a malloc block, "
                + "skips destructors and hands the allocator a header it did not write.")
public final class MismatchedDeallocatorChecker implements Checker {
    @Override
    public void onFree(SourceLoc loc, Value pointer, String deallocator, State before, Context ctx) {
        if (!Lifecycle.known(pointer)) return;
        String called = "realloc".equals(deallocator) ? "free" : deallocator;
        for (Region r : pointer.pts.keySet()) {
            String expected = r.kind == Region.Kind.HEAP ? Lifecycle.deallocatorOf(r.family) : null;
            if (expected == null || expected.equals(called)) return;
        }
        Region r = Lifecycle.single(pointer);
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, r);
        t.add(new TraceStep(loc, "released by " + deallocator + " here"));
        ctx.report(this, loc, deallocator + " of " + r.description + ", which " + Lifecycle.deallocatorOf(r.family) + " must release", t);
    }
}
