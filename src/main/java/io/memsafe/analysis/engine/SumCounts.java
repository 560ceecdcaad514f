package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Type;

/**
 * Blocks sized by a sum of two lengths, the concatenation idiom:
 * <pre>
 *   p = malloc(la + lb + 1);  memcpy(p, a, la);  strcpy(p + la, b);   // b's length is lb
 * </pre>
 * The block's byte count is {@code la + lb + 1}, three variables, which an octagon cannot hold. What the
 * copies need is the room after each summand: the variable {@code la×room:p} stands for
 * {@code count - la}, equal to {@code lb + 1}, two variables, as long as {@code la} keeps its value (it is
 * a copy of la in {@link ScaledCopies}' sense, forgotten with it). A write at {@code p + la} of a length
 * L then ends past the count exactly when {@code L} exceeds that room: {@code strcpy(p + la, b)} writes
 * {@code lb + 1} bytes into {@code malloc(la + lb)}, one too many, whatever the lengths are.
 */
final class SumCounts {
    private SumCounts() { }

    /** Separates the summand's key from the block's in a room variable (the mark of {@link ScaledCopies}, so it goes with the summand). */
    private static final String MARK = "\u00d7room:";
    /** What a byte count may add to the two lengths and still not wrap. */
    private static final long SMALL_EXTRA = 1 << 16;

    /** The variable for the bytes of {@code block} after the first {@code u} bytes, u a summand of its size. */
    static String room(String u, Region block) { return u + MARK + block.key; }

    /** Is this variable the room after a summand of the block keyed {@code blockKey}? */
    static boolean isRoomOf(String k, String blockKey) { return k.endsWith(MARK + blockKey); }

    /**
     * After {@code block = malloc(x + y + c)}: the room after x is y + c, and after y is x + c. Only for
     * lengths no input chose, not negative, and a small c, whose sum cannot come near wrapping.
     */
    static void allocated(Interpreter in, Relations.Linear n, Region block, State s) {
        if (n.x() == null || n.y() == null || n.sx() != 1 || n.sy() != 1 || n.c() < 0 || n.c() > SMALL_EXTRA || n.x().equals(n.y())) return;
        Relations.introduce(in, n, s);
        for (String k : new String[] {n.x(), n.y()}) {
            Value v = Relations.value(in, k, s);
            Interval b = s.rel.bounds(k);
            // (a length of unknown size is unbounded here: a string's, say; one that may be negative is no length)
            if (v.taint != null || b.isBottom() || (b.lo() < 0 && b.lo() != Interval.NEG_INF)) return;
        }
        s.rel = s.rel.assign(room(n.x(), block), n.y(), n.c()).assign(room(n.y(), block), n.x(), n.c());
        String size = name(in, n.x()) + " + " + name(in, n.y()) + (n.c() != 0 ? " + " + n.c() : "");
        in.sumSizes.put(room(n.x(), block), size);
        in.sumSizes.put(room(n.y(), block), size);
    }

    /**
     * A place {@code p + u + c0} in a block whose room after u the relations hold: that room's variable,
     * c0, and a pointer to the place (into the block, at u's offsets plus c0) for the access to report on.
     */
    record At(String room, long offset, Value pointer) { }

    /** What the relations say of a write of {@code len + lc} bytes at {@code at}, for the message. */
    static String detail(Interpreter in, At at, String len, long lc) {
        String u = name(in, at.room().substring(0, at.room().indexOf(MARK)));
        String size = in.sumSizes.getOrDefault(at.room(), "a sum of lengths");
        return "the block holds " + size + " bytes; " + (lc != 0 ? name(in, len) + " + " + lc : name(in, len)) + " bytes written from offset " + u
                + (at.offset() != 0 ? " + " + at.offset() : "") + " end past it";
    }

    /** A related variable's name in the source ('la'), or "a length". */
    private static String name(Interpreter in, String k) {
        Relations.Place p = in.relatedPlaces.get(k);
        String d = p == null ? null : p.region().description;
        if (d != null && d.startsWith("'") && d.indexOf('\'', 1) > 0) return d.substring(0, d.indexOf('\'', 1) + 1);
        return k.startsWith("z:") ? "the string's length" : "a length";
    }

    /**
     * The place {@code e} (a pointer argument of value {@code p}) designates, when it is {@code q + u + c0}
     * with q a local pointer to the start of one block whose room after the local u the relations hold.
     */
    static At at(Interpreter in, Expr e, Value p, State s, Interpreter.Frame f) {
        if (f.fn() == null) return null;
        while (e instanceof Expr.Cast c && c.type() instanceof Type.Pointer) e = c.operand();
        // (p + u) + c0: the constant steps after the summand
        long steps = 0;
        while (e instanceof Expr.Binary b && b.op() == BinOp.ADD && b.scale() == 1 && b.left().type() instanceof Type.Pointer
                && Relations.constant(b.right()) instanceof Long k && Relations.strip(b.left()) instanceof Expr.Binary) {
            steps = Relations.satAdd(steps, k);
            e = Relations.strip(b.left());
        }
        if (!(e instanceof Expr.Binary b) || b.op() != BinOp.ADD || b.scale() != 1) return null;
        Expr left = b.left();
        while (left instanceof Expr.Cast c && c.type() instanceof Type.Pointer) left = c.operand();
        if (!(left instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var pv) || pv.var().isGlobalStorage()) return null;
        // (the sum's value may be unknown where the summand is: the block is the one q points to the start of)
        Value q = s.contents(in.region(pv.var(), f.fn())).load(Interval.ZERO, 8);
        if (q.unknown || q.pts.size() != 1 || !q.num.isBottom()) return null;
        Region block = q.pts.keySet().iterator().next();
        if (!Interval.ZERO.equals(q.pts.get(block)) || !(p.unknown || p.pts.isEmpty() || p.pts.keySet().equals(q.pts.keySet()))) return null;
        Relations.Linear off = Relations.linear(in, b.right(), s, f);
        if (off == null || off.x() == null || off.y() != null || off.sx() != 1) return null;
        off = new Relations.Linear(off.x(), 1, null, 0, Relations.satAdd(off.c(), steps));
        String r = room(off.x(), block);
        if (!s.rel.variables().contains(r)) return null;
        Interval u = s.rel.bounds(off.x());
        Interval from = u.isBottom() || u.lo() == Interval.NEG_INF ? Interval.of(0, Interval.POS_INF)
                : Interval.of(Math.max(0, Relations.satAdd(u.lo(), off.c())), Interval.POS_INF);
        Value at = p.pts.keySet().equals(q.pts.keySet()) && !p.unknown ? p : Value.pointer(block, from);
        return new At(r, off.c(), at);
    }

    /**
     * Where a write of {@code len + lc} bytes ({@code len} a related variable) at {@code at} ends: inside
     * when the room bounds it, past the count when the tightest relation lets it run past (evidence
     * whatever the lengths), else unrelated.
     */
    static MemoryAccess.End end(At at, String len, long lc, State s) {
        long d = s.rel.upperDiff(len, at.room());
        if (d == Octagon.INF) return MemoryAccess.End.UNRELATED;
        if (Relations.satAdd(Relations.satAdd(d, at.offset()), lc) <= 0) return MemoryAccess.End.INSIDE;
        return BlockCounts.related(s, len, at.room()) ? MemoryAccess.End.PAST_COUNT : MemoryAccess.End.UNRELATED;
    }
}
