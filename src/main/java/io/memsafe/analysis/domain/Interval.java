package io.memsafe.analysis.domain;

/**
 * Integer interval lattice [lo, hi] over 64-bit integers, with Long.MIN_VALUE / Long.MAX_VALUE
 * standing for -oo / +oo. Arithmetic saturates at the infinities instead of wrapping: the
 * analysis reasons about mathematical values and checks C's wrap-around separately.
 */
public record Interval(long lo, long hi) {
    public static final long NEG_INF = Long.MIN_VALUE;
    public static final long POS_INF = Long.MAX_VALUE;
    public static final Interval BOTTOM = new Interval(1, 0);
    public static final Interval TOP = new Interval(NEG_INF, POS_INF);
    public static final Interval ZERO = new Interval(0, 0);

    public static Interval of(long v) { return new Interval(v, v); }

    public static Interval of(long lo, long hi) { return lo > hi ? BOTTOM : new Interval(lo, hi); }

    public boolean isBottom() { return lo > hi; }

    public boolean isTop() { return lo == NEG_INF && hi == POS_INF; }

    public boolean isSingleton() { return lo == hi; }

    public boolean contains(long v) { return !isBottom() && lo <= v && v <= hi; }

    public boolean leq(Interval o) { return isBottom() || (!o.isBottom() && o.lo <= lo && hi <= o.hi); }

    public Interval join(Interval o) {
        if (isBottom()) return o;
        if (o.isBottom()) return this;
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    public Interval meet(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        return of(Math.max(lo, o.lo), Math.min(hi, o.hi));
    }

    /** Widening with thresholds: an unstable bound jumps to the next program constant, then to infinity. */
    public Interval widen(Interval next, long[] thresholds) {
        if (isBottom()) return next;
        if (next.isBottom()) return this;
        long l = lo, h = hi;
        if (next.lo < lo) {
            // the greatest threshold at most next.lo (thresholds ascend: a binary search)
            int i = java.util.Arrays.binarySearch(thresholds, next.lo);
            int at = i >= 0 ? i : -i - 2;
            l = at >= 0 ? thresholds[at] : NEG_INF;
        }
        if (next.hi > hi) {
            // the least threshold at least next.hi
            int i = java.util.Arrays.binarySearch(thresholds, next.hi);
            int at = i >= 0 ? i : -i - 1;
            h = at < thresholds.length ? thresholds[at] : POS_INF;
        }
        return new Interval(l, h);
    }

    /**
     * Narrowing: what the recomputation gives, within this. The engine runs a fixed number of narrowing
     * passes, so the meet needs no guard against descending forever; refining only the infinite bounds
     * (the textbook operator) would keep a bound widening set at a threshold of the function's constants
     * ({@code cursor <= 91} from a test {@code c == '\\'}) where the loop's own test keeps it lower.
     */
    public Interval narrow(Interval next) {
        if (isBottom() || next.isBottom()) return next;
        Interval m = meet(next);
        return m.isBottom() ? next : m;
    }

    static long sat(long a, long b) {
        if (a == NEG_INF || b == NEG_INF) return (a == POS_INF || b == POS_INF) ? 0 : NEG_INF;
        if (a == POS_INF || b == POS_INF) return POS_INF;
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a > 0 ? POS_INF : NEG_INF;
        return r;
    }

    public static long satNeg(long a) { return a == NEG_INF ? POS_INF : a == POS_INF ? NEG_INF : -a; }

    static long satMul(long a, long b) {
        if (a == 0 || b == 0) return 0;
        boolean neg = (a < 0) ^ (b < 0);
        if (a == NEG_INF || a == POS_INF || b == NEG_INF || b == POS_INF) return neg ? NEG_INF : POS_INF;
        long r = a * b;
        if (a != 0 && (r / a != b || (a == -1 && b == Long.MIN_VALUE))) return neg ? NEG_INF : POS_INF;
        return r;
    }

    public Interval add(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        return new Interval(sat(lo, o.lo), sat(hi, o.hi));
    }

    public Interval neg() { return isBottom() ? BOTTOM : new Interval(satNeg(hi), satNeg(lo)); }

    public Interval sub(Interval o) { return add(o.neg()); }

    public Interval mul(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        long a = satMul(lo, o.lo), b = satMul(lo, o.hi), c = satMul(hi, o.lo), d = satMul(hi, o.hi);
        return new Interval(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    public Interval div(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        if (o.contains(0)) {
            Interval pos = o.meet(of(1, POS_INF)), neg = o.meet(of(NEG_INF, -1));
            return div(pos).join(div(neg));
        }
        long[] q = {dv(lo, o.lo), dv(lo, o.hi), dv(hi, o.lo), dv(hi, o.hi)};
        long mn = Math.min(Math.min(q[0], q[1]), Math.min(q[2], q[3])), mx = Math.max(Math.max(q[0], q[1]), Math.max(q[2], q[3]));
        return new Interval(mn, mx);
    }

    private static long dv(long a, long b) {
        if (b == POS_INF || b == NEG_INF) return 0;
        if (a == POS_INF || a == NEG_INF) return (a > 0) == (b > 0) ? POS_INF : NEG_INF;
        return a / b;
    }

    public Interval rem(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        long m = Math.max(Math.abs(o.lo == NEG_INF ? POS_INF : o.lo), Math.abs(o.hi == NEG_INF ? POS_INF : o.hi));
        if (m == 0) return BOTTOM;
        long bound = m == POS_INF ? POS_INF : m - 1;
        if (lo >= 0) return of(0, Math.min(hi, bound));
        if (hi <= 0) return of(Math.max(lo, -bound), 0);
        return of(-bound, bound);
    }

    public Interval shl(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        if (o.lo < 0 || o.hi > 62) return TOP;
        return mul(of(1L << o.lo, 1L << o.hi));
    }

    public Interval shr(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        if (o.lo < 0 || o.hi > 63) return TOP;
        if (lo >= 0) return of(hi == POS_INF ? 0 : lo >> o.hi, hi == POS_INF ? POS_INF : hi >> o.lo);
        return TOP;
    }

    /** x & y for non-negative operands is at most min(x, y). */
    public Interval bitAnd(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        if (isSingleton() && o.isSingleton()) return of(lo & o.lo);
        if (lo >= 0 && o.lo >= 0) return of(0, Math.min(hi, o.hi));
        if (lo >= 0) return of(0, hi);
        if (o.lo >= 0) return of(0, o.hi);
        return TOP;
    }

    public Interval bitOr(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        if (isSingleton() && o.isSingleton()) return of(lo | o.lo);
        if (lo >= 0 && o.lo >= 0) return of(Math.max(lo, o.lo), hiMask(Math.max(hi, o.hi)));
        // in two's complement x | y keeps every bit of both: it is at least the smaller of the two, it is
        // negative when either is, and a non-negative result has no bit above the larger operand's highest
        // (a byte read with EOF, shifted and or-ed: [-1, 255] << 8 | [-1, 255] is [-256, 65535])
        long top = Math.max(hi, o.hi);
        return of(Math.min(lo, o.lo), top < 0 ? -1 : hiMask(top));
    }

    public Interval bitXor(Interval o) {
        if (isBottom() || o.isBottom()) return BOTTOM;
        if (isSingleton() && o.isSingleton()) return of(lo ^ o.lo);
        if (lo >= 0 && o.lo >= 0) return of(0, hiMask(Math.max(hi, o.hi)));
        return TOP;
    }

    private static long hiMask(long v) {
        if (v == POS_INF) return POS_INF;
        long m = Long.highestOneBit(v);
        return m == 0 ? 0 : (m << 1) - 1 < 0 ? POS_INF : (m << 1) - 1;
    }

    /** Values representable in an integer type of {@code size} bytes. */
    public static Interval ofType(long size, boolean signed) {
        if (size >= 8) return signed ? TOP : of(0, POS_INF);
        long bits = size * 8;
        return signed ? of(-(1L << (bits - 1)), (1L << (bits - 1)) - 1) : of(0, (1L << bits) - 1);
    }

    /** Conversion to an integer type: values that do not fit wrap, which the interval cannot follow. */
    public Interval castTo(long size, boolean signed) {
        if (isBottom()) return BOTTOM;
        Interval range = ofType(size, signed);
        if (leq(range)) return this;
        if (size >= 8 && !signed && lo < 0) {
            // a negative value as size_t: huge positive (kept as +oo side; the check code reads this as "very large")
            if (hi < 0) return of(lo == NEG_INF ? POS_INF : POS_INF, POS_INF);
            return of(0, POS_INF);
        }
        if (isSingleton() && size < 8) {
            long bits = size * 8, mask = (1L << bits) - 1, v = lo & mask;
            if (signed && v >= (1L << (bits - 1))) v -= 1L << bits;
            return of(v);
        }
        return range;
    }

    @Override
    public String toString() {
        if (isBottom()) return "empty";
        if (isSingleton()) return Long.toString(lo);
        return "[" + (lo == NEG_INF ? "-inf" : lo) + ", " + (hi == POS_INF ? "+inf" : hi) + "]";
    }
}
