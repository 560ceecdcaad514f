package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.List;
import java.util.Set;

/**
 * Reports a function that returns the address of its own local variable or parameter: the storage
 * ends with the return, so every use of the result by the caller is a use after its lifetime (Clang's
 * core.StackAddressEscape). Reported when the value designates the frame's storage on every path
 * (all the objects it may point to are the function's own, and it is never NULL).
 */
@Rule(id = "MS562", name = "ReturnOfStackAddress", cwe = 562, level = "error",
        title = "Return of the address of a local variable",
        rationale = "A local's storage is reused by the next call as soon as the function returns: the caller reads "
                + "whatever the next frame wrote there, and writes through the pointer corrupt live frames, return "
                + "addresses included.")
public final class StackAddressEscapeChecker implements Checker {
    @Override
    public void onReturn(SourceLoc loc, Value returned, String function, Set<Region> frame, Context ctx) {
        if (returned.unknown || !returned.num.isBottom() || frame.size() != returned.pts.size()) return;
        Region r = frame.iterator().next();
        ctx.report(this, loc, function + " returns the address of " + r.description + ", whose storage ends when it returns",
                List.of(new TraceStep(r.allocated, r.description + " declared here"), new TraceStep(loc, "its address returned here")));
    }
}
