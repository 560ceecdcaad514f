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

/** Reports a deallocator handed a pointer that designates only stack, static or literal storage. */
@Rule(id = "MS590", name = "FreeNotOnHeap", cwe = 590, level = "error",
        title = "Free of memory not on the heap",
        rationale = "Passing a stack, static or string-literal address to free corrupts the allocator's state; "
                + "glibc aborts on some of these, others silently put the storage on a free list.")
public final class FreeNotOnHeapChecker implements Checker {
    @Override
    public void onFree(SourceLoc loc, Value pointer, String deallocator, State before, Context ctx) {
        if (!Lifecycle.known(pointer)) return;
        for (Region r : pointer.pts.keySet()) {
            if (r.kind == Region.Kind.HEAP || r.kind == Region.Kind.UNKNOWN || !Lifecycle.NOT_HEAP.contains(r.family)) return;
        }
        Region r = Lifecycle.single(pointer);
        String storage = r.kind == Region.Kind.STRING_LITERAL ? r.description : r.kind.label + " storage " + r.description;
        List<TraceStep> t = new ArrayList<>();
        if (r.allocated != null && r.allocated.line() > 0) t.add(new TraceStep(r.allocated, storage + " declared here"));
        t.add(new TraceStep(loc, "released by " + deallocator + " here"));
        ctx.report(this, loc, deallocator + " of " + storage + ", which is not on the heap", t);
    }
}
