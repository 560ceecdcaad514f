package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

/**
 * An access to memory through a pointer: {@code length} bytes at {@code pointer}, by a load or
 * store ({@code operation} null) or by a library function (its name).
 *
 * @param detail what the index or length was and where it came from, for the message
 * @param end    what the relations between the variables of the offset, the length and the object's
 *               size say of where the access ends, whatever the intervals say
 * @param guaranteed for the one object of unknown size the pointer designates, the bytes the checks on
 *               the path guarantee it has (a request's system buffer after {@code InputBufferLength >= 8});
 *               -1 when nothing is known
 */
public record MemoryAccess(SourceLoc loc, Value pointer, Value length, boolean write, String operation, String detail, End end,
                           long guaranteed) {
    /** Where the relations put the end of an access. */
    public enum End {
        /** They say nothing. */
        UNRELATED,
        /** Inside the object. */
        INSIDE,
        /** An element index that can equal the block's element count: one past its last element. */
        MAY_REACH_COUNT,
        /**
         * The same, by a relation tighter than the intervals of the two say (the block allocated with the
         * very length or index the access reaches, a check with {@code <=} where {@code <} was meant):
         * evidence however large the block is.
         */
        PAST_COUNT,
        /**
         * An untrusted index into an entry point's input buffer that no check relates to the buffer's
         * length: the input may be shorter than the index says.
         */
        UNCHECKED_AGAINST_COUNT
    }

    public MemoryAccess(SourceLoc loc, Value pointer, Value length, boolean write, String operation, String detail) {
        this(loc, pointer, length, write, operation, detail, End.UNRELATED, -1);
    }

    public MemoryAccess(SourceLoc loc, Value pointer, Value length, boolean write, String operation, String detail, End end) {
        this(loc, pointer, length, write, operation, detail, end, -1);
    }

    public boolean endProven() { return end == End.INSIDE; }
}
