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

/** Reports a deallocator handed a pointer into a heap block that is certainly not the block's start. */
@Rule(id = "MS761", name = "FreeNotAtStart", cwe = 761, level = "error",
        title = "Free of a pointer not at the start of the buffer",
        rationale = "The allocator finds a block's header just before the address it is given; an address inside "
                + "the block makes it read a header from user data, corrupting the heap.")
public final class FreeNotAtStartChecker implements Checker {
    @Override
    public void onFree(SourceLoc loc, Value pointer, String deallocator, State before, Context ctx) {
        if (!Lifecycle.known(pointer)) return;
        for (Map.Entry<Region, Interval> e : pointer.pts.entrySet()) {
            if (e.getKey().kind != Region.Kind.HEAP || e.getValue().isBottom() || e.getValue().contains(0)) return;
        }
        Region r = Lifecycle.single(pointer);
        Interval off = pointer.pts.get(r);
        List<TraceStep> t = new ArrayList<>();
        Lifecycle.allocatedAt(t, r);
        t.add(new TraceStep(loc, "released at offset " + off + " by " + deallocator + " here"));
        ctx.report(this, loc, deallocator + " of a pointer at offset " + off + " into " + r.description + ", not at its start", t);
    }
}
