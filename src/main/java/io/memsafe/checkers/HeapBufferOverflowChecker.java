package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

@Rule(id = "MS122", name = "HeapBufferOverflow", cwe = 122, level = "error",
        title = "Heap-based buffer overflow",
        rationale = "A write past the end of a heap block corrupts the next block and the allocator's metadata; "
                + "heap overflows are a common route to arbitrary code execution.")
public final class HeapBufferOverflowChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) { return write && !under && kind == Region.Kind.HEAP; }
}
