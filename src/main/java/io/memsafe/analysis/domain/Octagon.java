package io.memsafe.analysis.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Relational integer constraints {@code ±x ±y <= c} between the lengths, indices, pointer offsets
 * and object sizes of one function (Miné's octagons over the integers), next to the intervals.
 * Intervals cannot prove {@code n = MIN(left, size - used); memcpy(buf + used, src, n)} safe:
 * that needs {@code n + used <= size}, a fact about three variables.
 * <p>
 * <b>Why octagons and how three variables fit.</b> Difference bounds (zones) keep {@code x - y <= c}
 * but not {@code x + y <= c}; octagons keep both, which covers a counter and a remaining length
 * moving in opposite directions ({@code len -= copy; used += copy}). Neither keeps three variables.
 * For that the domain introduces an <i>anchor</i>: {@code x := y - z} also creates the dimension
 * {@code (y - z)} equal to {@code x}; a later {@code n <= x} then is {@code n - (y - z) <= 0}, and
 * {@link #upperSumMinus} answers {@code n + z - y <= 0} from it. An anchor follows its variables
 * exactly when one of them is shifted by a constant or by a variable ({@code used += n} turns
 * {@code (size - used)} into {@code (size - used) - n}) and is dropped when one is assigned anything
 * else. Its unary bounds and the octagon's {@code y - z} entry are kept equal.
 * <p>
 * <b>Cost bound: one small dense matrix per function, with a variable cap.</b> Closure is cubic in
 * the number of dimensions, so each value holds at most {@code maxVariables} of them (32 by
 * default, anchors included; a 64x64 matrix). Adding one more evicts a dimension, chosen
 * deterministically: first one with no relation to any other (its bounds live in the intervals
 * anyway), then the one least recently constrained or assigned, ties broken by key order. A single
 * capped matrix rather than IKOS' variable packs (several matrices grouped by which variables were
 * ever related) because the engine asks about few variables per function and the relations that
 * matter (offset, length, size of the same object) are exactly the ones recently touched; packs
 * would add a partition to merge at every join for no gain at this size. Every transfer function
 * but {@link #meet} and {@link #narrow} closes incrementally in O(d^2) for d dimensions.
 * <p>
 * Variables range over the mathematical integers, as in {@link Interval}: C's wrap-around is the
 * engine's to check, so an unsigned {@code len - header} that may wrap must not be given to
 * {@link #assignDifference} as if it could not. Octagons need no zero variable: a bound
 * {@code x <= c} is the entry {@code x - (-x) <= 2c}.
 * <p>
 * Bounds are longs with {@link #INF} for "no bound"; a finite bound beyond 2^60 in magnitude is
 * loosened (see {@link OctagonMatrix}), and an assignment {@code x := y + c} with such a {@code c}
 * forgets {@code x}. Queries on bottom return {@link Interval#NEG_INF} (every bound holds vacuously).
 * <p>
 * Immutable: every operation returns a new value (or this). Values are kept tightly closed, so
 * {@link #equals}, {@link #leq} and {@link #join} compare canonical forms; the one exception is
 * the result of {@link #widen}, which stays unclosed as widening requires for termination and is
 * closed on first use by anything else.
 */
public final class Octagon<K extends Comparable<K>> {
    /** No bound. */
    public static final long INF = OctagonMatrix.INF;
    public static final int DEFAULT_MAX_VARIABLES = 32;
    /** A transfer function touches up to four dimensions at once, which must all fit. */
    public static final int MIN_MAX_VARIABLES = 4;

    private final List<OctagonTerm<K>> terms;
    private final OctagonMatrix matrix;
    /** Per dimension, the clock value of the operation that last constrained it (eviction order). */
    private final long[] stamps;
    private final long clock;
    private final boolean bottom;
    private final boolean closed;
    private final int maxVariables;
    /** The closed form of an unclosed (widened) value, computed once. */
    private Octagon<K> closedForm;

    private Octagon(List<OctagonTerm<K>> terms, OctagonMatrix matrix, long[] stamps, long clock, boolean bottom, boolean closed, int maxVariables) {
        this.terms = terms;
        this.matrix = matrix;
        this.stamps = stamps;
        this.clock = clock;
        this.bottom = bottom;
        this.closed = closed;
        this.maxVariables = maxVariables;
    }

    public static <K extends Comparable<K>> Octagon<K> top() { return top(DEFAULT_MAX_VARIABLES); }

    public static <K extends Comparable<K>> Octagon<K> top(int maxVariables) {
        if (maxVariables < MIN_MAX_VARIABLES) throw new IllegalArgumentException("maxVariables < " + MIN_MAX_VARIABLES);
        return new Octagon<>(List.of(), new OctagonMatrix(0), new long[0], 0, false, true, maxVariables);
    }

    public static <K extends Comparable<K>> Octagon<K> bottom() { return bottom(DEFAULT_MAX_VARIABLES); }

    public static <K extends Comparable<K>> Octagon<K> bottom(int maxVariables) {
        return Octagon.<K>top(maxVariables).toBottom();
    }

    private Octagon<K> toBottom() {
        return new Octagon<>(List.of(), new OctagonMatrix(0), new long[0], clock, true, true, maxVariables);
    }

    public boolean isBottom() { return closed().bottom; }

    public boolean isTop() { return !isBottom() && closed().terms.isEmpty(); }

    public int maxVariables() { return maxVariables; }

    /** The variables with some constraint, in key order (anchors not included); read-only. */
    public SortedSet<K> variables() {
        SortedSet<K> v = variables;
        if (v == null) {
            TreeSet<K> s = new TreeSet<>();
            for (OctagonTerm<K> t : closed().terms) if (!t.isDifference()) s.add(t.plus());
            // worked out once: the engine asks for them at almost every statement
            variables = v = java.util.Collections.unmodifiableSortedSet(s);
        }
        return v;
    }

    private SortedSet<K> variables;

    /** How many dimensions the matrix has, anchors included (never more than {@link #maxVariables()}). */
    public int dimensions() { return closed().terms.size(); }

    // ---------------------------------------------------------------- constraints

    /** {@code x - y <= c}. */
    public Octagon<K> addConstraint(K x, K y, long c) { return constrain(var(x), +1, var(y), +1, c); }

    /** {@code x + y <= c}. */
    public Octagon<K> addSumConstraint(K x, K y, long c) { return constrain(var(x), +1, var(y), -1, c); }

    /** {@code x + y >= c}. */
    public Octagon<K> addSumLowerBound(K x, K y, long c) { return constrain(var(x), -1, var(y), +1, Interval.satNeg(c)); }

    /** {@code x <= y + c}. */
    public Octagon<K> assumeLe(K x, K y, long c) { return addConstraint(x, y, c); }

    /** {@code x < y + c}: over the integers, {@code x - y <= c - 1}. */
    public Octagon<K> assumeLt(K x, K y, long c) { return addConstraint(x, y, c == INF ? INF : Interval.sat(c, -1)); }

    /** {@code x == y + c}. */
    public Octagon<K> assumeEq(K x, K y, long c) { return addConstraint(x, y, c).addConstraint(y, x, Interval.satNeg(c)); }

    /**
     * {@code x + y <= z + c}, a three-variable fact (a branch on {@code used + n <= size}): kept as
     * {@code x - (z - y) <= c} on the anchor {@code (z - y)}, which is created from z and y if absent.
     */
    public Octagon<K> assumeSumLe(K x, K y, K z, long c) {
        if (z.compareTo(x) == 0) return addUpper(y, c);
        if (z.compareTo(y) == 0) return addUpper(x, c);
        Octagon<K> o = closed();
        if (o.bottom || c == INF) return o;
        Edit<K> e = new Edit<>(o);
        OctagonTerm<K> d = OctagonTerm.difference(z, y);
        if (e.index(d) < 0) {
            if (!e.ensure(d, List.of(var(x), var(y), var(z), d))) return o;
            e.assignLinear(d, var(z), +1, var(y), -1);
        }
        e.constrain(var(x), +1, d, +1, c);
        return e.finish();
    }

    /** {@code x <= c}. */
    public Octagon<K> addUpper(K x, long c) { return meetInterval(x, Interval.of(Interval.NEG_INF, c)); }

    /** {@code x >= c}. */
    public Octagon<K> addLower(K x, long c) { return meetInterval(x, Interval.of(c, Interval.POS_INF)); }

    /** {@code x in iv}. */
    public Octagon<K> meetInterval(K x, Interval iv) {
        Octagon<K> o = closed();
        if (o.bottom) return o;
        if (iv.isBottom()) return o.toBottom();
        if (iv.isTop()) return o;
        int i = o.index(var(x));
        if (i >= 0 && !o.hasAnchors() && (iv.hi() == Interval.POS_INF || o.matrix.get(2 * i, 2 * i + 1) <= OctagonMatrix.twice(iv.hi()))
                && (iv.lo() == Interval.NEG_INF || o.matrix.get(2 * i + 1, 2 * i) <= OctagonMatrix.twice(Interval.satNeg(iv.lo())))) {
            // the bounds say it already (most tests and assignments of a tracked variable): what the edit
            // would give, without copying and closing the matrix: x counts as constrained now
            long[] st = o.stamps.clone();
            st[i] = o.clock + 1;
            return new Octagon<>(o.terms, o.matrix, st, o.clock + 1, false, true, maxVariables).dropUnconstrained();
        }
        Edit<K> e = new Edit<>(o);
        e.bound(var(x), iv);
        return e.finish();
    }

    private Octagon<K> constrain(OctagonTerm<K> x, int sx, OctagonTerm<K> y, int sy, long c) {
        Octagon<K> o = closed();
        if (o.bottom || c == INF) return o;
        Edit<K> e = new Edit<>(o);
        e.constrain(x, sx, y, sy, c);
        return e.finish();
    }

    // ---------------------------------------------------------------- assignments

    /** {@code x := y + c}, also {@code x := x + c} (exact: every relation of x moves by c). */
    public Octagon<K> assign(K x, K y, long c) {
        Octagon<K> o = closed();
        if (o.bottom) return o;
        if (!OctagonMatrix.inRange(c)) return o.forget(x);
        Edit<K> e = new Edit<>(o);
        if (x.compareTo(y) == 0) e.shift(x, c);
        else {
            e.removeMentioning(x);
            e.assignAffine(var(x), var(y), c);
        }
        return e.finish();
    }

    public Octagon<K> assignConst(K x, long v) { return assignInterval(x, Interval.of(v)); }

    /** {@code x := any value of iv}: x loses its relations. */
    public Octagon<K> assignInterval(K x, Interval iv) {
        Octagon<K> o = closed();
        if (o.bottom) return o;
        if (iv.isBottom()) return o.toBottom();
        Edit<K> e = new Edit<>(o);
        e.removeMentioning(x);
        if (!iv.isTop()) e.bound(var(x), iv);
        return e.finish();
    }

    /**
     * {@code x := y + z}. When x is a new value, the anchor {@code (x - z)} equals y: a later
     * {@code x <= size} ({@code end = used + n; if (end > size) return;}) then bounds
     * {@code y + z - size} in {@link #upperSumMinus} for as long as x keeps that value. A condition
     * with the sum written inline is {@link #assumeSumLe}.
     */
    public Octagon<K> assignSum(K x, K y, K z) { return assignLinear(x, y, z, +1); }

    /**
     * {@code x := y - z}. Besides the octagonal consequences (x's bounds from {@code upperDiff(y, z)},
     * {@code x - y} from z's bounds, ...), x is tied to the anchor {@code (y - z)}, which is how
     * {@code n + z <= y} can be proved later for an {@code n <= x}.
     */
    public Octagon<K> assignDifference(K x, K y, K z) { return assignLinear(x, y, z, -1); }

    private Octagon<K> assignLinear(K x, K y, K z, int sz) {
        Octagon<K> o = closed();
        if (o.bottom) return o;
        if (sz < 0 && y.compareTo(z) == 0) return o.assignConst(x, 0);
        Edit<K> e = new Edit<>(o);
        boolean xy = x.compareTo(y) == 0, xz = x.compareTo(z) == 0;
        if (xy && !xz) e.shiftBy(x, z, sz);
        else if (xz && !xy && sz > 0) e.shiftBy(x, y, +1);
        else if (xy || xz) {
            // x := x + x, or x := y - x: the anchors on x cannot follow
            e.removeMentioning(x, var(x));
            e.assignLinear(var(x), var(y), +1, var(z), sz);
        } else {
            e.removeMentioning(x);
            e.assignLinear(var(x), var(y), +1, var(z), sz);
            // x = y - z is the anchor (y - z); x = y + z makes (x - z) equal y
            if (sz < 0) e.anchor(x, y, z);
            else if (y.compareTo(z) != 0) e.anchor(y, x, z);
        }
        return e.finish();
    }

    /**
     * {@code x := min(a, b)}: the join of "a <= b and x = a" with "b < a and x = b", which keeps
     * {@code x <= a}, {@code x <= b} and every relation both cases share.
     */
    public Octagon<K> assignMin(K x, K a, K b) {
        if (a.compareTo(b) == 0) return assign(x, a, 0);
        return assumeLe(a, b, 0).assign(x, a, 0).join(assumeLt(b, a, 0).assign(x, b, 0));
    }

    /** {@code x := max(a, b)}, the dual of {@link #assignMin}. */
    public Octagon<K> assignMax(K x, K a, K b) {
        if (a.compareTo(b) == 0) return assign(x, a, 0);
        return assumeLe(b, a, 0).assign(x, a, 0).join(assumeLt(a, b, 0).assign(x, b, 0));
    }

    /** Havoc: x loses every constraint (and the anchors on it go). */
    public Octagon<K> forget(K x) {
        Octagon<K> o = closed();
        if (o.bottom) return o;
        Edit<K> e = new Edit<>(o);
        e.removeMentioning(x);
        return e.finish();
    }

    /** x's constraints now hold for {@code to}; x and what {@code to} held before are forgotten. */
    public Octagon<K> rename(K x, K to) {
        Octagon<K> o = closed();
        if (o.bottom || x.compareTo(to) == 0) return o;
        Edit<K> e = new Edit<>(o);
        e.removeMentioning(to);
        e.rename(x, to);
        return e.finish();
    }

    /** Only the constraints among {@code keep} (an anchor stays if both its variables do). */
    public Octagon<K> project(Collection<K> keep) {
        TreeSet<K> k = new TreeSet<>(keep);
        return restrict(t -> k.contains(t.plus()) && (t.minus() == null || k.contains(t.minus())));
    }

    private Octagon<K> restrict(Predicate<OctagonTerm<K>> keep) {
        Octagon<K> o = closed();
        if (o.bottom) return o;
        Edit<K> e = new Edit<>(o);
        e.removeIf(keep.negate());
        return e.finish();
    }

    // ---------------------------------------------------------------- queries

    /** x's bounds; TOP when x is unconstrained, BOTTOM on bottom. */
    public Interval bounds(K x) {
        Octagon<K> o = closed();
        if (o.bottom) return Interval.BOTTOM;
        return o.termBounds(var(x));
    }

    private Interval termBounds(OctagonTerm<K> t) {
        int i = index(t);
        if (i < 0) return Interval.TOP;
        long hi = OctagonMatrix.half(matrix.get(2 * i, 2 * i + 1)), negLo = OctagonMatrix.half(matrix.get(2 * i + 1, 2 * i));
        return Interval.of(Interval.satNeg(negLo), hi);
    }

    /** The tightest c known with {@code x - y <= c}: INF when none. */
    public long upperDiff(K x, K y) {
        Octagon<K> o = closed();
        if (o.bottom) return Interval.NEG_INF;
        if (x.compareTo(y) == 0) return 0;
        long c = o.entry(var(x), +1, var(y), +1);
        c = Math.min(c, o.termBounds(OctagonTerm.difference(x, y)).hi());
        return Math.min(c, Interval.satNeg(o.termBounds(OctagonTerm.difference(y, x)).lo()));
    }

    /** The tightest c known with {@code x + y <= c}: INF when none. */
    public long upperSum(K x, K y) {
        Octagon<K> o = closed();
        if (o.bottom) return Interval.NEG_INF;
        return o.entry(var(x), +1, var(y), -1);
    }

    /** The tightest c known with {@code x + y >= c}: {@link Interval#NEG_INF} when none. */
    public long lowerSum(K x, K y) {
        Octagon<K> o = closed();
        if (o.bottom) return Interval.POS_INF;
        return Interval.satNeg(o.entry(var(x), -1, var(y), +1));
    }

    /**
     * The tightest c known with {@code x + y - z <= c}: the check of an access at offset x of
     * length y in an object of size z (proved when c <= 0). Besides the pairs of x, y, z it uses
     * every anchor on z: with {@code (z - w)}, {@code x + y - z = (x - w) + (y - (z - w))}, so an
     * offset equal to {@code used} and a length below {@code size - used} give c = 0; with
     * {@code (w - z)}, {@code x + y - z = (y - w) + (x + (w - z))}; and with an anchor
     * {@code (w - y)} from {@code w := x' + y}, {@code x + y - z = (x - (w - y)) + (w - z)}.
     */
    public long upperSumMinus(K x, K y, K z) {
        Octagon<K> o = closed();
        if (o.bottom) return Interval.NEG_INF;
        Interval bx = o.termBounds(var(x)), by = o.termBounds(var(y)), bz = o.termBounds(var(z));
        long c = OctagonMatrix.add(o.upperSum(x, y), Interval.satNeg(bz.lo()));
        c = Math.min(c, OctagonMatrix.add(o.upperDiff(x, z), by.hi()));
        c = Math.min(c, OctagonMatrix.add(o.upperDiff(y, z), bx.hi()));
        for (OctagonTerm<K> d : o.terms) {
            if (!d.isDifference()) continue;
            if (d.plus().compareTo(z) == 0) {
                K w = d.minus();
                c = Math.min(c, OctagonMatrix.add(o.upperDiff(x, w), o.entry(var(y), +1, d, +1)));
                c = Math.min(c, OctagonMatrix.add(o.upperDiff(y, w), o.entry(var(x), +1, d, +1)));
            } else if (d.minus().compareTo(z) == 0) {
                K w = d.plus();
                c = Math.min(c, OctagonMatrix.add(o.upperDiff(y, w), o.entry(var(x), +1, d, -1)));
                c = Math.min(c, OctagonMatrix.add(o.upperDiff(x, w), o.entry(var(y), +1, d, -1)));
            }
            // with (w - y): x + y - z = (x - (w - y)) + (w - z), and the same with x and y swapped
            if (d.minus().compareTo(y) == 0) c = Math.min(c, OctagonMatrix.add(o.entry(var(x), +1, d, +1), o.upperDiff(d.plus(), z)));
            if (d.minus().compareTo(x) == 0) c = Math.min(c, OctagonMatrix.add(o.entry(var(y), +1, d, +1), o.upperDiff(d.plus(), z)));
        }
        return c;
    }

    /**
     * Whether an anchor {@code (z' - w)}, with z' equal to {@code z} here, bounds {@code x} from above: x was
     * compared with what is left of z past w ({@code n <= len - off}), a bound {@link #upperDiff} of x and z
     * alone understates (it takes w at its least).
     */
    public boolean boundedByRest(K x, K z) {
        Octagon<K> o = closed();
        if (o.bottom) return false;
        for (OctagonTerm<K> d : o.terms) {
            if (!d.isDifference()) continue;
            K p = d.plus();
            boolean same = p.compareTo(z) == 0 || (o.upperDiff(p, z) == 0 && o.upperDiff(z, p) == 0);
            if (same && o.entry(var(x), +1, d, +1) != INF) return true;
        }
        return false;
    }

    /** The matrix bound on {@code sx*a - sy*b}, INF when a dimension is absent. */
    private long entry(OctagonTerm<K> a, int sx, OctagonTerm<K> b, int sy) {
        int i = index(a), j = index(b);
        if (i < 0 || j < 0) return INF;
        return matrix.get(2 * i + (sx > 0 ? 0 : 1), 2 * j + (sy > 0 ? 0 : 1));
    }

    private int index(OctagonTerm<K> t) { return Collections.binarySearch(terms, t); }

    /**
     * For each term of {@code these}, its index in {@code those}, or -1: one merge of the two sorted
     * lists (the same list object, as after most transfers, maps to itself).
     */
    private static <K extends Comparable<K>> int[] indicesIn(List<OctagonTerm<K>> these, List<OctagonTerm<K>> those) {
        int[] out = new int[these.size()];
        if (these == those) {
            for (int i = 0; i < out.length; i++) out[i] = i;
            return out;
        }
        int j = 0;
        for (int i = 0; i < out.length; i++) {
            OctagonTerm<K> t = these.get(i);
            int c = -1;
            while (j < those.size() && (c = those.get(j).compareTo(t)) < 0) j++;
            out[i] = j < those.size() && c == 0 ? j : -1;
        }
        return out;
    }

    /** Does it hold an anchor (a difference {@code x - z} as a dimension of its own)? */
    private boolean hasAnchors() {
        for (OctagonTerm<K> t : terms) if (t.isDifference()) return true;
        return false;
    }

    private static <K extends Comparable<K>> OctagonTerm<K> var(K k) { return OctagonTerm.variable(k); }

    // ---------------------------------------------------------------- lattice

    /** Least upper bound: pointwise max of the two closed matrices over their common dimensions. */
    public Octagon<K> join(Octagon<K> other) {
        Octagon<K> a = closed(), b = other == this ? a : other.closed();
        if (a.bottom) return b;
        if (b.bottom || a == b) return a;
        return a.combineCommon(b, JOIN, true);
    }

    /**
     * Miné's widening: a bound of {@code this} that {@code next} does not respect is dropped. The
     * result is left unclosed (closing it could undo the drop and stop termination).
     */
    public Octagon<K> widen(Octagon<K> next) { return widen(next, new long[0]); }

    /**
     * Widening with thresholds: an unstable bound moves to the next program constant (its value or
     * its negation, for a lower bound), then to INF.
     */
    public Octagon<K> widen(Octagon<K> next, long[] thresholds) {
        Octagon<K> b = next.closed();
        if (bottom) return b;
        if (b.bottom) return this;
        long[] steps = symmetric(thresholds);
        // unary entries hold doubled bounds: the same thresholds, doubled
        return combineCommon(b, (x, y, unary) -> y <= x ? x : nextStep(y, steps, unary ? 2 : 1), false);
    }

    private static long[] symmetric(long[] thresholds) {
        TreeSet<Long> s = new TreeSet<>();
        for (long t : thresholds) {
            if (!OctagonMatrix.inRange(t)) continue;
            s.add(t);
            s.add(-t);
        }
        return s.stream().mapToLong(Long::longValue).toArray();
    }

    /** The least of the (ascending) steps, scaled, that is at least {@code v}; INF if none (a binary search: a function may have hundreds of constants). */
    private static long nextStep(long v, long[] steps, int scale) {
        int lo = 0, hi = steps.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] * scale >= v) hi = mid; else lo = mid + 1;
        }
        return lo < steps.length ? steps[lo] * scale : INF;
    }

    /** Narrowing: only the bounds widening dropped (INF here) come back, from {@code next}. */
    public Octagon<K> narrow(Octagon<K> next) {
        Octagon<K> a = closed(), b = next.closed();
        if (a.bottom || b.bottom) return b;
        return a.combineAll(b, (x, y, unary) -> x == INF ? y : x);
    }

    public Octagon<K> meet(Octagon<K> other) {
        Octagon<K> a = closed(), b = other.closed();
        if (a.bottom) return a;
        if (b.bottom) return b;
        return a.combineAll(b, (x, y, unary) -> Math.min(x, y));
    }

    /** Inclusion: every constraint of {@code other} is implied by this. */
    public boolean leq(Octagon<K> other) {
        Octagon<K> a = closed();
        if (a.bottom) return true;
        if (other.bottom) return false;
        int[] at = indicesIn(other.terms, a.terms);
        for (int i = 0; i < other.matrix.dim; i++) {
            for (int j = 0; j < other.matrix.dim; j++) {
                long c = other.matrix.get(i, j);
                if (c == INF || i == j) continue;
                int ai = at[i / 2], aj = at[j / 2];
                long mine = ai < 0 || aj < 0 ? INF : a.matrix.get(2 * ai + i % 2, 2 * aj + j % 2);
                if (mine > c) return false;
            }
        }
        return true;
    }

    private interface Combine { long apply(long mine, long theirs, boolean unary); }

    /** The join's combination, which {@link #combineCommon} runs without a call per entry (joins are most of them). */
    private static final Combine JOIN = (x, y, unary) -> Math.max(x, y);

    /** Entry by entry over the dimensions both have (an absent dimension is unconstrained). */
    private Octagon<K> combineCommon(Octagon<K> o, Combine f, boolean closedResult) {
        List<OctagonTerm<K>> common = new ArrayList<>();
        List<int[]> from = new ArrayList<>();
        int[] in = indicesIn(terms, o.terms);
        for (int i = 0; i < terms.size(); i++) {
            int j = in[i];
            if (j >= 0) {
                common.add(terms.get(i));
                from.add(new int[]{i, j});
            }
        }
        int n = common.size();
        // every entry is set below: no need to fill the matrix first
        OctagonMatrix r = OctagonMatrix.unfilled(n);
        long[] st = new long[n];
        int[] fi = new int[n], fj = new int[n];
        for (int p = 0; p < n; p++) {
            fi[p] = from.get(p)[0];
            fj[p] = from.get(p)[1];
        }
        boolean join = f == JOIN;
        // which dimensions keep a constraint, seen as the entries are made (the rows of p are its entries)
        boolean[] live = new boolean[n];
        for (int p = 0; p < n; p++) {
            st[p] = Math.max(stamps[fi[p]], o.stamps[fj[p]]);
            for (int q = 0; q < n; q++) {
                for (int s = 0; s < 4; s++) {
                    int a = 2 * p + s / 2, b = 2 * q + s % 2;
                    if (a == b) continue;
                    long mine = matrix.get(2 * fi[p] + s / 2, 2 * fi[q] + s % 2);
                    long theirs = o.matrix.get(2 * fj[p] + s / 2, 2 * fj[q] + s % 2);
                    long v = join ? Math.max(mine, theirs) : f.apply(mine, theirs, p == q);
                    r.set(a, b, v);
                    if (v != INF) live[p] = true;
                }
            }
        }
        Octagon<K> res = new Octagon<>(List.copyOf(common), r, st, Math.max(clock, o.clock), false, closedResult, maxVariables);
        return res.keepOnly(live);
    }

    /** Entry by entry over the union of dimensions, then a full closure. */
    private Octagon<K> combineAll(Octagon<K> o, Combine f) {
        TreeSet<OctagonTerm<K>> all = new TreeSet<>(terms);
        all.addAll(o.terms);
        List<OctagonTerm<K>> union = List.copyOf(all);
        int n = union.size();
        int[] fa = new int[n], fb = new int[n];
        long[] st = new long[n];
        for (int p = 0; p < n; p++) {
            fa[p] = index(union.get(p));
            fb[p] = o.index(union.get(p));
            st[p] = Math.max(fa[p] < 0 ? 0 : stamps[fa[p]], fb[p] < 0 ? 0 : o.stamps[fb[p]]);
        }
        OctagonMatrix ma = matrix.remap(n, fa), mb = o.matrix.remap(n, fb), r = new OctagonMatrix(n);
        for (int a = 0; a < r.dim; a++) {
            for (int b = 0; b < r.dim; b++) if (a != b) r.set(a, b, f.apply(ma.get(a, b), mb.get(a, b), a / 2 == b / 2));
        }
        if (!r.close()) return toBottom();
        Edit<K> e = new Edit<>(new Octagon<>(union, r, st, Math.max(clock, o.clock), false, true, maxVariables));
        e.evictToCap();
        return e.finish();
    }

    private Octagon<K> dropUnconstrained() {
        boolean[] live = new boolean[terms.size()];
        for (int i = 0; i < live.length; i++) live[i] = matrix.constrained(i);
        return keepOnly(live);
    }

    /** This without the dimensions {@code live} marks false (each found unconstrained). */
    private Octagon<K> keepOnly(boolean[] live) {
        int k = 0;
        for (boolean b : live) if (b) k++;
        if (k == live.length) return this;
        int[] from = new int[k];
        long[] st = new long[k];
        List<OctagonTerm<K>> kept = new ArrayList<>(k);
        for (int i = 0, j = 0; i < live.length; i++) {
            if (!live[i]) continue;
            from[j] = i;
            st[j++] = stamps[i];
            kept.add(terms.get(i));
        }
        return new Octagon<>(List.copyOf(kept), matrix.remap(k, from), st, clock, false, closed, maxVariables);
    }

    /** The tightly closed form: this, unless this came out of {@link #widen}. */
    private Octagon<K> closed() {
        if (closed) return this;
        Octagon<K> c = closedForm;
        if (c == null) {
            OctagonMatrix m = matrix.copy();
            c = m.close()
                    ? new Octagon<>(terms, m, stamps, clock, false, true, maxVariables).dropUnconstrained()
                    : toBottom();
            closedForm = c;
        }
        return c;
    }

    /** Same constraints (closed forms compared); the eviction bookkeeping and the cap are not compared. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Octagon<?> x)) return false;
        Octagon<?> a = closed(), b = x.closed();
        return a.bottom == b.bottom && a.terms.equals(b.terms) && a.matrix.equals(b.matrix);
    }

    @Override
    public int hashCode() {
        Octagon<K> a = closed();
        return a.bottom ? 1 : 31 * a.terms.hashCode() + a.matrix.hashCode();
    }

    /** The constraints, one per pair of dimensions in key order: {@code {x in [0, 5], x - y <= 3, x + y <= 9}}. */
    @Override
    public String toString() {
        Octagon<K> a = closed();
        if (a.bottom) return "bottom";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.terms.size(); i++) {
            Interval b = a.termBounds(a.terms.get(i));
            if (!b.isTop()) out.add(a.terms.get(i) + " in " + b);
            for (int j = i + 1; j < a.terms.size(); j++) {
                String x = a.terms.get(i).toString(), y = a.terms.get(j).toString();
                a.describe(out, x + " - " + y, 2 * i, 2 * j);
                a.describe(out, y + " - " + x, 2 * j, 2 * i);
                a.describe(out, x + " + " + y, 2 * i, 2 * j + 1);
                a.describe(out, "-" + x + " - " + y, 2 * i + 1, 2 * j);
            }
        }
        return "{" + String.join(", ", out) + "}";
    }

    private void describe(List<String> out, String lhs, int a, int b) {
        long c = matrix.get(a, b);
        if (c != INF) out.add(lhs + " <= " + c);
    }

    // ---------------------------------------------------------------- editing

    /** A mutable copy of a closed octagon; every step keeps it closed, {@link #finish} freezes it. */
    private static final class Edit<K extends Comparable<K>> {
        final int maxVariables;
        final long clock;
        ArrayList<OctagonTerm<K>> terms;
        OctagonMatrix mx;
        long[] stamps;
        boolean bottom;

        Edit(Octagon<K> o) {
            maxVariables = o.maxVariables;
            clock = o.clock + 1;
            terms = new ArrayList<>(o.terms);
            mx = o.matrix.copy();
            stamps = o.stamps.clone();
            bottom = o.bottom;
        }

        int index(OctagonTerm<K> t) { return Collections.binarySearch(terms, t); }

        /** Index of the signed form of t: +t or -t. */
        int signed(OctagonTerm<K> t, int sign) { return 2 * index(t) + (sign > 0 ? 0 : 1); }

        /** Adds t as an unconstrained dimension, evicting another if the cap is reached. */
        boolean ensure(OctagonTerm<K> t, List<OctagonTerm<K>> keep) {
            int at = index(t);
            if (at >= 0) return true;
            if (terms.size() >= maxVariables && !evictOne(keep)) return false;
            at = -index(t) - 1;
            int n = terms.size() + 1;
            int[] from = new int[n];
            long[] st = new long[n];
            for (int i = 0; i < n; i++) {
                from[i] = i < at ? i : i == at ? -1 : i - 1;
                st[i] = from[i] < 0 ? clock : stamps[from[i]];
            }
            terms.add(at, t);
            mx = mx.remap(n, from);
            stamps = st;
            return true;
        }

        void ensureAll(List<OctagonTerm<K>> ts) {
            for (OctagonTerm<K> t : ts) {
                if (!ensure(t, ts)) throw new IllegalStateException("maxVariables below " + MIN_MAX_VARIABLES);
            }
        }

        /**
         * The eviction policy: a dimension related to no other first (the intervals hold its bounds),
         * then the least recently constrained, then the first in key order.
         */
        boolean evictOne(List<OctagonTerm<K>> keep) {
            int best = -1;
            for (int i = 0; i < terms.size(); i++) {
                if (keep.contains(terms.get(i))) continue;
                if (best < 0 || evictsBefore(i, best)) best = i;
            }
            if (best < 0) return false;
            int victim = best;
            removeWhere(i -> i == victim);
            return true;
        }

        private boolean evictsBefore(int i, int j) {
            boolean ri = mx.relational(i), rj = mx.relational(j);
            if (ri != rj) return !ri;
            return stamps[i] < stamps[j];
        }

        void evictToCap() {
            while (terms.size() > maxVariables) evictOne(List.of());
        }

        void removeIf(Predicate<OctagonTerm<K>> drop) { removeWhere(i -> drop.test(terms.get(i))); }

        /** Drops the dimensions without any constraint: keeps the form canonical. */
        void removeUnconstrained() { removeWhere(i -> !mx.constrained(i)); }

        private void removeWhere(IntPredicate drop) {
            List<Integer> from = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) if (!drop.test(i)) from.add(i);
            if (from.size() == terms.size()) return;
            int[] f = from.stream().mapToInt(Integer::intValue).toArray();
            long[] st = new long[f.length];
            ArrayList<OctagonTerm<K>> kept = new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                st[i] = stamps[f[i]];
                kept.add(terms.get(f[i]));
            }
            mx = mx.remap(f.length, f);
            terms = kept;
            stamps = st;
        }

        void removeMentioning(K k) { removeIf(t -> t.mentions(k)); }

        /** Removes the anchors on k but keeps k itself. */
        void removeMentioning(K k, OctagonTerm<K> except) { removeIf(t -> t.mentions(k) && !t.equals(except)); }

        void touch(OctagonTerm<K> t) {
            int i = index(t);
            if (i >= 0) stamps[i] = clock;
        }

        /** {@code sx*x - sy*y <= c}, closed incrementally. */
        void constrain(OctagonTerm<K> x, int sx, OctagonTerm<K> y, int sy, long c) {
            if (bottom || c == INF) return;
            ensureAll(List.of(x, y));
            // each term looked up once (a lookup is a binary search over the terms)
            int ix = index(x), iy = x.equals(y) ? ix : index(y);
            int a = 2 * ix + (sx > 0 ? 0 : 1), b = 2 * iy + (sy > 0 ? 0 : 1);
            mx.constrain(a, b, c);
            if (!mx.closeThrough(a, OctagonMatrix.bar(a), b, OctagonMatrix.bar(b))) bottom = true;
            stamps[ix] = clock;
            stamps[iy] = clock;
        }

        void bound(OctagonTerm<K> x, Interval iv) {
            if (iv.hi() != Interval.POS_INF) constrain(x, +1, x, -1, OctagonMatrix.twice(iv.hi()));
            if (iv.lo() != Interval.NEG_INF) constrain(x, -1, x, +1, OctagonMatrix.twice(Interval.satNeg(iv.lo())));
        }

        /** Drops t's constraints, keeping the dimension (a projection: the rest stays closed). */
        void clear(int t) {
            for (int s = 2 * t; s < 2 * t + 2; s++) {
                for (int j = 0; j < mx.dim; j++) {
                    if (j == s) continue;
                    mx.set(s, j, INF);
                    mx.set(j, s, INF);
                }
            }
        }

        /** {@code t := p + c} for a dimension p other than t: exact. */
        void assignAffine(OctagonTerm<K> t, OctagonTerm<K> p, long c) {
            ensureAll(List.of(t, p));
            clear(index(t));
            constrain(t, +1, p, +1, c);
            constrain(p, +1, t, +1, -c);
        }

        /**
         * {@code t := sp*p + sq*q} (t may be p or q), from the closed matrix: for each other signed
         * dimension u, {@code e - u <= min((sp*p - u) + max(sq*q), (sq*q - u) + max(sp*p))}, and
         * the same for {@code -e}. Exact for the octagonal projection when p or q is t.
         */
        void assignLinear(OctagonTerm<K> t, OctagonTerm<K> pt, int sp, OctagonTerm<K> qt, int sq) {
            if (bottom) return;
            ensureAll(List.of(t, pt, qt));
            int it = index(t), p = signed(pt, sp), q = signed(qt, sq);
            int np = OctagonMatrix.bar(p), nq = OctagonMatrix.bar(q);
            long[] plus = new long[mx.dim], minus = new long[mx.dim];
            for (int u = 0; u < mx.dim; u++) {
                if (u / 2 == it) continue;
                plus[u] = upperOfSumMinus(p, q, u);
                minus[u] = upperOfSumMinus(np, nq, u);
            }
            long hi = Math.min(mx.get(p, nq), OctagonMatrix.add(half(p), half(q)));
            long negHi = Math.min(mx.get(np, q), OctagonMatrix.add(half(np), half(nq)));
            clear(it);
            for (int u = 0; u < mx.dim; u++) {
                if (u / 2 == it) continue;
                mx.constrain(2 * it, u, plus[u]);
                mx.constrain(2 * it + 1, u, minus[u]);
            }
            mx.constrain(2 * it, 2 * it + 1, OctagonMatrix.twice(hi));
            mx.constrain(2 * it + 1, 2 * it, OctagonMatrix.twice(negHi));
            if (!mx.closeThrough(2 * it, 2 * it + 1)) bottom = true;
            touch(t);
        }

        /** An upper bound of {@code v[p] + v[q] - v[u]} in the current (closed) matrix. */
        private long upperOfSumMinus(int p, int q, int u) {
            return Math.min(OctagonMatrix.add(mx.get(p, u), half(q)), OctagonMatrix.add(mx.get(q, u), half(p)));
        }

        /** The upper bound of the signed dimension v[a]. */
        private long half(int a) { return OctagonMatrix.half(mx.get(a, OctagonMatrix.bar(a))); }

        /** {@code x := x + c}: every dimension mentioning x moves by c (exact, stays closed). */
        void shift(K x, long c) {
            long[] delta = new long[mx.dim];
            boolean any = false;
            for (int i = 0; i < terms.size(); i++) {
                OctagonTerm<K> t = terms.get(i);
                if (!t.mentions(x)) continue;
                long d = t.plus().compareTo(x) == 0 ? c : -c;
                delta[2 * i] = d;
                delta[2 * i + 1] = -d;
                stamps[i] = clock;
                any = true;
            }
            if (!any) return;
            for (int a = 0; a < mx.dim; a++) {
                for (int b = 0; b < mx.dim; b++) {
                    if (a == b) continue;
                    long v = mx.get(a, b);
                    if (v != INF) mx.set(a, b, OctagonMatrix.norm(v + delta[a] - delta[b]));
                }
            }
        }

        /**
         * {@code x := x + sz*z} for z other than x: x and each anchor on x follow
         * ({@code (x - w) += sz*z}, {@code (w - x) -= sz*z}); each reads only its old self and z.
         */
        void shiftBy(K x, K z, int sz) {
            List<OctagonTerm<K>> moving = new ArrayList<>();
            for (OctagonTerm<K> t : terms) if (t.mentions(x) && t.isDifference()) moving.add(t);
            assignLinear(var(x), var(x), +1, var(z), sz);
            for (OctagonTerm<K> t : moving) {
                if (index(t) < 0) continue;
                assignLinear(t, t, +1, var(z), t.plus().compareTo(x) == 0 ? sz : -sz);
            }
        }

        /** After {@code x := y - z} (or {@code y := x + z}): x equals the anchor {@code (y - z)}, created from x if absent. */
        void anchor(K x, K y, K z) {
            if (bottom) return;
            OctagonTerm<K> d = OctagonTerm.difference(y, z), vx = var(x);
            if (index(d) >= 0) {
                constrain(vx, +1, d, +1, 0);
                constrain(d, +1, vx, +1, 0);
            } else if (ensure(d, List.of(vx, var(y), var(z), d))) {
                assignAffine(d, vx, 0);
            }
        }

        void rename(K x, K to) {
            List<OctagonTerm<K>> renamed = new ArrayList<>();
            for (OctagonTerm<K> t : terms) {
                K p = t.plus().compareTo(x) == 0 ? to : t.plus();
                K m = t.minus() == null ? null : t.minus().compareTo(x) == 0 ? to : t.minus();
                renamed.add(new OctagonTerm<>(p, m));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < renamed.size(); i++) order.add(i);
            order.sort((i, j) -> renamed.get(i).compareTo(renamed.get(j)));
            int[] from = order.stream().mapToInt(Integer::intValue).toArray();
            long[] st = new long[from.length];
            ArrayList<OctagonTerm<K>> ts = new ArrayList<>();
            for (int i = 0; i < from.length; i++) {
                ts.add(renamed.get(from[i]));
                st[i] = stamps[from[i]];
            }
            mx = mx.remap(from.length, from);
            terms = ts;
            stamps = st;
        }

        /**
         * Keeps each anchor {@code (a - b)} and the entries {@code a - b}, {@code b - a} equal: both
         * say the same, and a bound learnt on one (a branch on {@code a < b}, or on the anchor
         * through {@code n <= a - b}) is a bound on the other.
         */
        void reduceAnchors() {
            for (int pass = 0; pass < 2 && !bottom; pass++) {
                boolean changed = false;
                for (int d = 0; d < terms.size() && !bottom; d++) {
                    OctagonTerm<K> t = terms.get(d);
                    if (!t.isDifference()) continue;
                    int a = index(var(t.plus())), b = index(var(t.minus()));
                    if (a < 0 || b < 0) continue;
                    changed |= tie(2 * d, 2 * d + 1, 2 * a, 2 * b);
                    if (!bottom) changed |= tie(2 * d + 1, 2 * d, 2 * b, 2 * a);
                }
                if (!changed) return;
            }
        }

        /** Unary entry (u, nu) holds twice the bound that entry (a, b) holds once. */
        private boolean tie(int u, int nu, int a, int b) {
            long un = OctagonMatrix.half(mx.get(u, nu)), ab = mx.get(a, b);
            boolean changed = false;
            if (ab < un) {
                mx.constrain(u, nu, OctagonMatrix.twice(ab));
                changed = true;
                if (!mx.closeThrough(u, nu)) bottom = true;
            } else if (un < ab) {
                mx.constrain(a, b, un);
                changed = true;
                if (!mx.closeThrough(a, b, OctagonMatrix.bar(a), OctagonMatrix.bar(b))) bottom = true;
            }
            return changed;
        }

        Octagon<K> build() {
            return new Octagon<>(List.copyOf(terms), mx, stamps, clock, false, true, maxVariables);
        }

        Octagon<K> finish() {
            if (!bottom) reduceAnchors();
            if (bottom) return new Octagon<K>(List.of(), new OctagonMatrix(0), new long[0], clock, true, true, maxVariables);
            removeUnconstrained();
            return build();
        }
    }
}
