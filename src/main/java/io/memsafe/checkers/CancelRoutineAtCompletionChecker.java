package io.memsafe.checkers;

import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.List;

/**
 * Reports an I/O request completed while its cancel routine is still set on every path: the I/O
 * manager frees the request once it is completed, and a cancel can still call the routine with it.
 */
@Rule(id = "MS418", name = "CancelRoutineAtCompletion", cwe = 416, level = "error",
        title = "Request completed with its cancel routine still set",
        rationale = "IoCompleteRequest hands the IRP back to the I/O manager, which frees it; a cancel routine left in it "
                + "can still be called (the requester closes its handle or cancels the I/O) and touches the freed IRP. "
                + "Clear it with IoSetCancelRoutine(Irp, NULL) first, and let the routine complete the IRP when it is "
                + "already running.")
public final class CancelRoutineAtCompletionChecker implements Checker {
    @Override
    public void onCompletedWithCancelRoutine(SourceLoc loc, String op, String routine, Context ctx) {
        String which = routine != null ? routine + "()" : "its cancel routine";
        ctx.report(this, loc, op + "() completes a request whose cancel routine " + which + " is still set: the I/O manager frees the "
                + "request, and a cancel can then call " + which + " with it; clear it first with IoSetCancelRoutine(Irp, NULL)",
                List.of(new TraceStep(loc, "the request is completed here with " + which + " still set")));
    }
}
