package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Type;

/**
 * Integers read from a wire format. A length in a packet header or a file's record is untrusted
 * wherever the parser happens to be — the bytes may have come through several layers of buffers
 * whose origin the analysis cannot follow — and the way it is read gives it away: bytes assembled
 * into a wider integer ({@code p[0] << 8 | p[1]}) or converted from network or a fixed byte order
 * ({@code ntohs}, {@code be32toh}). Coverity's and CodeQL's network models treat these the same way.
 */
final class WireFormat {
    private WireFormat() { }

    private static final String CONVERTED = "-bit field converted from wire byte order by ";
    private static final String ASSEMBLED = "-bit integer assembled from bytes";
    /** An integer an unseen function computed from the bytes of input ({@link AttackSurface#readFromInput}). */
    static final String RETURNED_FROM_BYTES = " returned from the bytes of ";

    /** Is {@code o} an integer read from a wire format (assembled, converted, or returned by an unseen reader of input bytes)? */
    static boolean isWire(Origin o) {
        String w = o.what();
        return w.startsWith("a ") && (w.contains(CONVERTED) || w.contains(ASSEMBLED)) || w.startsWith("the integer ") && w.contains(RETURNED_FROM_BYTES);
    }

    /** The result of a byte-order conversion of {@code v} to a {@code bits}-bit host integer. */
    static Value converted(Value v, int bits, boolean swapped, String function, SourceLoc loc) {
        Long c = v.constant();
        if (c != null) return Value.of(swapped ? swap(c, bits) : c & mask(bits));
        if (v.taint != null && !v.num.isBottom() && v.num.lo() >= 0 && v.num.hi() <= mask(bits) && !swapped) return v;
        Origin o = v.taint != null ? v.taint
                : new Origin("a " + bits + CONVERTED + function + "()", loc);
        return Value.tainted(Interval.of(0, mask(bits)), o);
    }

    private static long mask(int bits) { return bits >= 64 ? Long.MAX_VALUE : (1L << bits) - 1; }

    private static long swap(long x, int bits) {
        return switch (bits) {
            case 16 -> Short.toUnsignedLong(Short.reverseBytes((short) x));
            case 32 -> Integer.toUnsignedLong(Integer.reverseBytes((int) x));
            default -> Long.reverseBytes(x);
        };
    }

    /**
     * Bytes assembled into an integer: an OR, XOR or sum of bytes loaded from memory, at least one of
     * them shifted by a whole number of bytes. Null when {@code b} is not that, or when the bytes
     * are all known (a table of constants) and the ordinary arithmetic is exact.
     */
    static Value assembled(Expr.Binary b, Value computed, SourceLoc loc) {
        if (b.op() != BinOp.OR && b.op() != BinOp.ADD && b.op() != BinOp.XOR) return null;
        if (computed.constant() != null || computed.isPointer()) return null;
        int[] widest = {0};
        boolean[] shifted = {false};
        if (!bytes(b, widest, shifted) || !shifted[0]) return null;
        int bits = Math.min(64, widest[0] + 8);
        // bytes already untrusted (an entry point's buffer) assembled into an integer are a wire-format
        // field all the same: stored into a member, it is untrusted wherever the member is read, as when
        // a helper (`read16_le(p)`) assembles bytes it does not know the origin of
        Origin o = computed.taint == null ? new Origin("a " + bits + ASSEMBLED, loc)
                : assembledAgain(computed.taint, bits) instanceof Origin whole ? whole
                : isWire(computed.taint) ? computed.taint
                : new Origin("a " + bits + ASSEMBLED + " (" + computed.taint.what() + ")", computed.taint.loc());
        if (computed.taint != null && !computed.num.isBottom() && computed.num.lo() >= 0 && computed.num.hi() <= mask(bits)) {
            return o == computed.taint ? null : Value.tainted(computed.num, o);
        }
        return Value.tainted(Interval.of(0, mask(bits)), o);
    }

    /**
     * An integer assembled from bytes ({@code t}) that a wider expression of bytes goes on assembling
     * ({@code p[0] | p[1] << 8 | p[2] << 16}, evaluated pair by pair): named with the width of the whole
     * ({@code t} itself when that is its width already); null for any other origin.
     */
    private static Origin assembledAgain(Origin t, int bits) {
        String w = t.what();
        int i = w.indexOf(ASSEMBLED);
        if (!w.startsWith("a ") || i < 0) return null;
        String whole = "a " + bits + w.substring(i);
        return whole.equals(w) ? t : new Origin(whole, t.loc(), t.wrap(), t.wrapLoc(), t.wrapShrinks(), t.capped());
    }

    /** Is {@code e} a combination of shifted byte loads? Records the largest shift and whether any byte is shifted. */
    private static boolean bytes(Expr e, int[] widest, boolean[] shifted) {
        e = stripCasts(e);
        if (e instanceof Expr.Binary b) {
            if (b.op() == BinOp.OR || b.op() == BinOp.ADD || b.op() == BinOp.XOR) return bytes(b.left(), widest, shifted) && bytes(b.right(), widest, shifted);
            if (b.op() == BinOp.SHL && stripCasts(b.right()) instanceof Expr.IntConst k && k.value() % 8 == 0 && k.value() > 0 && k.value() < 64
                    && isByteLoad(b.left())) {
                widest[0] = Math.max(widest[0], (int) k.value());
                shifted[0] = true;
                return true;
            }
            return false;
        }
        return isByteLoad(e);
    }

    private static boolean isByteLoad(Expr e) {
        return stripCasts(e) instanceof Expr.Load l && l.lv().type() instanceof Type.Int i && i.size() == 1;
    }

    private static Expr stripCasts(Expr e) {
        while (e instanceof Expr.Cast c) e = c.operand();
        return e;
    }
}
