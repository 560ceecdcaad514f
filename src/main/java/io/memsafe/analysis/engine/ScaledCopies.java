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
 */
final class ScaledCopies {
    private ScaledCopies() { }

    /** Separates the local's key from the factor (no region key holds it). */
    private static final String MARK = "\u00d7";
    /** Larger factors are not worth a variable: growth is by small multiples. */
    private static final long MAX_FACTOR = 1 << 16;

    record Copy(String base, long k) {
        String key() { return base + MARK + k; }
    }

    /** The copy a relation variable is, or null. */
    static Copy of(String key) {
        int i = key.lastIndexOf(MARK);
        if (i <= 0) return null;
        try {
            return new Copy(key.substring(0, i), Long.parseLong(key.substring(i + MARK.length())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code y * k} or {@code k * y} of a tracked integer local y and a constant k from 2 up: the key of
     * its copy; else null.
     */
    static String of(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        if (!(e instanceof Expr.Binary b) || b.op() != BinOp.MUL || !(b.type() instanceof Type.Int)) return null;
        Long kl = Relations.constant(b.left()), kr = Relations.constant(b.right());
        Expr other = kr != null ? b.left() : kl != null ? b.right() : null;
        long k = kr != null ? kr : kl != null ? kl : 0;
        if (other == null || k < 2 || k > MAX_FACTOR) return null;
        String y = Relations.cell(in, other, s, f);
        Relations.Place p = y == null ? null : in.relatedPlaces.get(y);
        if (p == null || p.pointer() || p.field()) return null;
        return new Copy(y, k).key();
    }

    /** The value a copy stands for: k times what its local holds (unknown when that is). */
    static Value value(Interpreter in, Copy c, State s) {
        Value v = Relations.value(in, c.base(), s);
        if (v.unknown || !v.pts.isEmpty() || v.num.isBottom()) return Value.UNKNOWN;
        return new Value(v.num.mul(Interval.of(c.k())), Map.of(), false, v.taint, v.widened);
    }

    /**
     * A copy entering the relations: its distance from its local, {@code (k - 1) * y}, within what y's
     * bounds make of it (only for a y that is not negative and bounded).
     */
    static Octagon<String> related(Copy c, Interval base, Octagon<String> r) {
        if (base == null || base.isBottom() || base.lo() < 0 || base.hi() == Interval.POS_INF || base.hi() > Long.MAX_VALUE / c.k()) return r;
        long lo = (c.k() - 1) * base.lo(), hi = (c.k() - 1) * base.hi();
        Octagon<String> o = r.addConstraint(c.key(), c.base(), hi).addConstraint(c.base(), c.key(), -lo);
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
