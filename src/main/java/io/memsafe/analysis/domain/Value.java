package io.memsafe.analysis.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The abstract value of a C scalar: a reduced product of
 * <ul>
 * <li>an interval of integer values ({@code num}; for a pointer, 0 is NULL),</li>
 * <li>a points-to map from memory regions to byte-offset intervals ({@code pts}),</li>
 * <li>an {@code unknown} flag: the value may also be anything that an unconstrained source
 *     (a parameter of a root function, unmodelled memory or code) could produce,</li>
 * <li>a taint {@code origin}: some of the values come from untrusted input.</li>
 * </ul>
 * Checkers report only on the known part (num, pts), which is how the analysis keeps quiet about
 * what merely an unconstrained API parameter could cause. Immutable.
 */
public final class Value {
    public final Interval num;
    public final Map<Region, Interval> pts;
    public final boolean unknown;
    public final Origin taint;
    /**
     * Some bound was extrapolated by widening at a loop head and no branch condition on a known
     * value has bounded it since: it says "the loop may run on", not "this value is reached", so it
     * is no evidence for a finding (a loop whose trip count depends on unknown data).
     */
    public final boolean widened;

    private static final Map<Region, Interval> NO_PTS = Map.of();
    public static final Value BOTTOM = new Value(Interval.BOTTOM, NO_PTS, false, null);
    public static final Value UNKNOWN = new Value(Interval.BOTTOM, NO_PTS, true, null);
    public static final Value ZERO = new Value(Interval.ZERO, NO_PTS, false, null);

    public Value(Interval num, Map<Region, Interval> pts, boolean unknown, Origin taint) {
        this(num, pts, unknown, taint, false);
    }

    public Value(Interval num, Map<Region, Interval> pts, boolean unknown, Origin taint, boolean widened) {
        this.num = num;
        this.pts = pts;
        this.unknown = unknown;
        this.taint = taint;
        this.widened = widened;
    }

    /** An instance of its own, equal to this one (for a caller that tells values apart by identity). */
    public Value distinct() { return new Value(num, pts, unknown, taint, widened); }

    public Value withWidened(boolean w) { return w == widened ? this : new Value(num, pts, unknown, taint, w); }

    public static Value of(long v) { return new Value(Interval.of(v), NO_PTS, false, null); }

    public static Value of(Interval iv) { return new Value(iv, NO_PTS, false, null); }

    public static Value tainted(Interval iv, Origin o) { return new Value(iv, NO_PTS, false, o); }

    public static Value pointer(Region r, Interval offset) {
        Map<Region, Interval> m = new TreeMap<>();
        m.put(r, offset);
        return new Value(Interval.BOTTOM, m, false, null);
    }

    public boolean isBottom() { return num.isBottom() && pts.isEmpty() && !unknown; }

    public boolean isPointer() { return !pts.isEmpty(); }

    /** Known to be exactly NULL / 0. */
    public boolean isDefinitelyNull() { return pts.isEmpty() && !unknown && num.isSingleton() && num.lo() == 0; }

    public boolean mayBeNull() { return num.contains(0); }

    /**
     * A pointer to known regions that may also be NULL (an allocation result not checked yet, a
     * pointer set on one branch only), and nothing else. Where it is dereferenced, the NULL paths
     * stop (crash), so the access goes to the known regions only: loads stay exact and a store to
     * a single region is a strong update. NULL plus an offset stays NULL ({@code Interpreter.binary}).
     */
    public boolean nullOrKnownRegions() {
        return !unknown && !pts.isEmpty() && (num.isBottom() || (num.isSingleton() && num.lo() == 0));
    }

    /** The single known integer, or null. */
    public Long constant() { return pts.isEmpty() && !unknown && num.isSingleton() ? num.lo() : null; }

    public Value withNum(Interval iv) { return new Value(iv, pts, unknown, taint, widened); }

    public Value withTaint(Origin o) { return new Value(num, pts, unknown, o, widened); }

    public Value withUnknown(boolean u) { return new Value(num, pts, u, taint, widened); }

    public Value withoutPointers() { return new Value(num, NO_PTS, unknown, taint, widened); }

    public Value join(Value o) {
        if (o == this) return this;
        if (isBottom()) return o;
        if (o.isBottom()) return this;
        return new Value(num.join(o.num), joinPts(pts, o.pts, false, null), unknown || o.unknown, taint != null ? taint : o.taint,
                widened || o.widened);
    }

    public Value widen(Value next, long[] thresholds) {
        if (isBottom()) return next;
        Interval n = num.widen(next.num, thresholds);
        Map<Region, Interval> p = joinPts(pts, next.pts, true, thresholds);
        boolean extrapolated = !n.equals(num.join(next.num)) || !p.equals(joinPts(pts, next.pts, false, null));
        return new Value(n, p, unknown || next.unknown, taint != null ? taint : next.taint, widened || next.widened || extrapolated);
    }

    public Value narrow(Value next) {
        if (isBottom() || next.isBottom()) return next;
        Map<Region, Interval> m = new TreeMap<>();
        for (Map.Entry<Region, Interval> e : pts.entrySet()) {
            Interval n = next.pts.get(e.getKey());
            m.put(e.getKey(), n == null ? e.getValue() : e.getValue().narrow(n));
        }
        return new Value(num.narrow(next.num), m, unknown, taint, next.widened);
    }

    public boolean leq(Value o) {
        if (!num.leq(o.num)) return false;
        if (unknown && !o.unknown) return false;
        if (taint != null && o.taint == null) return false;
        if (widened && !o.widened) return false;
        for (Map.Entry<Region, Interval> e : pts.entrySet()) {
            Map.Entry<Region, Interval> other = entry(o.pts, e.getKey());
            if (other == null || !e.getValue().leq(other.getValue()) || !e.getKey().sizeWithin(other.getKey())) return false;
        }
        return true;
    }

    /** The entry of a points-to map for a region (with the map's instance of it, which holds its size). */
    private static Map.Entry<Region, Interval> entry(Map<Region, Interval> m, Region r) {
        if (m instanceof TreeMap<Region, Interval> t) {
            Map.Entry<Region, Interval> e = t.ceilingEntry(r);
            return e != null && e.getKey().equals(r) ? e : null;
        }
        for (Map.Entry<Region, Interval> e : m.entrySet()) if (e.getKey().equals(r)) return e;
        return null;
    }

    private static Map<Region, Interval> joinPts(Map<Region, Interval> a, Map<Region, Interval> b, boolean widen, long[] th) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        TreeMap<Region, Interval> m = new TreeMap<>(a);
        for (Map.Entry<Region, Interval> e : b.entrySet()) {
            Map.Entry<Region, Interval> mine = m.ceilingEntry(e.getKey());
            if (mine == null || !mine.getKey().equals(e.getKey())) {
                m.put(e.getKey(), e.getValue());
                continue;
            }
            Interval joined = widen ? mine.getValue().widen(e.getValue(), th) : mine.getValue().join(e.getValue());
            Region r = mine.getKey().withSizeOf(e.getKey(), widen, th);
            if (r != mine.getKey()) m.remove(r);
            m.put(r, joined);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        return o instanceof Value v && v.num.equals(num) && v.pts.equals(pts) && v.unknown == unknown && Objects.equals(v.taint, taint)
                && v.widened == widened && sameSizes(pts, v.pts);
    }

    /** Equal points-to maps designate blocks of the same sizes too (a site's size may grow, see {@link Region#withSizeOf}). */
    private static boolean sameSizes(Map<Region, Interval> a, Map<Region, Interval> b) {
        if (a == b) return true;
        for (Map.Entry<Region, Interval> e : a.entrySet()) {
            Map.Entry<Region, Interval> other = entry(b, e.getKey());
            if (other != null && other.getKey() != e.getKey() && !other.getKey().size.equals(e.getKey().size)) return false;
        }
        return true;
    }

    @Override
    public int hashCode() { return Objects.hash(num, pts, unknown, taint, widened); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!num.isBottom()) sb.append(num);
        for (Map.Entry<Region, Interval> e : pts.entrySet()) {
            if (!sb.isEmpty()) sb.append(" | ");
            sb.append('&').append(e.getKey().key).append('+').append(e.getValue());
        }
        if (unknown) sb.append(sb.isEmpty() ? "?" : " | ?");
        if (taint != null) sb.append(" (tainted)");
        return sb.isEmpty() ? "bottom" : sb.toString();
    }
}
