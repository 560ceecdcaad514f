package io.memsafe.checkers;

import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * An allocation whose size was computed from untrusted input by a difference that can go below zero in
 * an unsigned type ({@code malloc(len - 4)} with {@code len < 4}): the size becomes huge, and where the
 * allocation succeeds the code then works with a length it never checked. A wrap that can make the size
 * small ({@code count * sizeof(struct item)} past the maximum) is {@link ShrunkAllocationSizeChecker}'s.
 */
@Rule(id = "MS190", name = "WrappedAllocationSize", cwe = 190, level = "error",
        title = "Allocation size computed with integer wrap-around from untrusted input",
        rationale = "A length minus a header size that goes below zero in an unsigned type is a huge value: where the "
                + "allocation succeeds (a 32-bit size on a 64-bit heap) the code goes on with a length it never checked, and "
                + "the same value used as a copy or read length overflows the buffers it meets.")
public final class WrappedAllocationSizeChecker implements Checker {
    @Override
    public void onAllocationSize(SourceLoc loc, Value size, String allocator, Context ctx) {
        Origin o = size.taint;
        if (o != null && o.wrap() != null && !o.wrapShrinks()) report(this, loc, size, allocator, ctx);
    }

    /** Where an untrusted value that wrapped came from, and where it wrapped: the first steps of a wrap finding's trace. */
    static List<TraceStep> wrapSteps(Origin o) {
        List<TraceStep> t = new ArrayList<>();
        if (o.loc() != null && o.loc().line() > 0) t.add(new TraceStep(o.loc(), "untrusted value: " + o.what()));
        if (o.wrapLoc() != null && o.wrapLoc().line() > 0) t.add(new TraceStep(o.wrapLoc(), o.wrap()));
        return t;
    }

    /**
     * The finding of either wrap checker: where the untrusted value came from, where it wrapped, the
     * allocation. It is reported at the arithmetic that wraps (the unchecked computation is the defect
     * to fix; the allocation is where it does harm), when that is in the same file as the allocation.
     */
    static void report(Checker checker, SourceLoc loc, Value size, String allocator, Context ctx) {
        Origin o = size.taint;
        List<TraceStep> t = wrapSteps(o);
        boolean wrapKnown = o.wrapLoc() != null && o.wrapLoc().line() > 0;
        t.add(new TraceStep(loc, "allocation of the wrapped size"));
        SourceLoc at = wrapKnown && o.wrapLoc().file().equals(loc.file()) ? o.wrapLoc() : loc;
        ctx.report(checker, at, (wrapKnown ? o.wrap() + (at == loc ? " at line " + o.wrapLoc().line() : "") + ", and the result is the size of "
                + allocator + (at == loc ? "" : " at line " + loc.line()) + " (" + size.num + ")" : allocator + " size " + size.num + " wraps around")
                + "; the operands come from " + o.what() + (o.loc() != null && o.loc().line() > 0 ? " (line " + o.loc().line() + ")" : "")
                + ": the block can be smaller than the data written to it; check the operands before the arithmetic", t);
    }
}
