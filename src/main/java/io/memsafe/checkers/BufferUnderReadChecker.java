package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

@Rule(id = "MS127", name = "BufferUnderRead", cwe = 127,
        title = "Buffer under-read",
        rationale = "A read before the start of a buffer discloses the memory that precedes it, such as allocator "
                + "metadata or other secrets on the stack.")
public final class BufferUnderReadChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) { return !write && under; }
}
