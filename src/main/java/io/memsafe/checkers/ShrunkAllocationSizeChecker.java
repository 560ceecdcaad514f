package io.memsafe.checkers;

import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.ir.SourceLoc;

/**
 * An allocation whose size was computed from untrusted input by arithmetic that can wrap around to a
 * small value: {@code malloc(count * sizeof(struct item))} with a 32-bit count, {@code malloc(n *
 * sizeof(int))} with an {@code int n} where {@code size_t} is 32 bits (ILP32). CWE-680, integer
 * overflow to buffer overflow: the block is smaller than the code that fills it believes.
 */
@Rule(id = "MS680", name = "ShrunkAllocationSize", cwe = 680, level = "error",
        title = "Allocation size from untrusted input can wrap around to a small block",
        rationale = "When a count times an element size wraps past the maximum of its type, the allocation succeeds with a "
                + "small block and the code that fills it writes the full amount: a heap overflow the attacker sizes at will "
                + "(the classic route from CWE-190 to CWE-122).")
public final class ShrunkAllocationSizeChecker implements Checker {
    @Override
    public void onAllocationSize(SourceLoc loc, Value size, String allocator, Context ctx) {
        Origin o = size.taint;
        if (o != null && o.wrap() != null && o.wrapShrinks()) WrappedAllocationSizeChecker.report(this, loc, size, allocator, ctx);
    }
}
