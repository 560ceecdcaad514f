package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a global that still holds the address of storage ending with a function's return: one of
 * its locals or parameters, or memory its caller lends it for the call only (the registry path the I/O
 * manager passes to a driver's initialization routine and frees after it returns). Whoever reads the
 * global later reads a dead frame or freed memory. Reported when the global holds that address and
 * nothing else on every path to the return. Also a block a driver's request handler freed while a
 * global keeps its address: the next request uses it after free (reported at the release).
 */
@Rule(id = "MS825", name = "AddressKeptPastLifetime", cwe = 825, level = "error",
        title = "Address of storage that ends with the function kept in a global",
        rationale = "The frame is reused by the next call and lent buffers are freed after the return: a global "
                + "still pointing there hands every later reader stale memory, which an attacker who controls "
                + "what is written there next can shape.")
public final class FrameAddressKeptChecker implements Checker {
    @Override
    public void onFrameAddressKept(SourceLoc loc, Region holder, Region storage, String function, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        if (storage.kind == Region.Kind.HEAP) {
            t.add(new TraceStep(loc, storage.description + " freed here"));
            ctx.report(this, loc, storage.description + " is freed here, but " + holder.description + " still holds its address when "
                    + (function == null ? "the request ends (nothing clears it after the release)" : function + " returns") + ": the next request uses freed memory", t);
            return;
        }
        if (storage.allocated != null && storage.allocated.line() > 0) t.add(new TraceStep(storage.allocated, storage.description + " here"));
        t.add(new TraceStep(loc, function + " returns here, ending it"));
        ctx.report(this, loc, holder.description + " still holds the address of " + storage.description + " when " + function
                + " returns", t);
    }
}
