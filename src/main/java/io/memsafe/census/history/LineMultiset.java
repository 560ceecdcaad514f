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
     * multi-line strings): then the lines outside the changed middle cannot change kind, so only the middle is
     * scanned. This is what keeps big translation catalogues and scripts cheap in a long history.
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
        byte[] ma = Arrays.copyOfRange(a, prefix, a.length - suffix);
        byte[] mb = Arrays.copyOfRange(b, prefix, b.length - suffix);
        return addedDeleted(ma, io.memsafe.census.lang.LineScanner.scan(ma, syntax), mb, io.memsafe.census.lang.LineScanner.scan(mb, syntax));
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
                        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bit
                        for (int j = start; j < i; j++) {
                            h = (h ^ (buf[j] & 0xff)) * 0x100000001b3L;
                        }
                        sink.accept(h);
                    }
                    line++;
                }
                start = i + 1;
            }
        }
    }
}
