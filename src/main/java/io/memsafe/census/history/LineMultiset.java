package io.memsafe.census.history;

import io.memsafe.census.lang.LineKinds;

import java.util.Arrays;

/**
 * Added and deleted code lines as the difference of two multisets of lines. Used instead of a real diff for
 * documentation, translations, data and scripts (the "other" class), where only totals are reported and files are
 * large: a translation catalogue of 50,000 lines is diffed in linear time. It differs from a diff only for moved
 * lines, which it (arguably rightly) does not count as new.
 */
final class LineMultiset {

    private LineMultiset() {
    }

    /** {added, deleted} code lines between {@code a} (old) and {@code b} (new). */
    static long[] addedDeleted(byte[] a, LineKinds ka, byte[] b, LineKinds kb) {
        // lines shared by both ends cancel out; skipping them makes a one-line change in a big file cheap
        int prefix = Arrays.mismatch(a, b);
        if (prefix < 0) {
            return new long[]{0, 0};
        }
        while (prefix > 0 && a[prefix - 1] != '\n') {
            prefix--;
        }
        int suffix = commonSuffix(a, b, Math.min(a.length, b.length) - prefix);
        while (suffix > 0 && !(lineStart(a, a.length - suffix) && lineStart(b, b.length - suffix))) {
            suffix--; // keep whole lines only: the shared tail must start a line in both versions
        }
        int prefixLines = 0;
        for (int i = 0; i < prefix; i++) {
            if (a[i] == '\n') {
                prefixLines++;
            }
        }
        LineCounts old = new LineCounts();
        forEachCodeLine(a, prefix, a.length - suffix, prefixLines, ka, old::add);
        long[] added = {0};
        forEachCodeLine(b, prefix, b.length - suffix, prefixLines, kb, h -> {
            if (!old.take(h)) {
                added[0]++;
            }
        });
        long deleted = old.remaining();
        return new long[]{added[0], deleted};
    }

    /**
     * Same as {@link #addedDeleted} for languages whose comments end with the line (no block comments or
     * multi-line strings): then a line's kind depends on its own bytes only, so identical lines have identical kinds,
     * and the code lines of the multiset difference are the code lines of the multiset difference of all lines.
     *
     * <p>That difference does not change when a line of the old version and an identical line of the new one are
     * taken out of both: so the two versions are first walked side by side, pairing runs of identical lines with a
     * vectorised byte comparison and looking a few lines ahead to get back in step after inserted or deleted lines;
     * only the lines this leaves unpaired go through the hash multiset, and only those left over are classified. For a
     * translation catalogue of 80,000 lines where a regeneration changed a few hundred, that is a few hundred lines
     * hashed instead of 160,000. How lines are paired affects the speed only, never the result.
     */
    static long[] addedDeletedLineLocal(byte[] a, byte[] b, io.memsafe.census.lang.Syntax syntax) {
        int prefix = Arrays.mismatch(a, b);
        if (prefix < 0) {
            return new long[]{0, 0};
        }
        while (prefix > 0 && a[prefix - 1] != '\n') {
            prefix--;
        }
        int suffix = commonSuffix(a, b, Math.min(a.length, b.length) - prefix);
        while (suffix > 0 && !(lineStart(a, a.length - suffix) && lineStart(b, b.length - suffix))) {
            suffix--;
        }
        final int aEnd = a.length - suffix;
        final int bEnd = b.length - suffix;
        LineTable old = new LineTable(64);
        int[] fresh = new int[64]; // starts of the unpaired lines of b
        int freshCount = 0;
        int i = prefix;
        int j = prefix;
        while (i < aEnd && j < bEnd) {
            int m = Arrays.mismatch(a, i, aEnd, b, j, bEnd);
            if (m < 0) {
                i = aEnd;
                j = bEnd;
                break;
            }
            int k = m; // pair the whole lines the two sides have in common from here
            while (k > 0 && a[i + k - 1] != '\n') {
                k--;
            }
            if (k > 0) {
                i += k;
                j += k;
                continue;
            }
            int ae = lineEnd(a, i, aEnd);
            int be = lineEnd(b, j, bEnd);
            int an = ae < aEnd ? ae + 1 : aEnd;
            int bn = be < bEnd ? be + 1 : bEnd;
            if (!(an < aEnd && bn < bEnd && sameLine(a, an, aEnd, b, bn, bEnd))) {
                int skip = linesUntil(a, an, aEnd, b, j, be);
                if (skip > 0) { // lines deleted from a: b's line comes a few lines further on in a
                    for (int n = 0; n < skip; n++) {
                        int e = lineEnd(a, i, aEnd);
                        old.add(hash(a, i, e), i);
                        i = e < aEnd ? e + 1 : aEnd;
                    }
                    continue;
                }
                skip = linesUntil(b, bn, bEnd, a, i, ae);
                if (skip > 0) { // lines inserted into b
                    for (int n = 0; n < skip; n++) {
                        fresh = push(fresh, freshCount++, j);
                        int e = lineEnd(b, j, bEnd);
                        j = e < bEnd ? e + 1 : bEnd;
                    }
                    continue;
                }
            }
            // a changed line (or no way back in step nearby): leave both unpaired and go on with the next ones
            old.add(hash(a, i, ae), i);
            i = an;
            fresh = push(fresh, freshCount++, j);
            j = bn;
        }
        while (i < aEnd) {
            int e = lineEnd(a, i, aEnd);
            old.add(hash(a, i, e), i);
            i = e < aEnd ? e + 1 : aEnd;
        }
        while (j < bEnd) {
            fresh = push(fresh, freshCount++, j);
            int e = lineEnd(b, j, bEnd);
            j = e < bEnd ? e + 1 : bEnd;
        }
        long added = 0;
        for (int n = 0; n < freshCount; n++) {
            int start = fresh[n];
            int e = lineEnd(b, start, bEnd);
            if (!old.take(hash(b, start, e))
                    && io.memsafe.census.lang.LineScanner.lineKind(b, start, e, syntax) == LineKinds.CODE) {
                added++;
            }
        }
        return new long[]{added, old.remainingOfKind(a, aEnd, syntax, LineKinds.CODE)};
    }

    /**
     * Length of the longest common suffix of {@code a} and {@code b}, at most {@code max}: compared a block at a time
     * with the vectorised {@link Arrays#mismatch}, then byte by byte inside the block that differs.
     */
    static int commonSuffix(byte[] a, byte[] b, int max) {
        final int block = 4096;
        int suffix = 0;
        while (suffix < max) {
            int len = Math.min(block, max - suffix);
            int ae = a.length - suffix;
            int be = b.length - suffix;
            if (Arrays.mismatch(a, ae - len, ae, b, be - len, be) < 0) {
                suffix += len;
                continue;
            }
            while (a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
                suffix++;
            }
            return suffix;
        }
        return suffix;
    }

    private static int[] push(int[] list, int at, int value) {
        int[] out = at == list.length ? Arrays.copyOf(list, list.length * 2) : list;
        out[at] = value;
        return out;
    }

    /** How far to look ahead for the other side's line when the two versions are out of step. */
    private static final int LOOKAHEAD = 8;

    /**
     * Number of lines (1 to {@link #LOOKAHEAD}) from {@code from} in {@code x} up to a line equal to {@code y[ys, ye)},
     * or -1 if there is none that close. {@code from} itself is one line past the current one, hence the count.
     */
    private static int linesUntil(byte[] x, int from, int to, byte[] y, int ys, int ye) {
        int start = from;
        for (int n = 1; n <= LOOKAHEAD && start < to; n++) {
            int e = lineEnd(x, start, to);
            if (e - start == ye - ys && Arrays.equals(x, start, e, y, ys, ye)) {
                return n;
            }
            start = e < to ? e + 1 : to;
        }
        return -1;
    }

    /** Whether the lines starting at {@code as} and {@code bs} have the same content. */
    private static boolean sameLine(byte[] a, int as, int aTo, byte[] b, int bs, int bTo) {
        int ae = lineEnd(a, as, aTo);
        int be = lineEnd(b, bs, bTo);
        return ae - as == be - bs && Arrays.equals(a, as, ae, b, bs, be);
    }

    /** Index of the newline ending the line that starts at {@code start}, or {@code to} if the line runs to the end. */
    private static int lineEnd(byte[] x, int start, int to) {
        int i = start;
        while (i < to && x[i] != '\n') {
            i++;
        }
        return i;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * A 64-bit hash of the bytes [from, to), eight bytes per step (xxHash-style rounds, murmur3 finaliser). Lines
     * are compared by this hash alone; see {@link LineCounts} for why that is safe enough.
     */
    static long hash(byte[] x, int from, int to) {
        long h = 0x27D4EB2F165667C5L + (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LONGS.get(x, i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (x[i] & 0xffL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * A multiset of lines by hash that remembers where one occurrence of each distinct line starts, so that the lines
     * left over can be classified without scanning the rest. Open addressing in one array, a slot being two longs
     * (the hash; the start of the line plus one and the count), so that a probe touches one cache line: with tens of
     * thousands of lines per file, memory access is what this costs.
     */
    private static final class LineTable {
        private long[] slots;
        private int size;

        /** Sized for about one line per 32 bytes at most half full, so that most tables never grow. */
        LineTable(int bytes) {
            int cap = Integer.highestOneBit(Math.max(16, Math.min(1 << 24, bytes / 16)) - 1) << 1;
            slots = new long[2 * cap];
        }

        void add(long h, int start) {
            if (size * 2 >= slots.length / 2) {
                grow();
            }
            int i = slot(slots, h);
            if (slots[i + 1] == 0) {
                slots[i] = h;
                slots[i + 1] = (long) (start + 1) << 32;
                size++;
            }
            slots[i + 1]++;
        }

        boolean take(long h) {
            int i = slot(slots, h);
            if ((int) slots[i + 1] > 0) {
                slots[i + 1]--;
                return true;
            }
            return false;
        }

        /** Occurrences left whose line (in {@code x}, where they were added from, up to {@code to}) is of the given kind. */
        long remainingOfKind(byte[] x, int to, io.memsafe.census.lang.Syntax syntax, byte kind) {
            long n = 0;
            for (int i = 0; i < slots.length; i += 2) {
                int count = (int) slots[i + 1];
                if (count > 0) {
                    int start = (int) (slots[i + 1] >>> 32) - 1;
                    if (io.memsafe.census.lang.LineScanner.lineKind(x, start, lineEnd(x, start, to), syntax) == kind) {
                        n += count;
                    }
                }
            }
            return n;
        }

        /** Index of the slot holding {@code h}, or of the empty slot where it would go. */
        private static int slot(long[] slots, long h) {
            int mask = slots.length - 2;
            int i = (int) (h ^ (h >>> 32)) << 1 & mask;
            while (slots[i + 1] != 0 && slots[i] != h) {
                i = (i + 2) & mask;
            }
            return i;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (int j = 0; j < old.length; j += 2) {
                if (old[j + 1] != 0) {
                    int i = slot(slots, old[j]);
                    slots[i] = old[j];
                    slots[i + 1] = old[j + 1];
                }
            }
        }
    }

    /** Whether every comment and string of the syntax ends at the end of its line. */
    static boolean isLineLocal(io.memsafe.census.lang.Syntax syntax) {
        return syntax.blockOpen() == null && !syntax.tripleQuotedComments() && !syntax.rust() && syntax.quotes().indexOf('`') < 0;
    }

    private static boolean lineStart(byte[] x, int i) {
        return i == 0 || x[i - 1] == '\n';
    }

    /**
     * A multiset of line hashes in open addressing. Lines are identified by a 64-bit hash of their bytes: with at
     * most a few hundred thousand lines per file the chance of a collision is below one in ten million, and a
     * collision could only make one changed line look unchanged.
     */
    private static final class LineCounts {
        private long[] keys = new long[1024];
        private int[] counts = new int[1024];
        private int used;
        private long total;

        void add(long h) {
            if (used * 2 >= keys.length) {
                grow();
            }
            int i = slot(keys, counts, h);
            if (counts[i] == 0 && keys[i] != h) {
                keys[i] = h;
                used++;
            }
            keys[i] = h;
            counts[i]++;
            total++;
        }

        /** Removes one occurrence; false if there is none. */
        boolean take(long h) {
            int i = slot(keys, counts, h);
            if (keys[i] == h && counts[i] > 0) {
                counts[i]--;
                total--;
                return true;
            }
            return false;
        }

        long remaining() {
            return total;
        }

        /** Slot holding {@code h}, or the empty slot where it would go (slots keep their key once used). */
        private static int slot(long[] keys, int[] counts, long h) {
            int mask = keys.length - 1;
            int i = (int) (h ^ (h >>> 29)) & mask;
            while ((counts[i] != 0 || keys[i] != 0) && keys[i] != h) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] ok = keys;
            int[] oc = counts;
            keys = new long[ok.length * 2];
            counts = new int[ok.length * 2];
            for (int j = 0; j < ok.length; j++) {
                if (oc[j] != 0 || ok[j] != 0) {
                    int i = slot(keys, counts, ok[j]);
                    keys[i] = ok[j];
                    counts[i] = oc[j];
                }
            }
        }
    }

    /** Calls {@code sink} for each code line that starts in [from, to); {@code line} is the number of the line at {@code from}. */
    private static void forEachCodeLine(byte[] buf, int from, int to, int line, LineKinds kinds, java.util.function.LongConsumer sink) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == '\n') {
                if (start < i || i < to) {
                    if (line < kinds.lineCount() && kinds.kind(line) == LineKinds.CODE) {
                        sink.accept(hash(buf, start, i));
                    }
                    line++;
                }
                start = i + 1;
            }
        }
    }
}
