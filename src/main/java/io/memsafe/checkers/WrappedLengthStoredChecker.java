package io.memsafe.checkers;

import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.List;

/**
 * A difference of untrusted values that can go below zero in an unsigned type, stored where it outlives
 * the function that computed it: a member of an object the caller holds, a global, a heap block
 * ({@code pkt->payload_len = total_len - header_len} with no check that the header fits). The parser
 * publishes a huge length; whatever reads the payload later trusts it. The defect is the unchecked
 * subtraction, and this is where the fix goes — the read that overflows may be in another function,
 * or in the library's user.
 */
@Rule(id = "MS191", name = "WrappedLengthStored", cwe = 191, level = "error",
        title = "Length computed with integer wrap-around from untrusted input is handed on",
        rationale = "A length minus a header size that goes below zero in an unsigned type is a huge value. Stored in a "
                + "structure that other code reads, it travels as a length no one checks again, and the first copy or "
                + "loop over the payload reads or writes far past it.")
public final class WrappedLengthStoredChecker implements Checker {
    @Override
    public void onWrappedLengthStored(SourceLoc loc, String target, Value value, Context ctx) {
        Origin o = value.taint;
        if (o == null || o.wrap() == null || o.wrapShrinks()) return;
        List<TraceStep> t = WrappedAllocationSizeChecker.wrapSteps(o);
        boolean wrapKnown = o.wrapLoc() != null && o.wrapLoc().line() > 0;
        t.add(new TraceStep(loc, "the wrapped value stored into " + target + ", which outlives the function"));
        ctx.report(this, loc, (wrapKnown ? o.wrap() + " at line " + o.wrapLoc().line() : "the difference can go below zero and wrap around")
                + ", and the result" + (value.num.isBottom() ? "" : " (" + value.num + ")") + " is stored into " + target + ", which outlives the function: code that reads it"
                + " later takes a huge length; the operands come from " + o.what()
                + (o.loc() != null && o.loc().line() > 0 ? " (line " + o.loc().line() + ")" : "") + "; check the operands before the subtraction", t);
    }
}
