package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a read of a local variable or heap block that nothing has written on any path to the
 * read: storage never written at all, a field or element outside everything that may have been
 * written (a struct with one field set, an array filled only in part and read to its end).
 * Storage written on some paths only is not reported, unless untrusted input picks the path that
 * skips the write (the engine's forced runs, {@code AttackerChoices}), or the read follows the join
 * of those paths with no test in between ({@code SomePaths}: it is reached whichever way they went). Each object is reported at its first read
 * (in source order) with what that read sees; later reads of it are the same defect.
 */
@Rule(id = "MS457", name = "UninitializedRead", cwe = 457, level = "warning",
        title = "Use of uninitialized variable", oncePerObject = true,
        rationale = "An uninitialised variable holds whatever the stack or heap held before: earlier secrets leak "
                + "through it, and an attacker who can shape that memory controls pointers and lengths read from it.")
public final class UninitializedReadChecker implements Checker {
    @Override
    public void onUninitializedRead(SourceLoc loc, Region storage, String part, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        if (storage.allocated != null && storage.allocated.line() > 0) {
            t.add(new TraceStep(storage.allocated, storage.description + (storage.kind == Region.Kind.HEAP ? " allocated" : " declared") + " without an initial value here"));
        }
        if (part == null) {
            t.add(new TraceStep(loc, "read here before anything is written to it"));
            ctx.report(this, loc, "read of " + storage.description + ", which nothing has written yet", t);
        } else {
            t.add(new TraceStep(loc, "read here of " + part));
            ctx.report(this, loc, "read of " + storage.description + ": " + part, t);
        }
    }
}
