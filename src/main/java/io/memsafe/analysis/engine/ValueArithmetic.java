package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Type;

import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of abstract values (moved out of {@link Interpreter}): conversions, unary and binary
 * operators, comparisons, and whether a value's truth is known. Pure functions of their operands.
 */
final class ValueArithmetic {
    private ValueArithmetic() { }

    /**
     * Conversion to an integer type. When a known value may not fit, the result is any value of the
     * type: for input-derived values that is what an attacker can reach (kept, tainted); otherwise
     * it only reflects imprecision (the analysis did not bound an intermediate), so it becomes
     * unknown rather than evidence.
     */
    static Value wrap(Value v, Type.Int i) {
        Interval range = Interval.ofType(i.size(), i.signed());
        if (v.num.isBottom() || v.num.leq(range)) return v;
        Interval c = v.num.castTo(i.size(), i.signed());
        if (v.taint != null || c.isSingleton()) return v.withNum(c);
        return new Value(Interval.BOTTOM, v.pts, true, null, v.widened);
    }

    /**
     * A sum, difference or product computed in an unsigned type and converted to the signed type of the
     * same width ({@code int count = size / 4 - 3} with an unsigned size): the conversion takes the
     * wrapped value back to the mathematical one whenever that fits the signed type, which an interval
     * of the wrapped unsigned values (two pieces, joined into the whole range) cannot say. The exact
     * result when it fits; null otherwise (the usual evaluation applies).
     */
    static Value backToSigned(Expr.Cast c, Interpreter in, State s, Interpreter.Frame f) {
        if (!(c.type() instanceof Type.Int to) || !to.signed() || to.size() >= 8 || !(c.operand() instanceof Expr.Binary b)
                || !(b.op() == BinOp.ADD || b.op() == BinOp.SUB || b.op() == BinOp.MUL) || !(b.type() instanceof Type.Int from)
                || from.signed() || from.size() != to.size()) return null;
        Value l = in.eval(b.left(), s, f), r = in.eval(b.right(), s, f);
        if (l.isPointer() || r.isPointer() || l.unknown || r.unknown || l.num.isBottom() || r.num.isBottom()) return null;
        Value math = binary(b.op(), l, r, b.scale(), null);
        return !math.num.isBottom() && math.num.leq(Interval.ofType(to.size(), true)) ? math : null;
    }

    static Value cast(Value v, Type to) { return cast(v, to, null); }

    /** from: the operand's type; a pointer keeps designating memory in an integer as wide as it (uintptr_t). */
    static Value cast(Value v, Type to, Type from) {
        if (to instanceof Type.Int i) {
            Value r = wrap(v, i);
            // a pointer converted to a small integer no longer designates memory
            long width = from instanceof Type.Pointer p ? p.size() : 8;
            return i.size() < width ? r.withoutPointers().withUnknown(r.unknown || !v.pts.isEmpty()) : r;
        }
        return v;
    }

    static Value unary(Expr.Unary u, Value v) {
        Value r = switch (u.op()) {
            case NEG -> v.withNum(v.num.neg()).withoutPointers();
            case BITNOT -> v.withNum(v.num.neg().sub(Interval.of(1))).withoutPointers();
            case NOT -> {
                Boolean t = truth(v);
                yield t == null ? Value.of(Interval.of(0, 1)) : Value.of(t ? 0 : 1);
            }
        };
        if (u.op() == Expr.UnOp.NOT) return r.withTaint(v.taint);
        return u.type() instanceof Type.Int i ? wrap(r, i) : r;
    }

    /** True / false when a value's truth is known; null when it may be either. */
    static Boolean truth(Value v) {
        if (v.unknown) return null;
        boolean mayZero = v.num.contains(0);
        boolean mayNonZero = !v.pts.isEmpty() || (!v.num.isBottom() && !(v.num.isSingleton() && v.num.lo() == 0));
        if (mayZero && !mayNonZero) return false;
        if (mayNonZero && !mayZero) return true;
        return v.isBottom() ? Boolean.FALSE : null;
    }

    static Value binary(BinOp op, Value a, Value b, long scale, Type type) {
        boolean unknown = a.unknown || b.unknown;
        Origin taint = a.taint != null ? a.taint : b.taint;
        if (op.isComparison()) return comparison(op, a, b).withTaint(taint);
        if ((op == BinOp.ADD || op == BinOp.SUB) && (a.isPointer() || b.isPointer())) {
            Value p = a.isPointer() ? a : b, i = a.isPointer() ? b : a;
            Interval delta = i.num.mul(Interval.of(scale));
            if (op == BinOp.SUB) delta = delta.neg();
            Map<Region, Interval> pts = new TreeMap<>();
            // an offset the analysis knows nothing of still stays inside the pointer's object as far as C is
            // concerned (anything else is undefined): keep the objects, at any offset, so what happens to
            // them (a free, a realloc) still reaches the element pointer (el->pool + el->pool_len)
            Interval by = delta.isBottom() ? Interval.TOP : delta;
            for (Map.Entry<Region, Interval> e : p.pts.entrySet()) pts.put(e.getKey(), e.getValue().add(by));
            Interval num = p.num.isBottom() || i.num.isBottom() ? Interval.BOTTOM : p.num.add(delta);
            if (!p.num.isBottom() && p.num.isSingleton() && p.num.lo() == 0 && !num.isBottom()) {
                // NULL plus an offset is still not a valid pointer: keep it as a small integer; beside
                // known regions it stays the NULL marker (a failed allocation indexed is still NULL)
                num = p.pts.isEmpty() ? num.join(Interval.ZERO) : Interval.ZERO;
            }
            // An offset the analysis knows nothing of moves the pointer within its objects: it is no more
            // "anything" than the pointer was, unless there were no objects to stay in. Nor does it say where
            // in them the pointer lands: an untrusted index of no known value is no evidence of an access
            // out of bounds (the objects are kept for what happens to them), so its taint is not the pointer's.
            Origin t = delta.isBottom() && !pts.isEmpty() ? p.taint : taint;
            return new Value(num, pts, p.unknown || (i.unknown && pts.isEmpty()), t, a.widened || b.widened);
        }
        if (op == BinOp.PTRDIFF) {
            if (a.pts.size() == 1 && b.pts.size() == 1 && a.pts.keySet().equals(b.pts.keySet()) && !unknown) {
                Interval d = a.pts.values().iterator().next().sub(b.pts.values().iterator().next());
                return new Value(d.div(Interval.of(scale)), Map.of(), false, taint, a.widened || b.widened);
            }
            return new Value(Interval.BOTTOM, Map.of(), true, taint);
        }
        Interval x = a.num, y = b.num;
        if ((op == BinOp.DIV || op == BinOp.MOD) && type instanceof Type.Int t && t.size() >= 8 && !t.signed()) {
            // a quotient of 64-bit unsigned values: a constant above LONG_MAX (SIZE_MAX, held as -1) is huge,
            // not negative. SIZE_MAX / 2 was 0, which made `if (cap > SIZE_MAX / 2) fail;` fail for every
            // cap and `n > SIZE_MAX / sizeof(T)` bound n by 0. Constants divide exactly, unsigned; else such
            // an operand is "huge"
            if (!a.isPointer() && !b.isPointer() && x.isSingleton() && y.isSingleton() && y.lo() != 0 && x.lo() != Interval.POS_INF && y.lo() != Interval.POS_INF) {
                long q = op == BinOp.DIV ? Long.divideUnsigned(x.lo(), y.lo()) : Long.remainderUnsigned(x.lo(), y.lo());
                return wrap(new Value(Interval.of(q), Map.of(), unknown, taint, a.widened || b.widened), t);
            }
            x = x.castTo(8, false);
            y = y.castTo(8, false);
        }
        if (op == BinOp.MOD && type instanceof Type.Int t && !t.signed() && !b.unknown && !b.isPointer() && !a.isPointer() && !y.isBottom()
                && y.lo() > 0 && y.hi() != Interval.POS_INF) {
            // an unsigned remainder is below the divisor whatever the dividend ({@code offset = size % kBlockSize}
            // of a size the analysis knows nothing of)
            Interval below = Interval.of(0, y.hi() - 1);
            Interval r = a.unknown || x.isBottom() ? below : x.castTo(t.size(), false).rem(y).meet(below);
            if (!r.isBottom()) return new Value(r, Map.of(), false, taint, a.widened || b.widened);
        }
        Interval r = switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            case MOD -> x.rem(y);
            case SHL -> x.shl(y);
            case SHR -> shiftRight(x, y, type);
            case AND -> x.bitAnd(y);
            case OR -> x.bitOr(y);
            case XOR -> x.bitXor(y);
            default -> Interval.TOP;
        };
        boolean lostPointer = a.isPointer() || b.isPointer();
        Value result = new Value(r, Map.of(), unknown || lostPointer, taint, a.widened || b.widened);
        if (type instanceof Type.Int t) result = wrap(result, new Type.Int(Math.max(t.size(), 4), t.signed(), false));
        return result;
    }

    /**
     * {@code x >> y} in the type of the result. A 64-bit value the intervals know only as "large"
     * (the product of a hash multiplier, +oo) still has at most 64 bits, so shifting it right by
     * {@code k} leaves at most {@code 64 - k} of them: {@code (v * PRIME) >> 50} indexes a table of
     * 2^14 entries.
     */
    private static Interval shiftRight(Interval x, Interval y, Type type) {
        if (type instanceof Type.Int t && t.size() >= 8 && !x.isBottom() && !y.isBottom() && y.lo() >= 1 && y.hi() <= 63
                && (x.hi() == Interval.POS_INF || !t.signed() && x.lo() < 0)) {
            long max = t.signed() ? Long.MAX_VALUE >> y.lo() : -1L >>> y.lo();
            if (t.signed() && x.lo() < 0) return Interval.of(Long.MIN_VALUE >> y.lo(), max);
            return Interval.of(0, max);
        }
        return x.shr(y);
    }

    /**
     * Two non-null pointers that each designate one object the analysis tells apart (a declared
     * variable, or a heap block from an allocation site): different objects have different
     * addresses; the same declared variable at the same offset is the same address. Null otherwise
     * (a block from one site may be one of several, and the storage an unknown pointer designates
     * may be anything, another region included).
     */
    private static Boolean sameAddress(Value a, Value b) {
        if (a.pts.size() != 1 || b.pts.size() != 1 || !a.num.isBottom() || !b.num.isBottom()) return null;
        Map.Entry<Region, Interval> x = a.pts.entrySet().iterator().next(), y = b.pts.entrySet().iterator().next();
        // one object a root's caller handed over, at one place of it: the same address (two such objects may be one)
        if (CallerObjects.is(x.getKey()) && x.getKey().equals(y.getKey()) && x.getValue().isSingleton() && x.getValue().equals(y.getValue())) return Boolean.TRUE;
        if (!distinguishable(x.getKey()) || !distinguishable(y.getKey())) return null;
        if (!x.getKey().equals(y.getKey())) return Boolean.FALSE;
        if (x.getKey().kind == Region.Kind.HEAP || !x.getValue().isSingleton() || !y.getValue().isSingleton()) return null;
        return x.getValue().lo() == y.getValue().lo();
    }

    private static boolean distinguishable(Region r) {
        return r.kind == Region.Kind.STACK || r.kind == Region.Kind.GLOBAL || r.kind == Region.Kind.HEAP;
    }

    private static Value comparison(BinOp op, Value a, Value b) {
        if (a.unknown || b.unknown) return Value.of(Interval.of(0, 1));
        if (a.isPointer() || b.isPointer()) {
            // pointers: only comparisons against NULL are decided
            Value p = a.isPointer() ? a : b, o = a.isPointer() ? b : a;
            if ((op == BinOp.EQ || op == BinOp.NE) && o.constant() != null && o.constant() == 0) {
                boolean mayNull = p.num.contains(0);
                if (!mayNull) return Value.of(op == BinOp.EQ ? 0 : 1);
            }
            Boolean same = op == BinOp.EQ || op == BinOp.NE ? sameAddress(a, b) : null;
            if (same != null) return Value.of(same == (op == BinOp.EQ) ? 1 : 0);
            return Value.of(Interval.of(0, 1));
        }
        Interval x = a.num, y = b.num;
        if (x.isBottom() || y.isBottom()) return Value.of(Interval.of(0, 1));
        Boolean t = switch (op) {
            case LT -> x.hi() < y.lo() ? Boolean.TRUE : x.lo() >= y.hi() ? Boolean.FALSE : null;
            case LE -> x.hi() <= y.lo() ? Boolean.TRUE : x.lo() > y.hi() ? Boolean.FALSE : null;
            case GT -> x.lo() > y.hi() ? Boolean.TRUE : x.hi() <= y.lo() ? Boolean.FALSE : null;
            case GE -> x.lo() >= y.hi() ? Boolean.TRUE : x.hi() < y.lo() ? Boolean.FALSE : null;
            case EQ -> x.isSingleton() && y.isSingleton() && x.lo() == y.lo() ? Boolean.TRUE : x.meet(y).isBottom() ? Boolean.FALSE : null;
            case NE -> x.isSingleton() && y.isSingleton() && x.lo() == y.lo() ? Boolean.FALSE : x.meet(y).isBottom() ? Boolean.TRUE : null;
            default -> null;
        };
        return t == null ? Value.of(Interval.of(0, 1)) : Value.of(t ? 1 : 0);
    }
}
