package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr.BinOp;

import java.util.Map;

/**
 * What a branch condition {@code x op other} says about x. Only the known part narrows.
 * <p>For untrusted values it also decides what counts as checked, in Smatch's "capped" discipline:
 * an untrusted x bounded above by a trusted bound the intervals cannot express (a field, a parameter,
 * another object's size) is capped: it is no longer evidence of an overflow. Bounded by a known
 * interval it keeps its taint with the narrowed range, so a check against the wrong constant is still
 * reported. Bounded above by an untrusted value, it is bounded by what the attacker chose: it takes
 * that taint (a loop {@code i < len} over an unchecked length runs as far as the input says).
 */
final class Refinement {
    private Refinement() { }

    /** A bound this high keeps a value inside its type (INT_MAX, UINT_MAX); it bounds no object. */
    static final long RANGE_GUARD = 1L << 30;

    private static boolean boundsAbove(BinOp op) { return op == BinOp.LT || op == BinOp.LE || op == BinOp.EQ; }

    static Value constrain(Value x, BinOp op, Value other) {
        if (x.taint != null && other.taint == null && !x.isPointer() && !other.isPointer() && boundsAbove(op)
                && (other.num.isBottom() || other.num.hi() == Interval.POS_INF || other.unknown)
                && (other.num.isBottom() || other.num.lo() < RANGE_GUARD)) {
            // (a bound no smaller than a billion, SIZE_MAX / 10 before a product, keeps the value inside its
            // type: it caps nothing an object's size would)
            return new Value(x.num, x.pts, x.unknown, null, true);
        }
        if (other.unknown && other.num.isBottom()) return x;
        if (other.isPointer()) return x;
        Interval o = other.num;
        if (o.isBottom()) return x;
        if (x.isPointer() || (x.num.isSingleton() && x.num.lo() == 0 && x.pts.isEmpty() && !x.unknown && o.isSingleton())) {
            // pointers: only tests against NULL (not against "NULL or a pointer nothing is known of")
            if (!(o.isSingleton() && o.lo() == 0) || other.unknown) return x;
            if (op == BinOp.EQ) return x.isPointer() || x.num.contains(0) ? new Value(x.num.meet(Interval.ZERO), Map.of(), false, x.taint) : x;
            if (op == BinOp.NE) {
                Interval n = x.num.isSingleton() && x.num.lo() == 0 ? Interval.BOTTOM : x.num;
                return new Value(n, x.pts, x.unknown, x.taint);
            }
            return x;
        }
        Interval n = x.num;
        // equal to one known integer: exactly that integer, whatever else an unconstrained x might have been
        if (op == BinOp.EQ && x.unknown && x.pts.isEmpty() && !other.unknown && other.pts.isEmpty() && o.isSingleton()) {
            return new Value(o, x.pts, false, x.taint, false);
        }
        Interval r = switch (op) {
            case LT -> n.meet(Interval.of(Interval.NEG_INF, o.hi() == Interval.NEG_INF ? Interval.NEG_INF : o.hi() - 1));
            case LE -> n.meet(Interval.of(Interval.NEG_INF, o.hi()));
            case GT -> n.meet(Interval.of(o.lo() == Interval.POS_INF ? Interval.POS_INF : o.lo() + 1, Interval.POS_INF));
            case GE -> n.meet(Interval.of(o.lo(), Interval.POS_INF));
            case EQ -> n.meet(o);
            case NE -> {
                if (o.isSingleton() && !n.isBottom()) {
                    if (n.lo() == o.lo() && n.hi() == o.lo()) yield Interval.BOTTOM;
                    if (n.lo() == o.lo()) yield Interval.of(n.lo() + 1, n.hi());
                    if (n.hi() == o.lo()) yield Interval.of(n.lo(), n.hi() - 1);
                }
                yield n;
            }
            default -> n;
        };
        // a bound set by a test against a known value is real again, whatever widening did before; but a
        // test that leaves the value past a billion (n <= INT_MAX before a conversion to int, i >= 0 on what
        // that n bounds) only keeps it inside its type: it bounds nothing an object's size would
        boolean stillWidened = x.widened && (other.widened || other.unknown || r.equals(n) || (!r.isBottom() && r.hi() >= RANGE_GUARD));
        if (x.taint == null && other.taint != null && boundsAbove(op) && !r.isBottom()) {
            // bounded by what the input says: as far as the attacker chooses
            return new Value(r, x.pts, x.unknown, other.taint, false);
        }
        return new Value(r, x.pts, x.unknown, x.taint, stillWidened);
    }

    /**
     * An integer the analysis knows nothing of, tested against a known bound from above ({@code if (len >
     * 32) return}): past the test the code itself says how far the value can go, Smatch's implied range.
     * Only a parameter's: the length or index a function is handed and tests itself. A local copied
     * from memory may have been tested from below as that memory ({@code if (calls[i] >= START) { fn =
     * calls[i]; if (fn < LAST) t[fn - START]; }}), and the cap would take its type's least value for the
     * start. Before the test narrows it, the value becomes what its type allows with its upper side left
     * open ({@code [0, +oo]} for an unsigned integer; a signed one is unbounded below, no evidence of an
     * index below zero), marked as widening marks a bound no test set. The test then bounds it ({@code [0,
     * 32]}), and a bound too large for the object the value reaches is the wrong bound: the check lets the
     * overflow through. A bound that only keeps the value inside a type ({@link #RANGE_GUARD}), an
     * untrusted one (see {@link #constrain}) or one that widening extrapolated says nothing of an object.
     * A test from below alone gives nothing: a value bounded on one side says nothing of where it ends.
     */
    static Value cappedByCheck(Value x, BinOp op, Value other, io.memsafe.ir.Type type) {
        if (op != BinOp.LT && op != BinOp.LE) return x;
        if (!x.unknown || !x.num.isBottom() || x.isPointer() || x.taint != null || !(type instanceof io.memsafe.ir.Type.Int t)) return x;
        if (other.unknown || other.isPointer() || other.widened || other.taint != null || other.num.isBottom()) return x;
        if (other.num.hi() >= RANGE_GUARD || other.num.hi() < 0) return x;
        return new Value(Interval.of(t.signed() ? Interval.NEG_INF : 0, Interval.POS_INF), x.pts, false, null, true);
    }

    /**
     * {@code x op other} tested in an unsigned type of {@code size} bytes to which the signed x was
     * converted ({@code (size_t)i < n}, {@code i < sizeof buf} for an int i): a negative x converts to
     * at least 2^(8*size) - 2^31 (for a 64-bit type the analysis' +oo, as {@link Interval#castTo} has
     * it), so a test that bounds the converted value below that also says x is not negative.
     */
    static Value nonNegativeBelow(Value x, BinOp op, Value other, long size) {
        if (x.isPointer() || x.num.isBottom() || other.isPointer() || other.num.isBottom() || other.unknown) return x;
        if (op != BinOp.LT && op != BinOp.LE) return x;
        long bound = op == BinOp.LT ? other.num.hi() - 1 : other.num.hi();
        long leastNegativeImage = size >= 8 ? Interval.POS_INF : (1L << (8 * size)) - (1L << 31);
        if (other.num.hi() == Interval.POS_INF && op == BinOp.LE || bound >= leastNegativeImage) return x;
        return x.withNum(x.num.meet(Interval.of(0, Interval.POS_INF)));
    }

    /**
     * The size of the unsigned type two integer operands are compared in after the usual arithmetic
     * conversions (an int beside a size_t: 8), or 0 when they are compared as signed.
     */
    static long unsignedComparison(io.memsafe.ir.Type a, io.memsafe.ir.Type b) {
        if (!(a instanceof io.memsafe.ir.Type.Int x) || !(b instanceof io.memsafe.ir.Type.Int y)) return 0;
        long xs = Math.max(4, x.size()), ys = Math.max(4, y.size());
        boolean xu = !x.signed() && x.size() >= 4, yu = !y.signed() && y.size() >= 4;
        if (xu && (!yu ? xs >= ys : true)) return Math.max(xs, ys);
        if (yu && ys >= xs) return ys;
        return 0;
    }

    /** A signed operand's value as the unsigned type of {@code size} bytes a comparison converts it to (-1: the largest value). */
    static Value asUnsigned(Value v, io.memsafe.ir.Type t, long size) {
        if (size == 0 || !(t instanceof io.memsafe.ir.Type.Int i) || !i.signed() || v.isPointer() || v.num.isBottom() || v.num.lo() >= 0) return v;
        return ValueArithmetic.wrap(v, new io.memsafe.ir.Type.Int(size, false, false));
    }
}
