package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

/**
 * An access to memory through a pointer: {@code length} bytes at {@code pointer}, by a load or
 * store ({@code operation} null) or by a library function (its name).
 *
 * @param detail what the index or length was and where it came from, for the message
 * @param endProven the relations between the variables of the offset and the length prove that the
 *                  access ends inside the object, whatever the intervals say
 */
public record MemoryAccess(SourceLoc loc, Value pointer, Value length, boolean write, String operation, String detail, boolean endProven) {
    public MemoryAccess(SourceLoc loc, Value pointer, Value length, boolean write, String operation, String detail) {
        this(loc, pointer, length, write, operation, detail, false);
    }
}
