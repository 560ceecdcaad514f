package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Rule;

/**
 * Writes past the end of an array member of a struct reached through a pointer whose target the
 * analysis does not know (a parameter, a field): the member's size is known from its type even when
 * the object around it is not. Members of locals, heap blocks and globals are owned by the stack,
 * heap and global overflow rules.
 */
@Rule(id = "MS788", name = "MemberBufferOverflow", cwe = 787, level = "error",
        title = "Out-of-bounds write to a struct member array",
        rationale = "A write past the end of a fixed-size member array overwrites the members after it — lengths, "
                + "pointers, function pointers — or the next object; parsers that copy a field into a fixed buffer "
                + "of a struct are a common source of exploitable overflows.")
public final class MemberBufferOverflowChecker extends BufferCheck {
    @Override
    boolean owns(boolean write, boolean under, Region.Kind kind) { return write && !under && kind == Region.Kind.UNKNOWN; }
}
