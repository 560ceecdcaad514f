package io.memsafe.checkers;

import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounds test that adds an untrusted value before comparing ({@code if (off + len > size) fail}) where
 * nothing bounds the value first: a value near the type's maximum makes the sum wrap to a small number, the
 * test passes, and the code reads or writes the range it believes checked. The defect is the test; the fix
 * compares the value with what is left ({@code len > size - off}, with {@code off <= size} checked first).
 */
@Rule(id = "MS192", name = "WrappedBoundsTest", cwe = 190, level = "error",
        title = "Bounds check whose sum can wrap around with untrusted input",
        rationale = "An offset or length from the input added to another before the comparison wraps around for values near "
                + "the type's maximum, and the check that was to keep the access inside the buffer lets it through: "
                + "the read or write that follows lands before or far past the buffer.")
public final class WrappedTestChecker implements Checker {
    @Override
    public void onWrappedTest(SourceLoc loc, String term, Origin origin, Type.Int type, Context ctx) {
        String what = term == null ? "an operand" : "'" + term + "'";
        List<TraceStep> t = new ArrayList<>();
        if (origin.loc() != null && origin.loc().line() > 0) t.add(new TraceStep(origin.loc(), "untrusted value: " + origin.what()));
        t.add(new TraceStep(loc, "the sum can wrap around here, and the test passes"));
        ctx.report(this, loc, "the sum in this test can wrap around its " + (type.signed() ? "signed " : "unsigned ") + type.size() * 8
                + "-bit type: " + what + " comes from " + origin.what() + (origin.loc() != null && origin.loc().line() > 0 ? " (line " + origin.loc().line() + ")" : "")
                + " and nothing bounds it first, so a value near the maximum makes the sum small and the check passes;"
                + " compare it with what is left instead (len > size - off)", t);
    }
}
