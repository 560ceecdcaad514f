package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Type;

import java.util.Map;

/**
 * An index that is an unsigned difference of the pointers' width and went below zero: {@code
 * s[len - 1]} with a {@code size_t len} of 0. The difference wraps to SIZE_MAX, and the address the
 * index computes wraps the same way, modulo 2^64: {@code s + SIZE_MAX} is {@code s - 1}. The wrapped
 * value is a range the intervals cannot tell from "anything" (0 and SIZE_MAX are both in it), so the
 * access would be past an end nobody knows; as an offset, the exact difference says what happens,
 * one element before the start (CWE-127/124, the {@code name[len - 1]} of an empty name). Only for
 * indexes as wide as a pointer (LP64, LLP64): a 32-bit unsigned index that wrapped is 4 GB past the
 * start, and stays what the wrap made it.
 */
final class WrappedIndex {
    private WrappedIndex() { }

    /** An unsigned difference (or sum) and its mathematical value, before the wrap to its type. */
    record Exact(Expr.Binary at, Interval value) { }

    /** The exact value of {@code b} when it is an unsigned pointer-wide difference or sum that goes below zero, else null. */
    static Exact exact(Expr.Binary b, Value l, Value r) {
        if ((b.op() != BinOp.SUB && b.op() != BinOp.ADD) || !(b.type() instanceof Type.Int t) || t.signed() || t.size() != 8) return null;
        if (l.isPointer() || r.isPointer() || l.num.isBottom() || r.num.isBottom()) return null;
        // a zero the analysis knows of, or one the input can choose: not the bottom of a type's range it knows nothing within
        if ((l.unknown || r.unknown) && l.taint == null && r.taint == null) return null;
        Interval x = l.num, y = r.num;
        Interval e = b.op() == BinOp.SUB ? x.sub(y) : x.add(y);
        // only a value within reach below zero: a difference of lengths, not of arbitrary words
        if (e.isBottom() || e.lo() >= 0 || e.lo() < -(1L << 32)) return null;
        return new Exact(b, e);
    }

    /** The index an access uses: the exact difference when the index expression is one that went below zero. */
    static Value asOffset(Expr index, Value wrapped, Exact below) {
        if (below == null || Relations.strip(index) != below.at()) return wrapped;
        return new Value(below.value(), Map.of(), wrapped.unknown, wrapped.taint, wrapped.widened);
    }
}
