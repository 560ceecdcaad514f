package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Value;

/**
 * Reads of storage written in part: which bytes a load may read that no store has written on any
 * path since the storage was created (the hull of {@link Contents#written}, the bytes that may have been).
 */
final class Uninitialized {
    private Uninitialized() { }

    /**
     * Is the right-hand side of an assignment a plain copy of a scalar in memory ({@code x = y},
     * {@code x = *p}, {@code x = (T) y})? Copying an indeterminate value is not using it (Juliet's
     * good code does {@code int data = *dataPtr; data = 5;}, zlib saves and restores stream fields
     * nobody set): the copy is indeterminate in turn, and its use is what is reported. The exception,
     * a local that could have been {@code register}, is {@code Interpreter.registerLike}.
     */
    static boolean isCopy(io.memsafe.ir.Expr e) {
        while (e instanceof io.memsafe.ir.Expr.Cast c) e = c.operand();
        return e instanceof io.memsafe.ir.Expr.Load l && !(l.type() instanceof io.memsafe.ir.Type.Struct);
    }

    /**
     * What the load of {@code size} bytes at {@code off} reads that nothing wrote, or null if it
     * may read written bytes only. Reported:
     * <ul>
     * <li>when every offset the load may use reads unwritten bytes (a field never assigned);</li>
     * <li>when the highest (or lowest) element the load may reach is unwritten, as the buffer
     *     checkers report the highest index of an access: the bound is a real one, set by a
     *     comparison with a known value, not extrapolated by widening. Not for character reads,
     *     whose scans stop at a terminator the interval does not see.</li>
     * </ul>
     * With {@code everyOffset}, only the first kind. Never for a load that may reach outside the
     * storage (an out-of-bounds read, which the buffer checkers report).
     */
    static String unwrittenPart(Contents c, Interval off, long size, boolean charLike, boolean widened, Value regionSize, boolean everyOffset) {
        if (off.isBottom() || c.written.isAll() || off.lo() == Interval.NEG_INF || off.hi() == Interval.POS_INF) return null;
        // outside the storage it is an out-of-bounds access, which the buffer checkers report
        if (off.lo() < 0 || (!regionSize.unknown && regionSize.num.isSingleton() && off.hi() + size > regionSize.num.lo())) return null;
        String hull = c.written.isEmpty() ? "nothing" : "only bytes " + c.written.hull().lo() + ".." + c.written.hull().hi();
        if (!c.mayBeWritten(off.lo(), off.hi() - off.lo() + size)) {
            return "bytes " + off.lo() + ".." + (off.hi() + size - 1) + ", which nothing has written (" + hull + " may have been)";
        }
        if (everyOffset || widened || charLike || off.isSingleton()) return null;
        if (!c.mayBeWritten(off.hi(), size)) {
            return "element at offset " + off.hi() + " (of offsets " + off + "), which nothing has written (" + hull + " may have been)";
        }
        if (!c.mayBeWritten(off.lo(), size)) {
            return "element at offset " + off.lo() + " (of offsets " + off + "), which nothing has written (" + hull + " may have been)";
        }
        return null;
    }
}
