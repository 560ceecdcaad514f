package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Type;

/**
 * Integer arithmetic on untrusted values that wraps around its type: {@code count * size} past the
 * type's maximum, {@code len - header} below zero in an unsigned type. The result is small where the
 * code believes it large (or the reverse), and the allocation, copy or index it reaches is then the
 * overflow (CWE-190/191 leading to 122/787). The analysis computes exact mathematical results and
 * converts them to the type afterwards ({@link Interpreter#wrap}); here the untrusted value's origin
 * records that the conversion took place, so that the finding can show the wrap. A value checked
 * first ({@code if (n > SIZE_MAX / m)}, a constant bound) has a range that fits and records nothing.
 */
final class SizeArithmetic {
    private SizeArithmetic() { }

    /**
     * A value whose arithmetic wrapped below zero into a huge unsigned number, tested against an upper
     * bound that is not a constant ({@code if (size > len - off) fail}): on the path that goes on it is
     * capped by what that bound stands for (the input's length, the room left), as Smatch's "capped"
     * values are, so the wrap is no longer what a later allocation or copy trusts. A wrap that shrinks
     * the value (a product past the maximum) is not cured by such a test: the small result passes it.
     */
    static Value capped(Value v, BinOp op, Value bound) {
        if (v.taint == null || v.taint.wrap() == null || v.taint.wrapShrinks() || (op != BinOp.LT && op != BinOp.LE)
                || bound.isPointer() || bound.constant() != null || !v.pts.isEmpty()) return v;
        return v.withTaint(new Origin(v.taint.what(), v.taint.loc(), null, null, false, v.taint.capped()));
    }

    /**
     * {@code guarded}: whether a division check ({@code if (w > INT_MAX / h) fail}) guards the product
     * up to the given maximum, asked only of a multiplication that would otherwise be marked.
     */
    static Value markWrap(Expr.Binary b, Value left, Value right, Value result, SourceLoc at, java.util.function.LongPredicate guarded) {
        // words shifted and mixed by ^, | or & (a random number, a hash, a checksum) wrap by design: what comes
        // out of the mixing is a new number, not a size that went past its type
        if (result.taint != null && result.taint.wrap() != null && (b.op() == BinOp.XOR || b.op() == BinOp.OR || b.op() == BinOp.AND)) {
            return result.withTaint(new Origin(result.taint.what(), result.taint.loc()));
        }
        // the first wrap on the way is the one shown, unless a later one is the kind that makes the value small
        if (result.taint == null || result.taint.wrapShrinks() || !(b.type() instanceof Type.Int t)) return result;
        if (b.op() != BinOp.ADD && b.op() != BinOp.SUB && b.op() != BinOp.MUL && b.op() != BinOp.SHL) return result;
        if (left.isPointer() || right.isPointer() || left.num.isBottom() || right.num.isBottom()) return result;
        Interval x = left.num, y = right.num;
        Interval exact = switch (b.op()) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            default -> x.shl(y);
        };
        long size = Math.max(4, t.size());
        Interval range = Interval.ofType(size, t.signed());
        boolean finiteInputs = x.lo() != Interval.NEG_INF && x.hi() != Interval.POS_INF && y.lo() != Interval.NEG_INF && y.hi() != Interval.POS_INF;
        boolean saturated = exact.lo() == Interval.NEG_INF || exact.hi() == Interval.POS_INF;
        // past what a long holds is not past an unsigned 64-bit type: a product of two 32-bit values
        // ({@code (size_t)w * h}) or a sum of two non-negative longs stays below 2^64
        if (saturated && finiteInputs && !t.signed() && size == 8 && x.lo() >= 0 && y.lo() >= 0
                && (b.op() == BinOp.ADD || b.op() == BinOp.MUL && Math.unsignedMultiplyHigh(x.hi(), y.hi()) == 0)) return result;
        // in an unsigned type a negative operand stands for 2^N minus it (an int count converted to size_t,
        // -x of an unsigned x): a result that stays within one turn below zero is a huge value (a size the
        // allocator refuses), not a small one; only a value a full turn below zero (-2^N + k) comes around
        // to a small size. That is what makes int * sizeof(int) a wrap under ILP32 (N = 32) and not under
        // LP64 (N = 64). Non-negative operands whose difference goes below zero (len - 8) do wrap.
        boolean below = t.signed() || (x.lo() >= 0 && y.lo() >= 0) ? exact.lo() < range.lo() : exact.lo() <= -range.hi();
        boolean outside = below || (exact.hi() > range.hi() && range.hi() != Interval.POS_INF)
                || fullWidth(b.op(), b.left(), left, right, size) || fullWidth(b.op(), b.right(), right, left, size);
        if (!(outside || (finiteInputs && saturated))) return result;
        if (b.op() == BinOp.MUL && guarded.test(range.hi())) return result;
        // a sum of non-negative signed values past the maximum by less than a turn is negative ({@code len + 1}
        // with len = INT_MAX is INT_MIN): as a size it is the sum itself where size_t has the same width, and
        // sign-extended to a wider size_t more than any heap holds (the allocation fails); it never makes the
        // block smaller than what the operands count
        if (b.op() == BinOp.ADD && t.signed() && x.lo() >= 0 && y.lo() >= 0 && !saturated && exact.hi() - range.hi() <= range.hi() + 1) return result;
        String type = (t.signed() ? "" : "unsigned ") + (size * 8) + "-bit";
        String how = exact.lo() < range.lo() && b.op() == BinOp.SUB
                ? "the subtraction can go below zero and wrap around its " + type + " type"
                : "the " + (b.op() == BinOp.MUL || b.op() == BinOp.SHL ? "multiplication" : "addition") + " can wrap around its " + type + " type";
        // a difference of non-negative values below zero becomes huge (2^N - k); anything else that wraps can come
        // out small: past the maximum, or a full turn below zero
        boolean onlyHuge = b.op() == BinOp.SUB && !t.signed() && x.lo() >= 0 && y.lo() >= 0 && exact.lo() > -range.hi()
                && !(exact.hi() > range.hi() && range.hi() != Interval.POS_INF);
        if (result.taint.wrap() != null && onlyHuge) return result;
        return result.withTaint(result.taint.wrapped(how, at, !onlyHuge));
    }

    /**
     * A 64-bit operand that may be any value of its type, as untrusted input gives it (the intervals
     * hold it as unbounded above, the type's maximum not being a long), times at least 2 or plus at least
     * 1: that wraps, though the interval of the result, unbounded too, cannot show it. Only a field of a
     * record read from input ({@code req.count}, {@code hdr->len}), which holds any value the sender
     * wrote; a variable may hold a length the intervals leave unbounded but memory bounds (a string's),
     * and a bound a loop's widening made is no value at all.
     */
    private static boolean fullWidth(BinOp op, Expr operand, Value v, Value other, long size) {
        Expr e = Relations.strip(operand);
        if (!(e instanceof Expr.Load l) || l.lv() instanceof io.memsafe.ir.Lvalue.Var) return false;
        if (size < 8 || v.taint == null || v.widened || v.num.hi() != Interval.POS_INF || other.num.isBottom() || other.num.lo() == Interval.NEG_INF) return false;
        return switch (op) {
            case MUL -> other.num.lo() >= 2;
            case SHL -> other.num.lo() >= 1;
            case ADD -> other.num.lo() >= 1;
            default -> false;
        };
    }

    /**
     * Size arithmetic done in a wide type and converted to a narrower one ({@code u32 bytes = count *
     * sizeof(struct rule)}, where the product is a 64-bit size_t): an untrusted result past the narrow
     * type's maximum is truncated, which makes it small. Only the result of an addition, multiplication
     * or shift counts: a conversion of a plain input value (a byte taken out of a word) truncates by design.
     */
    static Value markTruncation(Expr.Cast c, Value operand, Value result, SourceLoc at) {
        if (operand.taint == null || operand.taint.wrapShrinks() || !operand.pts.isEmpty() || operand.num.isBottom()
                || !(c.type() instanceof Type.Int t) || !(c.operand().type() instanceof Type.Int from) || t.size() >= from.size()) return result;
        Expr e = c.operand();
        while (e instanceof Expr.Cast inner) e = inner.operand();
        // or a length the input chose with no bound at all ({@code u16 len = strlen(name)}): no word is taken apart there
        boolean unbounded = operand.num.hi() == Interval.POS_INF && !operand.unknown && !operand.widened;
        if (!unbounded && (!(e instanceof Expr.Binary b) || (b.op() != BinOp.ADD && b.op() != BinOp.MUL && b.op() != BinOp.SHL))) return result;
        Interval range = Interval.ofType(t.size(), t.signed());
        if (operand.num.hi() <= range.hi() || result.taint == null) return result;
        String type = (t.signed() ? "" : "unsigned ") + (t.size() * 8) + "-bit";
        String what = !(e instanceof Expr.Binary b) ? "length" : b.op() == BinOp.ADD ? "sum" : b.op() == BinOp.MUL ? "product" : "shifted value";
        return result.withTaint(result.taint.wrapped("the " + what + " " + operand.num + " does not fit the " + type
                + " type it is converted to, which truncates it", at, true));
    }
}
