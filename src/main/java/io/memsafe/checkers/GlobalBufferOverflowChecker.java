package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

@Rule(id = "MS787", name = "GlobalBufferOverflow", cwe = 787, level = "error",
        title = "Out-of-bounds write to a global or static buffer",
        rationale = "A write past the end of a global or static array overwrites neighbouring globals, which often "
                + "hold function pointers, lengths or flags that attackers then control.")
public final class GlobalBufferOverflowChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) {
        return write && !under && (kind == Region.Kind.GLOBAL || kind == Region.Kind.STRING_LITERAL);
    }
}
