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
        int suffix = 0;
        int max = Math.min(a.length, b.length) - prefix;
        while (suffix < max && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
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
     * multi-line strings): then a line's kind depends on its own bytes only. So every line of the changed middle is
     * put in the multiset (identical lines have identical kinds, so matching all lines and keeping the code ones is
     * the same as matching code lines only), and only the lines left unmatched are classified. This is what keeps
     * big translation catalogues and scripts cheap in a long history: most of their lines are moved or unchanged.
     */
    static long[] addedDeletedLineLocal(byte[] a, byte[] b, io.memsafe.census.lang.Syntax syntax) {
        int prefix = Arrays.mismatch(a, b);
        if (prefix < 0) {
            return new long[]{0, 0};
        }
        while (prefix > 0 && a[prefix - 1] != '\n') {
            prefix--;
        }
        int suffix = 0;
        int max = Math.min(a.length, b.length) - prefix;
        while (suffix < max && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        while (suffix > 0 && !(lineStart(a, a.length - suffix) && lineStart(b, b.length - suffix))) {
            suffix--;
        }
        int aEnd = a.length - suffix;
        int bEnd = b.length - suffix;
        LineTable old = new LineTable(aEnd - prefix);
        for (int start = prefix; start < aEnd; ) {
            int end = lineEnd(a, start, aEnd);
            old.add(hash(a, start, end), start, end);
            start = end + 1;
        }
        long added = 0;
        for (int start = prefix; start < bEnd; ) {
            int end = lineEnd(b, start, bEnd);
            if (!old.take(hash(b, start, end))
                    && io.memsafe.census.lang.LineScanner.lineKind(b, start, end, syntax) == LineKinds.CODE) {
                added++;
            }
            start = end + 1;
        }
        return new long[]{added, old.remainingOfKind(a, syntax, LineKinds.CODE)};
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
     * A multiset of lines by hash that remembers where one occurrence of each distinct line is, so that the lines
     * left over can be classified without scanning the rest.
     */
    private static final class LineTable {
        private long[] keys;
        private int[] counts;
        private int[] starts;
        private int[] ends;
        private boolean[] used;
        private int size;

        /** Sized for about one line per 32 bytes, so that most tables never grow. */
        LineTable(int bytes) {
            int cap = Integer.highestOneBit(Math.max(16, Math.min(1 << 24, bytes / 16)) - 1) << 1;
            keys = new long[cap];
            counts = new int[cap];
            starts = new int[cap];
            ends = new int[cap];
            used = new boolean[cap];
        }

        void add(long h, int start, int end) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(h);
            if (!used[i]) {
                used[i] = true;
                keys[i] = h;
                starts[i] = start;
                ends[i] = end;
                size++;
            }
            counts[i]++;
        }

        boolean take(long h) {
            int i = slot(h);
            if (used[i] && counts[i] > 0) {
                counts[i]--;
                return true;
            }
            return false;
        }

        /** Occurrences left whose line (in {@code x}, where they were added from) is of the given kind. */
        long remainingOfKind(byte[] x, io.memsafe.census.lang.Syntax syntax, byte kind) {
            long n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && counts[i] > 0 && io.memsafe.census.lang.LineScanner.lineKind(x, starts[i], ends[i], syntax) == kind) {
                    n += counts[i];
                }
            }
            return n;
        }

        private int slot(long h) {
            int mask = keys.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (used[i] && keys[i] != h) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] ok = keys;
            int[] oc = counts;
            int[] os = starts;
            int[] oe = ends;
            boolean[] ou = used;
            int cap = ok.length * 2;
            keys = new long[cap];
            counts = new int[cap];
            starts = new int[cap];
            ends = new int[cap];
            used = new boolean[cap];
            for (int j = 0; j < ok.length; j++) {
                if (ou[j]) {
                    int i = slot(ok[j]);
                    used[i] = true;
                    keys[i] = ok[j];
                    counts[i] = oc[j];
                    starts[i] = os[j];
                    ends[i] = oe[j];
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
