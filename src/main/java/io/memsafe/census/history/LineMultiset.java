package io.memsafe.census.history;

import io.memsafe.census.lang.LineKinds;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
        Map<Key, Integer> old = new HashMap<>();
        forEachCodeLine(a, prefix, a.length - suffix, prefixLines, ka, k -> old.merge(k, 1, Integer::sum));
        long[] added = {0};
        forEachCodeLine(b, prefix, b.length - suffix, prefixLines, kb, k -> {
            Integer n = old.get(k);
            if (n == null || n == 0) {
                added[0]++;
            } else {
                old.put(k, n - 1);
            }
        });
        long deleted = 0;
        for (int n : old.values()) {
            deleted += n;
        }
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

    /** A line of a byte array, compared by content. */
    private record Key(byte[] buf, int start, int end, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(buf, start, end, k.buf, k.start, k.end);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Calls {@code sink} for each code line that starts in [from, to); {@code line} is the number of the line at {@code from}. */
    private static void forEachCodeLine(byte[] buf, int from, int to, int line, LineKinds kinds, java.util.function.Consumer<Key> sink) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == '\n') {
                if (start < i || i < to) {
                    if (line < kinds.lineCount() && kinds.kind(line) == LineKinds.CODE) {
                        int h = 1;
                        for (int j = start; j < i; j++) {
                            h = 31 * h + buf[j];
                        }
                        sink.accept(new Key(buf, start, i, h));
                    }
                    line++;
                }
                start = i + 1;
            }
        }
    }
}
