package io.memsafe.census.history;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A line diff that marks the same lines as added and removed as git's default diff does, so that {@code history}'s
 * physical line counts are those of {@code git log --numstat}.
 *
 * <p>Why not JGit's diffs: git's default algorithm is Myers' O(ND) diff as implemented in xdiff, and xdiff does more
 * than Myers. It drops lines that have no counterpart on the other side before the search (and lines that occur
 * very often on the other side when they sit among such lines), and it bounds the search cost: past a cost of
 * about the square root of the input it takes a good-looking snake or the furthest-reaching path instead of the
 * minimal one. So on files with many repeated lines (translation catalogues: thousands of {@code msgstr ""}) git
 * reports diffs far from minimal, up to twice the lines of a histogram diff; JGit's {@code MyersDiff} is minimal and
 * its {@code HistogramDiff} differs the other way. Matching git therefore means following xdiff's steps with its
 * constants: this class is a reimplementation of those steps (the algorithm, written here in Java; no code is
 * taken over), checked line for line against the git command line by {@code GitLineDiffTest} and on fish-shell's
 * whole history (docs/benchmarks-census.md). The heuristics also keep the cost near-linear on such files, which
 * is why no fallback for "hard" files is needed.
 *
 * <p>Lines are compared byte for byte including their line feed (so a last line without one differs from the same
 * line with one, as in git), with no whitespace options, as {@code git log --numstat} does by default. Sliding
 * changed groups (git's compaction and indent heuristic) moves hunks but never changes how many lines they hold, so
 * it is not needed for counts.
 */
public final class GitLineDiff {

    /** Lines occurring this often (or the square root of the file's lines, if less) on the other side are "multimatch". */
    private static final int MAX_EQ_LIMIT = 1024;
    /** How far around a multimatch line the scan for unmatched neighbours looks. */
    private static final int SIMSCAN_WINDOW = 100;
    /** A multimatch line is dropped when fewer than one in this many of its neighbours are multimatch. */
    private static final int KPDIS_RUN = 4;
    /** Search cost from which the furthest-reaching path is taken instead of the minimal one. */
    private static final int MAX_COST_MIN = 256;
    /** A run of at least this many equal lines is a "good" snake for the heuristic cut. */
    private static final int SNAKE_CNT = 20;
    /** Search cost from which the good-snake heuristic is tried. */
    private static final int HEUR_MIN_COST = 256;
    private static final int K_HEUR = 4;

    /** Which lines of the old side the diff removes and which lines of the new side it adds. */
    public record Changes(boolean[] removed, boolean[] added) {
        public int removedCount() {
            return count(removed);
        }

        public int addedCount() {
            return count(added);
        }

        private static int count(boolean[] marks) {
            int n = 0;
            for (boolean m : marks) {
                if (m) {
                    n++;
                }
            }
            return n;
        }
    }

    private GitLineDiff() {
    }

    /** The changed lines between two file contents. */
    public static Changes diff(byte[] a, byte[] b) {
        // The whole files are diffed (git trims a common tail before diffing only when it shows no context lines;
        // numstat has context), and xdiff's thresholds count lines over the whole files. But lines inside the common
        // prefix and suffix of bytes are the same line on both sides: they are only looked up (for the counts of the
        // lines in between), never inserted, compared or searched, which makes a small edit of a big file cheap.
        int prefix = Arrays.mismatch(a, b);
        if (prefix < 0) {
            int n = lineCount(a);
            return new Changes(new boolean[n], new boolean[n]);
        }
        while (prefix > 0 && a[prefix - 1] != '\n') {
            prefix--;
        }
        int suffix = LineMultiset.commonSuffix(a, b, Math.min(a.length, b.length) - prefix);
        while (suffix > 0 && !(lineStart(a, a.length - suffix) && lineStart(b, b.length - suffix))) {
            suffix--; // the shared tail must start a line on both sides
        }
        Lines head = Lines.of(a, 0, prefix);
        Lines middleA = Lines.of(a, prefix, a.length - suffix);
        Lines middleB = Lines.of(b, prefix, b.length - suffix);
        Lines tail = Lines.of(a, a.length - suffix, a.length);
        Run run = new Run(head.count(), middleA.count(), middleB.count(), tail.count());
        run.classify(a, head, middleA, b, middleB, tail);
        run.run();
        return new Changes(run.removed, run.added);
    }

    private static boolean lineStart(byte[] x, int i) {
        return i == 0 || x[i - 1] == '\n';
    }

    private static int lineCount(byte[] text) {
        return Lines.of(text, 0, text.length).count();
    }

    /** The lines of a region: where each starts (plus the region's end) and a hash of each. */
    private record Lines(int[] starts, long[] hashes) {

        int count() {
            return hashes.length;
        }

        /** A last line without a line feed is a line too. */
        static Lines of(byte[] text, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (text[i] == '\n') {
                    n++;
                }
            }
            if (to > from && text[to - 1] != '\n') {
                n++;
            }
            int[] starts = new int[n + 1];
            long[] hashes = new long[n];
            int line = 0;
            int start = from;
            for (int i = from; i < to; i++) {
                if (text[i] == '\n') {
                    starts[line] = start;
                    hashes[line++] = LineMultiset.hash(text, start, i + 1);
                    start = i + 1;
                }
            }
            if (line < n) {
                starts[line] = start;
                hashes[line] = LineMultiset.hash(text, start, to);
            }
            starts[n] = to;
            return new Lines(starts, hashes);
        }
    }

    /** One diff: the lines classified into equivalence classes, the reduced sequences, and the search. */
    private static final class Run {
        private final int linesA;
        private final int linesB;
        private final boolean[] removed;
        private final boolean[] added;
        /** Class of each line, per side. */
        private final int[] classA;
        private final int[] classB;
        /** Occurrences of each class on each side, over the whole files (what xdiff's thresholds count). */
        private final int[] countA;
        private final int[] countB;
        /** The lines kept for the search, as classes, and the line each stands for. */
        private int[] ha1;
        private int[] ha2;
        private int[] index1;
        private int[] index2;
        private int[] kvdf;
        private int[] kvdb;
        private int kOffset;
        private int maxCost;

        Run(int headLines, int middleA, int middleB, int tailLines) {
            this.linesA = headLines + middleA + tailLines;
            this.linesB = headLines + middleB + tailLines;
            this.removed = new boolean[linesA];
            this.added = new boolean[linesB];
            this.classA = new int[linesA];
            this.classB = new int[linesB];
            this.countA = new int[linesA + middleB];
            this.countB = new int[linesA + middleB];
        }

        /**
         * Gives equal lines the same class and counts them per side. The lines in between the common head and tail
         * are classified in an open-addressing table over their hashes (equal hashes compared byte for byte); a line
         * of the head or tail is the same on both sides and only matters if it equals a line in between, so it is
         * looked up and counted on both sides, or else given a class of its own.
         */
        void classify(byte[] a, Lines head, Lines middleA, byte[] b, Lines middleB, Lines tail) {
            int capacity = Integer.highestOneBit(Math.max(4, (middleA.count() + middleB.count()) * 2 - 1)) << 1;
            int[] slots = new int[capacity]; // class + 1, 0 = free
            int classes = middleA.count() + middleB.count();
            long[] classHash = new long[classes];
            byte[][] classText = new byte[classes][];
            int[] classStart = new int[classes];
            int[] classEnd = new int[classes];
            classes = 0;
            int h0 = head.count();
            for (int side = 0; side < 2; side++) {
                byte[] text = side == 0 ? a : b;
                Lines lines = side == 0 ? middleA : middleB;
                int[] out = side == 0 ? classA : classB;
                int[] counts = side == 0 ? countA : countB;
                for (int i = 0; i < lines.count(); i++) {
                    long h = lines.hashes()[i];
                    int from = lines.starts()[i];
                    int to = lines.starts()[i + 1];
                    int slot = (int) h & (capacity - 1);
                    int cls;
                    while (true) {
                        int s = slots[slot];
                        if (s == 0) {
                            cls = classes++;
                            slots[slot] = cls + 1;
                            classHash[cls] = h;
                            classText[cls] = text;
                            classStart[cls] = from;
                            classEnd[cls] = to;
                            break;
                        }
                        int c = s - 1;
                        if (classHash[c] == h && Arrays.equals(classText[c], classStart[c], classEnd[c], text, from, to)) {
                            cls = c;
                            break;
                        }
                        slot = (slot + 1) & (capacity - 1);
                    }
                    out[h0 + i] = cls;
                    counts[cls]++;
                }
            }
            int fresh = classes;
            for (int part = 0; part < 2; part++) {
                Lines lines = part == 0 ? head : tail;
                int atA = part == 0 ? 0 : h0 + middleA.count();
                int atB = part == 0 ? 0 : h0 + middleB.count();
                for (int i = 0; i < lines.count(); i++) {
                    long h = lines.hashes()[i];
                    int from = lines.starts()[i];
                    int to = lines.starts()[i + 1];
                    int cls = -1;
                    for (int slot = (int) h & (capacity - 1); slots[slot] != 0; slot = (slot + 1) & (capacity - 1)) {
                        int c = slots[slot] - 1;
                        if (classHash[c] == h && Arrays.equals(classText[c], classStart[c], classEnd[c], a, from, to)) {
                            cls = c;
                            break;
                        }
                    }
                    if (cls < 0) {
                        cls = fresh++; // equal to no line in between: which class it is does not matter
                    } else {
                        countA[cls]++;
                        countB[cls]++;
                    }
                    classA[atA + i] = cls;
                    classB[atB + i] = cls;
                }
            }
        }

        void run() {
            // the common head and tail are unchanged
            int lim = Math.min(linesA, linesB);
            int head = 0;
            while (head < lim && classA[head] == classB[head]) {
                head++;
            }
            int tail = 0;
            while (tail < lim - head && classA[linesA - 1 - tail] == classB[linesB - 1 - tail]) {
                tail++;
            }
            int endA = linesA - tail; // exclusive
            int endB = linesB - tail;
            reduce(head, endA, endB);
            int n1 = ha1.length;
            int n2 = ha2.length;
            int diagonals = n1 + n2 + 3;
            kvdf = new int[diagonals];
            kvdb = new int[diagonals];
            kOffset = n2 + 1;
            maxCost = Math.max(MAX_COST_MIN, bogoSqrt(diagonals));
            compare(n1, n2);
        }

        /**
         * Drops from the search the lines that cannot match (no occurrence on the other side), and multimatch lines
         * that sit mostly among those; dropped lines are changed. What is left is searched.
         */
        private void reduce(int head, int endA, int endB) {
            byte[] dis1 = discards(classA, head, endA, countB, linesA);
            byte[] dis2 = discards(classB, head, endB, countA, linesB);
            int[][] kept1 = keep(dis1, classA, head, endA, removed);
            int[][] kept2 = keep(dis2, classB, head, endB, added);
            ha1 = kept1[0];
            index1 = kept1[1];
            ha2 = kept2[0];
            index2 = kept2[1];
        }

        /** Per line: 0 no match on the other side, 1 some, 2 many (multimatch). */
        private static byte[] discards(int[] classes, int from, int to, int[] otherCounts, int lines) {
            int limit = Math.min(MAX_EQ_LIMIT, bogoSqrt(lines));
            byte[] dis = new byte[Math.max(0, to)];
            for (int i = from; i < to; i++) {
                int nm = otherCounts[classes[i]];
                dis[i] = (byte) (nm == 0 ? 0 : nm >= limit ? 2 : 1);
            }
            return dis;
        }

        private static int[][] keep(byte[] dis, int[] classes, int from, int to, boolean[] changed) {
            int[] ha = new int[Math.max(0, to - from)];
            int[] index = new int[ha.length];
            int n = 0;
            for (int i = from; i < to; i++) {
                if (dis[i] == 1 || dis[i] == 2 && !dropMultimatch(dis, i, from, to - 1)) {
                    ha[n] = classes[i];
                    index[n++] = i;
                } else {
                    changed[i] = true;
                }
            }
            return new int[][]{Arrays.copyOf(ha, n), Arrays.copyOf(index, n)};
        }

        /**
         * Whether the multimatch line {@code i} is dropped: only when it has unmatched lines on both sides within the
         * window and fewer than a quarter of the runs around it are multimatch lines.
         */
        private static boolean dropMultimatch(byte[] dis, int i, int s, int e) {
            if (i - s > SIMSCAN_WINDOW) {
                s = i - SIMSCAN_WINDOW;
            }
            if (e - i > SIMSCAN_WINDOW) {
                e = i + SIMSCAN_WINDOW;
            }
            int unmatchedBefore = 0;
            int multiBefore = 1;
            for (int r = 1; i - r >= s; r++) {
                if (dis[i - r] == 0) {
                    unmatchedBefore++;
                } else if (dis[i - r] == 2) {
                    multiBefore++;
                } else {
                    break;
                }
            }
            if (unmatchedBefore == 0) {
                return false;
            }
            int unmatchedAfter = 0;
            int multiAfter = 1;
            for (int r = 1; i + r <= e; r++) {
                if (dis[i + r] == 0) {
                    unmatchedAfter++;
                } else if (dis[i + r] == 2) {
                    multiAfter++;
                } else {
                    break;
                }
            }
            if (unmatchedAfter == 0) {
                return false;
            }
            int unmatched = unmatchedBefore + unmatchedAfter;
            int multi = multiBefore + multiAfter;
            return multi * KPDIS_RUN < multi + unmatched;
        }

        /** Where a box is split, and whether each half must be searched for the minimal diff. */
        private record Box(int off1, int lim1, int off2, int lim2, boolean needMin) {
        }

        /** Divide and conquer over boxes of the reduced sequences (a stack instead of recursion: boxes are independent). */
        private void compare(int n1, int n2) {
            ArrayDeque<Box> boxes = new ArrayDeque<>();
            boxes.push(new Box(0, n1, 0, n2, false));
            int[] split = new int[4];
            while (!boxes.isEmpty()) {
                Box box = boxes.pop();
                int off1 = box.off1();
                int lim1 = box.lim1();
                int off2 = box.off2();
                int lim2 = box.lim2();
                while (off1 < lim1 && off2 < lim2 && ha1[off1] == ha2[off2]) {
                    off1++;
                    off2++;
                }
                while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] == ha2[lim2 - 1]) {
                    lim1--;
                    lim2--;
                }
                if (off1 == lim1) {
                    for (int k = off2; k < lim2; k++) {
                        added[index2[k]] = true;
                    }
                } else if (off2 == lim2) {
                    for (int k = off1; k < lim1; k++) {
                        removed[index1[k]] = true;
                    }
                } else {
                    split(off1, lim1, off2, lim2, box.needMin(), split);
                    boxes.push(new Box(split[0], lim1, split[1], lim2, split[3] != 0));
                    boxes.push(new Box(off1, split[0], off2, split[1], split[2] != 0));
                }
            }
        }

        private int f(int d) {
            return kvdf[d + kOffset];
        }

        private void f(int d, int v) {
            kvdf[d + kOffset] = v;
        }

        private int b(int d) {
            return kvdb[d + kOffset];
        }

        private void b(int d, int v) {
            kvdb[d + kOffset] = v;
        }

        /**
         * Finds where to split the box: the middle snake of the forward and backward searches (Myers), or, once the
         * cost is high, a good snake or the furthest-reaching path. Writes {i1, i2, minLo, minHi} to {@code out}.
         */
        private void split(int off1, int lim1, int off2, int lim2, boolean needMin, int[] out) {
            int dmin = off1 - lim2;
            int dmax = lim1 - off2;
            int fmid = off1 - off2;
            int bmid = lim1 - lim2;
            boolean odd = ((fmid - bmid) & 1) != 0;
            int fmin = fmid;
            int fmax = fmid;
            int bmin = bmid;
            int bmax = bmid;
            f(fmid, off1);
            b(bmid, lim1);
            for (int ec = 1; ; ec++) {
                boolean gotSnake = false;
                if (fmin > dmin) {
                    f(--fmin - 1, -1);
                } else {
                    ++fmin;
                }
                if (fmax < dmax) {
                    f(++fmax + 1, -1);
                } else {
                    --fmax;
                }
                for (int d = fmax; d >= fmin; d -= 2) {
                    int i1 = f(d - 1) >= f(d + 1) ? f(d - 1) + 1 : f(d + 1);
                    int prev1 = i1;
                    int i2 = i1 - d;
                    while (i1 < lim1 && i2 < lim2 && ha1[i1] == ha2[i2]) {
                        i1++;
                        i2++;
                    }
                    if (i1 - prev1 > SNAKE_CNT) {
                        gotSnake = true;
                    }
                    f(d, i1);
                    if (odd && bmin <= d && d <= bmax && b(d) <= i1) {
                        set(out, i1, i2, true, true);
                        return;
                    }
                }
                if (bmin > dmin) {
                    b(--bmin - 1, Integer.MAX_VALUE);
                } else {
                    ++bmin;
                }
                if (bmax < dmax) {
                    b(++bmax + 1, Integer.MAX_VALUE);
                } else {
                    --bmax;
                }
                for (int d = bmax; d >= bmin; d -= 2) {
                    int i1 = b(d - 1) < b(d + 1) ? b(d - 1) : b(d + 1) - 1;
                    int prev1 = i1;
                    int i2 = i1 - d;
                    while (i1 > off1 && i2 > off2 && ha1[i1 - 1] == ha2[i2 - 1]) {
                        i1--;
                        i2--;
                    }
                    if (prev1 - i1 > SNAKE_CNT) {
                        gotSnake = true;
                    }
                    b(d, i1);
                    if (!odd && fmin <= d && d <= fmax && i1 <= f(d)) {
                        set(out, i1, i2, true, true);
                        return;
                    }
                }
                if (needMin) {
                    continue;
                }
                if (gotSnake && ec > HEUR_MIN_COST && goodSnake(off1, lim1, off2, lim2, fmin, fmax, fmid, bmin, bmax, bmid, ec, out)) {
                    return;
                }
                if (ec >= maxCost) {
                    furthestReaching(off1, lim1, off2, lim2, fmin, fmax, bmin, bmax, out);
                    return;
                }
            }
        }

        /** A diagonal that got far from its corner and ends in a run of equal lines: split there. */
        private boolean goodSnake(int off1, int lim1, int off2, int lim2, int fmin, int fmax, int fmid,
                                  int bmin, int bmax, int bmid, int ec, int[] out) {
            long best = 0;
            for (int d = fmax; d >= fmin; d -= 2) {
                int dd = d > fmid ? d - fmid : fmid - d;
                int i1 = f(d);
                int i2 = i1 - d;
                long v = (long) (i1 - off1) + (i2 - off2) - dd;
                if (v > (long) K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
                    for (int k = 1; ha1[i1 - k] == ha2[i2 - k]; k++) {
                        if (k == SNAKE_CNT) {
                            best = v;
                            out[0] = i1;
                            out[1] = i2;
                            break;
                        }
                    }
                }
            }
            if (best > 0) {
                out[2] = 1;
                out[3] = 0;
                return true;
            }
            for (int d = bmax; d >= bmin; d -= 2) {
                int dd = d > bmid ? d - bmid : bmid - d;
                int i1 = b(d);
                int i2 = i1 - d;
                long v = (long) (lim1 - i1) + (lim2 - i2) - dd;
                if (v > (long) K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
                    for (int k = 0; ha1[i1 + k] == ha2[i2 + k]; k++) {
                        if (k == SNAKE_CNT - 1) {
                            best = v;
                            out[0] = i1;
                            out[1] = i2;
                            break;
                        }
                    }
                }
            }
            if (best > 0) {
                out[2] = 0;
                out[3] = 1;
                return true;
            }
            return false;
        }

        /** The search has cost enough: split at the path (forward or backward) that reached furthest. */
        private void furthestReaching(int off1, int lim1, int off2, int lim2, int fmin, int fmax, int bmin, int bmax, int[] out) {
            long fbest = -1;
            int fbest1 = -1;
            for (int d = fmax; d >= fmin; d -= 2) {
                int i1 = Math.min(f(d), lim1);
                int i2 = i1 - d;
                if (lim2 < i2) {
                    i1 = lim2 + d;
                    i2 = lim2;
                }
                if (fbest < (long) i1 + i2) {
                    fbest = (long) i1 + i2;
                    fbest1 = i1;
                }
            }
            long bbest = Long.MAX_VALUE;
            int bbest1 = Integer.MAX_VALUE;
            for (int d = bmax; d >= bmin; d -= 2) {
                int i1 = Math.max(off1, b(d));
                int i2 = i1 - d;
                if (i2 < off2) {
                    i1 = off2 + d;
                    i2 = off2;
                }
                if ((long) i1 + i2 < bbest) {
                    bbest = (long) i1 + i2;
                    bbest1 = i1;
                }
            }
            if ((long) lim1 + lim2 - bbest < fbest - (off1 + off2)) {
                set(out, fbest1, (int) (fbest - fbest1), true, false);
            } else {
                set(out, bbest1, (int) (bbest - bbest1), false, true);
            }
        }

        private static void set(int[] out, int i1, int i2, boolean minLo, boolean minHi) {
            out[0] = i1;
            out[1] = i2;
            out[2] = minLo ? 1 : 0;
            out[3] = minHi ? 1 : 0;
        }
    }

    /** xdiff's cheap square root: a power of two near the root, used for its thresholds. */
    static int bogoSqrt(long n) {
        int i = 1;
        for (; n > 0; n >>= 2) {
            i <<= 1;
        }
        return i;
    }
}
