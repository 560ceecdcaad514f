package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scaled copies of a local in the relations: the octagon variable {@code y×k} stands for k times the
 * value the integer local y holds, for as long as y keeps that value ({@link Relations} forgets the
 * copies of a place with the place). An octagon cannot say {@code x = 2y}; two values computed as the
 * same multiple of the same unchanged local are both equal to its copy, and so to each other: the
 * growth step {@code realloc(p, cap * 2 * sizeof *p); cap *= 2} leaves the block's element count and
 * the new capacity equal, which the next {@code p[n]} under {@code n < cap} needs. A copy also brings
 * how far it is from y ({@code y×2 - y} is y's own range), so an index equal to the old capacity stays
 * below the new count.
 * <p>A masked copy {@code y×&m} stands for {@code y & m} in the same way: a field extracted from a
 * byte and tested ({@code if ((d[0] & 0x0f) > 8) fail}) and then extracted again to be used
 * ({@code tkl = d[0] & 0x0f; memcpy(token, p, tkl)}) is the same value both times, and the test
 * bounds the use. The octagon cannot say {@code x = y & m} either; it knows the copy lies between
 * 0 and both the mask and y (for a y that is not negative). Its local may also be a field, a byte
 * of an input, as long as the relations hold it.
 */
final class ScaledCopies {
    private ScaledCopies() { }

    /** Separates the local's key from the factor (no region key holds it). */
    private static final String MARK = "\u00d7";
    /** Larger factors are not worth a variable: growth is by small multiples. */
    private static final long MAX_FACTOR = 1 << 16;

    /** Marks a masked copy's constant after {@link #MARK}. */
    private static final String AND = "&";

    /** k times the base, or the base masked with k when {@code masked}. */
    record Copy(String base, long k, boolean masked) {
        Copy(String base, long k) { this(base, k, false); }
        String key() { return base + MARK + (masked ? AND : "") + k; }
    }

    /** The copy a relation variable is, or null. */
    static Copy of(String key) {
        int i = key.lastIndexOf(MARK);
        if (i <= 0) return null;
        String k = key.substring(i + MARK.length());
        boolean masked = k.startsWith(AND);
        try {
            return new Copy(key.substring(0, i), Long.parseLong(masked ? k.substring(AND.length()) : k), masked);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code y * k} or {@code k * y} of a tracked integer local y and a constant k from 2 up, or {@code y & m}
     * (see {@link #masked}): the key of its copy; else null.
     */
    static String of(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        if (!(e instanceof Expr.Binary b) || !(b.type() instanceof Type.Int) || (b.op() != BinOp.MUL && b.op() != BinOp.AND)) return null;
        Long kl = Relations.constant(b.left()), kr = Relations.constant(b.right());
        Expr other = kr != null ? b.left() : kl != null ? b.right() : null;
        long k = kr != null ? kr : kl != null ? kl : 0;
        if (other == null) return null;
        return b.op() == BinOp.AND ? masked(in, other, k, s, f) : scaled(in, other, k, s, f);
    }

    /** {@code k * y} of a tracked integer local y and a constant k from 2 up: the key of its copy; else null. */
    static String scaled(Interpreter in, Expr y, long k, State s, Interpreter.Frame f) {
        if (k < 2 || k > MAX_FACTOR) return null;
        String key = Relations.cell(in, y, s, f);
        Relations.Place p = key == null ? null : in.relatedPlaces.get(key);
        if (p == null || p.pointer() || p.field()) return null;
        return new Copy(key, k).key();
    }

    /**
     * {@code y & m} of a related integer place y that is not negative (a local, a field, a byte of an
     * input) and a mask m from 1 up: the key of its masked copy; else null.
     */
    private static String masked(Interpreter in, Expr y, long m, State s, Interpreter.Frame f) {
        if (m < 1 || m > MAX_FACTOR) return null;
        String key = Relations.cell(in, y, s, f);
        Relations.Place p = key == null ? null : in.relatedPlaces.get(key);
        if (p == null || p.pointer() || p.range().lo() < 0 && !(Relations.value(in, key, s).num.lo() >= 0)) return null;
        return new Copy(key, m, true).key();
    }

    /** The value a copy stands for: k times what its local holds, or it masked (unknown when that is). */
    static Value value(Interpreter in, Copy c, State s) {
        Value v = Relations.value(in, c.base(), s);
        if (v.unknown || !v.pts.isEmpty() || v.num.isBottom()) return c.masked() ? Value.of(Interval.of(0, c.k())) : Value.UNKNOWN;
        Interval n = c.masked() ? v.num.bitAnd(Interval.of(c.k())) : v.num.mul(Interval.of(c.k()));
        return new Value(n, Map.of(), false, v.taint, v.widened);
    }

    /**
     * A copy entering the relations: its distance from its local, {@code (k - 1) * y}, within what y's
     * bounds make of it (only for a y that is not negative; the upper distance only for a bounded y).
     */
    static Octagon<String> related(Copy c, Interval base, Octagon<String> r) {
        if (c.masked()) {
            // 0 <= y & m <= m, and y & m <= y; the local enters with its bounds so that its change forgets
            // the copy: without it, no copy
            if (base == null || base.isBottom() || base.lo() < 0) return r.forget(c.key());
            Octagon<String> o = r.meetInterval(c.key(), Interval.of(0, c.k())).meetInterval(c.base(), base).addConstraint(c.key(), c.base(), 0);
            return o.isBottom() || !o.variables().contains(c.base()) ? r.forget(c.key()) : o;
        }
        r = withOtherCopies(c, r);
        if (base == null || base.isBottom() || base.lo() < 0 || base.lo() > Long.MAX_VALUE / c.k()) return r;
        // at least (k - 1) * lo above its local whatever the local's upper bound: {@code cap *= 2} of a cap
        // above 0 grows it past every count that was at most cap
        Octagon<String> o = r.addConstraint(c.base(), c.key(), -(c.k() - 1) * base.lo());
        if (base.hi() != Interval.POS_INF && base.hi() <= Long.MAX_VALUE / c.k()) o = o.addConstraint(c.key(), c.base(), (c.k() - 1) * base.hi());
        return o.isBottom() ? r : o;
    }

    /**
     * A copy entering the relations next to another copy of the same factor: their difference is k times
     * their locals' ({@code i < len} makes {@code i×2 <= len×2 - 2}, which a test {@code len <= (n - 1) / 2}
     * relates to n, so that {@code out[2 * i + 1]} stays below n).
     */
    private static Octagon<String> withOtherCopies(Copy c, Octagon<String> r) {
        if (!r.variables().contains(c.base())) return r;
        Octagon<String> o = r;
        for (String v : r.variables()) {
            Copy other = of(v);
            if (other == null || other.masked() || other.k() != c.k() || other.base().equals(c.base()) || !r.variables().contains(other.base())) continue;
            long up = r.upperDiff(c.base(), other.base()), down = r.upperDiff(other.base(), c.base());
            if (up != Interval.POS_INF && up != Interval.NEG_INF && Math.abs(up) < (Long.MAX_VALUE >> 20) / c.k()) o = o.addConstraint(c.key(), v, up * c.k());
            if (down != Interval.POS_INF && down != Interval.NEG_INF && Math.abs(down) < (Long.MAX_VALUE >> 20) / c.k()) o = o.addConstraint(v, c.key(), down * c.k());
        }
        return o.isBottom() ? r : o;
    }

    /** The relations without the copies of {@code x} (x changed: what they stood for is gone). */
    static Octagon<String> dropCopiesOf(Octagon<String> r, String x) {
        String prefix = x + MARK;
        List<String> copies = new ArrayList<>();
        for (String k : r.variables().tailSet(prefix)) {
            if (!k.startsWith(prefix)) break;
            copies.add(k);
        }
        for (String k : copies) r = r.forget(k);
        return r;
    }
}
