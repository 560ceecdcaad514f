package io.memsafe.checkers;

import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/** Reports a printf-family call whose format string holds untrusted input on every path. */
@Rule(id = "MS134", name = "FormatStringFromInput", cwe = 134, level = "error",
        title = "Uncontrolled format string",
        rationale = "Conversions in an attacker's format string read the stack (%x, %s) and write memory (%n): "
                + "a direct route to information disclosure and code execution. Pass input as an argument of a \"%s\" conversion.")
public final class FormatStringChecker implements Checker {
    @Override
    public void onFormatString(SourceLoc loc, Value format, String function, Origin taint, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        if (taint.loc().line() > 0) t.add(new TraceStep(taint.loc(), "untrusted input read by " + taint.what() + " here"));
        t.add(new TraceStep(loc, "used as the format string of " + function + "() here"));
        ctx.report(this, loc, function + "() is called with a format string from untrusted input (" + taint.what()
                + Lifecycle.line(taint.loc()) + ")", t);
    }
}
