package io.memsafe.census.lang;

import java.util.Arrays;

/**
 * Per-line classification of a file: blank, comment or code, in cloc's sense. A line is code if it holds any
 * non-blank character outside comments (string contents are code), comment if its only non-blank characters
 * are inside comments, blank otherwise. Whitespace-only lines inside a block comment are blank, as in cloc.
 *
 * <p>Kept per line (not just as totals) because history needs to know which of the lines a diff adds are code.
 */
public final class LineKinds {
    public static final byte BLANK = 0;
    public static final byte COMMENT = 1;
    public static final byte CODE = 2;

    private byte[] kinds = new byte[256];
    private int lines;

    /** Called for every non-blank character with the kind it contributes; code wins over comment. */
    void mark(int line, byte kind) {
        if (line >= kinds.length) {
            kinds = Arrays.copyOf(kinds, Math.max(kinds.length * 2, line + 1));
        }
        if (kinds[line] < kind) {
            kinds[line] = kind;
        }
    }

    void setLineCount(int count) {
        lines = count;
        if (kinds.length < count) {
            kinds = Arrays.copyOf(kinds, count);
        }
    }

    public int lineCount() {
        return lines;
    }

    /** Kind of the 0-based line. */
    public byte kind(int line) {
        return kinds[line];
    }

    public int count(byte kind) {
        int n = 0;
        for (int i = 0; i < lines; i++) {
            if (kinds[i] == kind) {
                n++;
            }
        }
        return n;
    }

    /** Number of code lines among the 0-based half-open range [from, to). */
    public int codeLinesIn(int from, int to) {
        int n = 0;
        int end = Math.min(to, lines);
        for (int i = Math.max(0, from); i < end; i++) {
            if (kinds[i] == CODE) {
                n++;
            }
        }
        return n;
    }
}
