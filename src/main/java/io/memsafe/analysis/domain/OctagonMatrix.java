package io.memsafe.analysis.domain;

import java.util.Arrays;

/**
 * The dense difference-bound matrix behind {@link Octagon}, in Miné's encoding: variable {@code i}
 * has two signed forms, {@code v[2i] = +x_i} and {@code v[2i+1] = -x_i}, and entry {@code (a, b)}
 * bounds {@code v[a] - v[b] <= m(a, b)}. So {@code x - y <= c} is entry (2x, 2y), {@code x + y <= c}
 * is (2x, 2y+1), and {@code x <= c} is (2x, 2x+1) holding {@code 2c}. The same constraint always
 * has a coherent twin, {@code (a, b)} and {@code (b^1, a^1)}; {@link #constrain} keeps both.
 * <p>
 * Mutable and package-private: {@link Octagon} copies it, edits the copy and then never touches
 * it again, which is how the public value stays immutable without a copy per entry.
 * <p>
 * Entries are {@link #INF} (no constraint) or finite in [-{@link #LIMIT}, {@link #LIMIT}]: a bound
 * beyond is loosened (a larger one becomes INF, a smaller one becomes -LIMIT), which is sound
 * because a larger bound says less, and leaves room to add three entries without overflow.
 */
final class OctagonMatrix {
    static final long INF = Long.MAX_VALUE;
    static final long LIMIT = 1L << 60;

    final int dim;
    final long[] m;

    OctagonMatrix(int vars) {
        dim = 2 * vars;
        m = new long[dim * dim];
        Arrays.fill(m, INF);
        for (int i = 0; i < dim; i++) m[i * dim + i] = 0;
    }

    /** A matrix whose entries off the diagonal the caller sets, every one of them. */
    static OctagonMatrix unfilled(int vars) {
        int dim = 2 * vars;
        long[] m = new long[dim * dim];
        for (int i = 0; i < dim; i++) m[i * dim + i] = 0;
        return new OctagonMatrix(dim, m);
    }

    private OctagonMatrix(int dim, long[] m) {
        this.dim = dim;
        this.m = m;
    }

    OctagonMatrix copy() { return new OctagonMatrix(dim, m.clone()); }

    int vars() { return dim / 2; }

    long get(int a, int b) { return m[a * dim + b]; }

    void set(int a, int b, long c) { m[a * dim + b] = c; }

    static int bar(int a) { return a ^ 1; }

    /** Saturating bound arithmetic: INF absorbs, a finite result is loosened into range. */
    static long add(long a, long b) {
        if (a == INF || b == INF) return INF;
        return norm(a + b);
    }

    static long norm(long c) {
        if (c > LIMIT) return INF;
        return Math.max(c, -LIMIT);
    }

    static boolean inRange(long c) { return c >= -LIMIT && c <= LIMIT; }

    /** An integer bound from a doubled one: 2x <= c gives x <= floor(c / 2). */
    static long half(long c) { return c == INF ? INF : Math.floorDiv(c, 2); }

    static long twice(long c) { return c == INF ? INF : norm(2 * c); }

    /** Tightens {@code v[a] - v[b] <= c} and its coherent twin; does not close. */
    void constrain(int a, int b, long c) {
        c = norm(c);
        if (c < get(a, b)) set(a, b, c);
        int ba = bar(b), aa = bar(a);
        if (c < get(ba, aa)) set(ba, aa, c);
    }

    /**
     * A matrix over {@code newVars} variables whose variable {@code j} was variable {@code from[j]}
     * here, or is new and unconstrained when {@code from[j] < 0}.
     */
    OctagonMatrix remap(int newVars, int[] from) {
        OctagonMatrix r = new OctagonMatrix(newVars);
        for (int i = 0; i < newVars; i++) {
            if (from[i] < 0) continue;
            for (int j = 0; j < newVars; j++) {
                if (from[j] < 0) continue;
                for (int si = 0; si < 2; si++) {
                    for (int sj = 0; sj < 2; sj++) {
                        r.set(2 * i + si, 2 * j + sj, get(2 * from[i] + si, 2 * from[j] + sj));
                    }
                }
            }
        }
        return r;
    }

    /** Full tight closure, O(dim^3). Returns false when the constraints have no integer solution. */
    boolean close() {
        for (int k = 0; k < dim; k++) relax(k);
        return finishClosure();
    }

    /**
     * Closure of a matrix that was closed before the entries on the rows and columns of
     * {@code pivots} changed: every new shortest path goes through a changed entry, so relaxing
     * through those indices only is enough, O(|pivots| dim^2).
     */
    boolean closeThrough(int... pivots) {
        for (int k : pivots) relax(k);
        return finishClosure();
    }

    /** One Floyd-Warshall step through index k. */
    private void relax(int k) {
        int kr = k * dim;
        for (int i = 0; i < dim; i++) {
            long ik = m[i * dim + k];
            if (ik == INF) continue;
            int ir = i * dim;
            for (int j = 0; j < dim; j++) {
                long kj = m[kr + j];
                if (kj == INF) continue;
                long s = norm(ik + kj);
                if (s < m[ir + j]) m[ir + j] = s;
            }
        }
    }

    /**
     * After shortest paths: integer tightening of the unary bounds (2x <= c means x <= floor(c/2))
     * and Miné's strengthening (x - y <= (2x bound + -2y bound) / 2). Bagnara, Hill and Zaffanella
     * (2008) show this order gives the tight closure of integer octagonal constraints: every entry
     * is then the exact maximum over the integer points, which the unit tests check by enumeration.
     */
    private boolean finishClosure() {
        for (int i = 0; i < dim; i++) if (m[i * dim + i] < 0) return false;
        for (int i = 0; i < dim; i++) {
            int u = i * dim + bar(i);
            if (m[u] != INF) m[u] = 2 * Math.floorDiv(m[u], 2);
        }
        for (int i = 0; i < dim; i += 2) {
            long up = m[i * dim + i + 1], down = m[(i + 1) * dim + i];
            if (up != INF && down != INF && up + down < 0) return false;
        }
        for (int i = 0; i < dim; i++) {
            long ib = m[i * dim + bar(i)];
            if (ib == INF) continue;
            int ir = i * dim;
            for (int j = 0; j < dim; j++) {
                long bj = m[bar(j) * dim + j];
                if (bj == INF) continue;
                long s = Math.floorDiv(ib + bj, 2);
                if (s < m[ir + j]) m[ir + j] = s;
            }
        }
        for (int i = 0; i < dim; i++) m[i * dim + i] = 0;
        return true;
    }

    /** Does variable {@code i} take part in a constraint with another variable? */
    boolean relational(int i) { return anyFinite(i, true); }

    /** Is variable {@code i} constrained at all (even by a bound of its own)? */
    boolean constrained(int i) { return anyFinite(i, false); }

    /**
     * Is an entry of variable {@code i}'s two rows finite, the diagonal aside (and its own two columns
     * too when {@code othersOnly})? The rows suffice: a coherent matrix holds each constraint in the
     * row of either of its signs. (Called on every dimension after each join: a scan of the array.)
     */
    private boolean anyFinite(int i, boolean othersOnly) {
        for (int r = 2 * i; r < 2 * i + 2; r++) {
            int base = r * dim;
            for (int b = 0; b < dim; b++) {
                if (m[base + b] != INF && b != r && !(othersOnly && b >> 1 == i)) return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) { return o instanceof OctagonMatrix x && x.dim == dim && Arrays.equals(x.m, m); }

    @Override
    public int hashCode() { return Arrays.hashCode(m); }
}
