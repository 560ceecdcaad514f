package io.memsafe.checkers;

import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.List;

/**
 * Reports a dereference of a pointer that is NULL on every path reaching it. A pointer that is NULL
 * on some paths only is reported where nothing after the paths meet can tell them apart (no test
 * between the join and the dereference, {@code SomePaths}); otherwise it is left to the
 * allocation-result checker, since a path-insensitive merge cannot tell a real NULL path from
 * correlated branches. Where the branch that makes it NULL tests
 * untrusted input, the engine's run with that test forced ({@code AttackerChoices}) makes it NULL on
 * every path of that run, and it is reported with the test in the trace.
 */
@Rule(id = "MS476", name = "NullDereference", cwe = 476, level = "error",
        title = "NULL pointer dereference",
        rationale = "Dereferencing NULL crashes the process (a denial of service); in kernels, where page zero can be "
                + "mapped, it has been turned into privilege escalation.")
public final class NullDereferenceChecker implements Checker {
    @Override
    public void onDereference(SourceLoc loc, Value pointer, String what, TraceStep nullSet, Context ctx) {
        if (!pointer.isDefinitelyNull()) return;
        String msg = ("dereference".equals(what) ? "dereference of" : what + " called with") + " a NULL pointer";
        List<TraceStep> trace = new java.util.ArrayList<>();
        if (nullSet != null) {
            trace.add(nullSet);
            msg += " (" + nullSet.message().replace(" here", " at line " + nullSet.loc().line()) + ")";
        }
        trace.add(new TraceStep(loc, "the pointer is NULL on every path to here"));
        ctx.report(this, loc, msg, trace);
    }

    @Override
    public void onDereferenceNullReturned(SourceLoc loc, String variable, String callee, SourceLoc calledAt, TraceStep returnsNull, Context ctx) {
        String fn = io.memsafe.ir.Function.called(callee);
        List<TraceStep> trace = List.of(returnsNull, new TraceStep(calledAt, "'" + variable + "' is set to what " + fn + " returns, NULL included"),
                new TraceStep(loc, "dereferenced here, with no test since the call"));
        ctx.report(this, loc, "dereference of '" + variable + "', which is NULL whenever " + fn + " (called at line " + calledAt.line()
                + ") returns NULL as it does at line " + returnsNull.loc().line() + ", and nothing tests it before", trace);
    }

    @Override
    public void onDereferenceNullOnSomePaths(SourceLoc loc, String variable, SourceLoc joinedAt, TraceStep nullSet, Context ctx) {
        List<TraceStep> trace = new java.util.ArrayList<>();
        if (nullSet != null) trace.add(nullSet);
        boolean elsewhere = joinedAt.line() > 0 && joinedAt.line() != loc.line();
        String where = elsewhere ? "at line " + joinedAt.line() : "before it";
        if (elsewhere) trace.add(new TraceStep(joinedAt, "the paths meet here, '" + variable + "' NULL on one of them"));
        trace.add(new TraceStep(loc, "dereferenced here, with no test since the paths met"));
        ctx.report(this, loc, "dereference of '" + variable + "', which is NULL on one of the paths meeting " + where
                + (nullSet != null ? " (" + nullSet.message().replace(" here", " at line " + nullSet.loc().line()) + ")" : "")
                + ", and no test since decides which way was taken", trace);
    }
}
