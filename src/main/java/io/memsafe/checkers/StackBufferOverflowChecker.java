package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

@Rule(id = "MS121", name = "StackBufferOverflow", cwe = 121, level = "error",
        title = "Stack-based buffer overflow",
        rationale = "A write past the end of a local array or alloca block overwrites adjacent stack data: other locals, "
                + "the saved frame pointer and the return address. Attackers use it to redirect control flow.")
public final class StackBufferOverflowChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) { return write && !under && kind == Region.Kind.STACK; }
}
