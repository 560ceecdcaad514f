package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

@Rule(id = "MS124", name = "BufferUnderwrite", cwe = 124, level = "error",
        title = "Buffer underwrite",
        rationale = "A write before the start of a buffer (a negative index, a pointer moved below its base) corrupts "
                + "whatever precedes it: allocator headers on the heap, other locals on the stack.")
public final class BufferUnderwriteChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) { return write && under; }
}
