package io.memsafe.analysis.domain;

import java.util.Arrays;

/**
 * A set of byte offsets of one object, as at most {@link #MAX} disjoint ranges: the bytes that may
 * have been written since the object was created without a value ({@link Contents#written}).
 * Keeping ranges rather than one hull keeps the holes: the padding between two assigned members,
 * a member no path assigns between two that are. Past {@code MAX} ranges the two closest merge,
 * so the set only grows and every chain of unions is finite. Immutable.
 */
public final class ByteRanges {
    /** At most this many ranges are kept; a struct of a few dozen members rarely needs more. */
    static final int MAX = 16;

    /** No byte. */
    public static final ByteRanges NONE = new ByteRanges(new long[0]);
    /** Every byte (also what a write the analysis cannot place leaves). */
    public static final ByteRanges ALL = new ByteRanges(new long[] {Interval.NEG_INF, Interval.POS_INF});

    /** Inclusive bounds, two per range, sorted, ranges neither overlapping nor adjacent. */
    private final long[] b;

    private ByteRanges(long[] b) { this.b = b; }

    public static ByteRanges of(long lo, long hi) { return lo > hi ? NONE : new ByteRanges(new long[] {lo, hi}); }

    public boolean isEmpty() { return b.length == 0; }

    public boolean isAll() { return b.length == 2 && b[0] == Interval.NEG_INF && b[1] == Interval.POS_INF; }

    /** The lowest and highest byte, as an interval (BOTTOM when empty). */
    public Interval hull() { return isEmpty() ? Interval.BOTTOM : Interval.of(b[0], b[b.length - 1]); }

    /** This set and the bytes [lo, hi]. */
    public ByteRanges add(long lo, long hi) {
        if (lo > hi || isAll()) return this;
        if (covers(lo, hi)) return this;
        return union(of(lo, hi));
    }

    public ByteRanges union(ByteRanges o) {
        if (o == this || o.isEmpty() || isAll()) return this;
        if (isEmpty() || o.isAll()) return o;
        long[] all = new long[b.length + o.b.length];
        int n = 0, i = 0, j = 0;
        while (i < b.length || j < o.b.length) {
            long lo, hi;
            if (j >= o.b.length || (i < b.length && b[i] <= o.b[j])) { lo = b[i]; hi = b[i + 1]; i += 2; } else { lo = o.b[j]; hi = o.b[j + 1]; j += 2; }
            // overlapping or adjacent: extend the last range
            if (n > 0 && (all[n - 1] == Interval.POS_INF || lo <= all[n - 1] + 1)) { all[n - 1] = Math.max(all[n - 1], hi); continue; }
            all[n++] = lo;
            all[n++] = hi;
        }
        long[] r = Arrays.copyOf(all, n);
        while (r.length > 2 * MAX) r = mergeClosest(r);
        return Arrays.equals(r, b) ? this : new ByteRanges(r);
    }

    /** The two neighbouring ranges with the smallest gap between them made one. */
    private static long[] mergeClosest(long[] r) {
        int best = 1;
        for (int k = 3; k + 1 < r.length; k += 2) if (r[k + 1] - r[k] < r[best + 1] - r[best]) best = k;
        long[] m = new long[r.length - 2];
        System.arraycopy(r, 0, m, 0, best);
        System.arraycopy(r, best + 2, m, best, r.length - best - 2);
        return m;
    }

    /** Does every byte of [lo, hi] belong to the set? */
    public boolean covers(long lo, long hi) {
        for (int k = 0; k < b.length; k += 2) if (b[k] <= lo && b[k + 1] >= hi) return true;
        return false;
    }

    /** The bytes of [lo, hi] outside the set, as ranges. */
    public ByteRanges missing(long lo, long hi) {
        if (lo > hi) return NONE;
        long[] out = new long[b.length + 2];
        int n = 0;
        long at = lo;
        for (int k = 0; k < b.length && at <= hi; k += 2) {
            if (b[k + 1] < at) continue;
            if (b[k] > hi) break;
            if (b[k] > at) { out[n++] = at; out[n++] = b[k] - 1; }
            if (b[k + 1] == Interval.POS_INF) return new ByteRanges(Arrays.copyOf(out, n));
            at = b[k + 1] + 1;
        }
        if (at <= hi) { out[n++] = at; out[n++] = hi; }
        return new ByteRanges(Arrays.copyOf(out, n));
    }

    /** Is every byte of this set in {@code o}? */
    public boolean leq(ByteRanges o) {
        for (int k = 0; k < b.length; k += 2) if (!o.covers(b[k], b[k + 1])) return false;
        return true;
    }

    /** The number of ranges. */
    public int size() { return b.length / 2; }

    /** The first byte of range {@code k}. */
    public long lo(int k) { return b[2 * k]; }

    /** The last byte of range {@code k}. */
    public long hi(int k) { return b[2 * k + 1]; }

    @Override
    public boolean equals(Object o) { return o == this || (o instanceof ByteRanges r && Arrays.equals(r.b, b)); }

    @Override
    public int hashCode() { return Arrays.hashCode(b); }

    /** "bytes 0..3, 8..15" style. */
    @Override
    public String toString() {
        if (isEmpty()) return "none";
        if (isAll()) return "all";
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < b.length; k += 2) {
            if (k > 0) s.append(", ");
            s.append(b[k]);
            if (b[k + 1] != b[k]) s.append("..").append(b[k + 1] == Interval.POS_INF ? "" : String.valueOf(b[k + 1]));
        }
        return s.toString();
    }
}
