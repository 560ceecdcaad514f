package io.memsafe.checkers;

import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports the release of a driver structure while a timer, work item, tasklet or DPC embedded in it
 * may still be pending: some function of the program arms the member, and nothing on the releasing
 * path stops it. When it fires, its callback runs on freed memory.
 */
@Rule(id = "MS417", name = "CallbackPendingAtRelease", cwe = 416, level = "error",
        title = "Object freed while a deferred callback on it may be pending",
        rationale = "A timer, work item, tasklet or DPC keeps a pointer into the structure that embeds it; freeing the "
                + "structure without stopping it (and waiting for a callback already running) lets the callback run on "
                + "freed memory, a use after free that an attacker who can time the release can often exploit.")
public final class CallbackPendingAtReleaseChecker implements Checker {
    @Override
    public void onCallbackPendingAtRelease(SourceLoc loc, String deallocator, String struct, String member, String callback,
                                           SourceLoc armedAt, String armer, String armedIn, String stop, Context ctx) {
        String runs = callback != null ? callback + "()" : "its callback";
        List<TraceStep> t = new ArrayList<>();
        if (armedAt != null && armedAt.line() > 0) t.add(new TraceStep(armedAt, armer + "() arms '" + member + "' of a struct " + struct + " here, in " + armedIn + "()"));
        t.add(new TraceStep(loc, deallocator + "() releases a struct " + struct + " here; nothing on this path stops '" + member + "'"));
        ctx.report(this, loc, deallocator + "() releases a struct " + struct + " whose '" + member + "' may still be pending (armed by " + armer
                + "() in " + armedIn + "()): " + runs + " then runs on freed memory; stop it first with " + stop, t);
    }
}
