package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

@Rule(id = "MS126", name = "BufferOverRead", cwe = 126,
        title = "Buffer over-read",
        rationale = "A read past the end of a buffer (a missing terminator, a length larger than the source) discloses "
                + "adjacent memory, as Heartbleed did, and can defeat ASLR by leaking pointers.")
public final class BufferOverReadChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) { return !write && !under; }
}
