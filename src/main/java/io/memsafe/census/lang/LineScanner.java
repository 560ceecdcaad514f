package io.memsafe.census.lang;

/**
 * Classifies the lines of a file in any language described by a {@link Syntax} other than Rust.
 *
 * <p>A small state machine over the raw bytes (all the syntax that matters is ASCII, so UTF-8 and Latin-1
 * files need no decoding). Strings are tracked so that comment markers inside them are code, the same thing
 * cloc achieves by removing comment markers from strings before it strips comments.
 */
public final class LineScanner {

    private LineScanner() {
    }

    /** What a scan needs from a {@link Syntax}, as bytes; made once per syntax. */
    private record Tables(byte[] blockOpen, byte[] blockClose, byte[][] lineComments, boolean[] special, boolean lineLocal) {
        static Tables of(Syntax syntax) {
            byte[] blockOpen = bytes(syntax.blockOpen());
            byte[] blockClose = bytes(syntax.blockClose());
            byte[][] lineComments = new byte[syntax.lineComments().size()][];
            for (int k = 0; k < lineComments.length; k++) {
                lineComments[k] = bytes(syntax.lineComments().get(k));
            }
            String quotes = syntax.quotes();
            // bytes that may start a comment or a string: every other byte outside comments and strings is plain code,
            // which is the common case and takes the fast path below
            boolean[] special = new boolean[256];
            for (int k = 0; k < quotes.length(); k++) {
                special[quotes.charAt(k) & 0xff] = true;
            }
            if (blockOpen != null) {
                special[blockOpen[0] & 0xff] = true;
            }
            for (byte[] m : lineComments) {
                special[m[0] & 0xff] = true;
            }
            // comments and strings that end with their line: once a line is known to be code, the rest can be skipped
            boolean lineLocal = blockOpen == null && !syntax.tripleQuotedComments() && quotes.indexOf('`') < 0;
            return new Tables(blockOpen, blockClose, lineComments, special, lineLocal);
        }
    }

    private static final java.util.Map<Syntax, Tables> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    public static LineKinds scan(byte[] b, Syntax syntax) {
        if (syntax.rust()) {
            return RustLexer.lex(b).kinds();
        }
        return scan(b, 0, b.length, syntax, TABLES.computeIfAbsent(syntax, Tables::of));
    }

    /**
     * Kind of the single line {@code b[from, to)} (no newline inside) scanned on its own. For syntaxes whose comments
     * and strings end with the line this is the line's kind in any file that contains it.
     */
    public static byte lineKind(byte[] b, int from, int to, Syntax syntax) {
        LineKinds k = scan(b, from, to, syntax, TABLES.computeIfAbsent(syntax, Tables::of));
        return k.lineCount() == 0 ? LineKinds.BLANK : k.kind(0);
    }

    /** Scans {@code b[from, to)} as if it were a whole file (line 0 starts at {@code from}). */
    private static LineKinds scan(byte[] b, int from, int to, Syntax syntax, Tables t) {
        LineKinds kinds = new LineKinds();
        final int n = to;
        final byte[] blockOpen = t.blockOpen();
        final byte[] blockClose = t.blockClose();
        final byte[][] lineComments = t.lineComments();
        final boolean[] special = t.special();
        final boolean lineLocal = t.lineLocal();
        final String quotes = syntax.quotes();
        int line = 0;
        byte lineKind = LineKinds.BLANK; // kind of the current line so far, written out at its end
        int depth = 0;          // block comment nesting depth; > 0 means inside a block comment
        byte quote = 0;         // != 0: inside a string delimited by this byte
        byte triple = 0;        // != 0: inside a triple-quoted (Python docstring) comment
        int i = from;
        while (i < n) {
            byte c = b[i];
            if (c == '\n') {
                if (lineKind != LineKinds.BLANK) {
                    kinds.mark(line, lineKind);
                    lineKind = LineKinds.BLANK;
                }
                line++;
                // A newline ends an unterminated '...' or "..." string: those cannot span lines in the languages
                // we scan, and treating them so keeps an apostrophe in "#error don't" from swallowing the file.
                if (quote == '"' || quote == '\'') {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                i++;
                continue;
            }
            if (depth == 0 && quote == 0 && triple == 0 && !special[c & 0xff]) {
                lineKind = LineKinds.CODE;
                i++;
                if (lineLocal) {
                    // nothing later on this line can open a construct that outlives it, and the line is code already
                    while (i < n && b[i] != '\n') {
                        i++;
                    }
                }
                continue;
            }
            if (triple != 0) {
                if (lineKind < LineKinds.COMMENT) {
                    lineKind = LineKinds.COMMENT;
                }
                if (c == triple && i + 2 < n && b[i + 1] == triple && b[i + 2] == triple) {
                    triple = 0;
                    i += 3;
                } else {
                    i++;
                }
                continue;
            }
            if (depth > 0) {
                if (lineKind < LineKinds.COMMENT) {
                    lineKind = LineKinds.COMMENT;
                }
                if (c != blockClose[0] && (!syntax.nestedBlocks() || c != blockOpen[0])) {
                    i++; // the common case inside a comment: a byte that cannot open or close one
                    continue;
                }
                if (syntax.nestedBlocks() && startsWith(b, i, blockOpen)) {
                    depth++;
                    i += blockOpen.length;
                } else if (startsWith(b, i, blockClose)) {
                    depth--;
                    i += blockClose.length;
                } else {
                    i++;
                }
                continue;
            }
            if (quote != 0) {
                lineKind = LineKinds.CODE;
                if (syntax.escapes() && c == '\\' && i + 1 < n && b[i + 1] != '\n') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (syntax.tripleQuotedComments() && (c == '"' || c == '\'') && i + 2 < n && b[i + 1] == c && b[i + 2] == c) {
                if (lineKind < LineKinds.COMMENT) {
                    lineKind = LineKinds.COMMENT;
                }
                triple = c;
                i += 3;
                continue;
            }
            if (blockOpen != null && startsWith(b, i, blockOpen)) {
                if (lineKind < LineKinds.COMMENT) {
                    lineKind = LineKinds.COMMENT;
                }
                depth = 1;
                i += blockOpen.length;
                continue;
            }
            if (startsWithAny(b, i, lineComments)) {
                if (lineKind < LineKinds.COMMENT) {
                    lineKind = LineKinds.COMMENT;
                }
                while (i < n && b[i] != '\n') {
                    i++;
                }
                continue;
            }
            lineKind = LineKinds.CODE;
            if (quotes.indexOf(c) >= 0 && !(c == '\'' && i > from && isDigit(b[i - 1]))) {
                // a quote right after a digit is a C++14 digit separator (1'000'000), not a character literal
                quote = c;
            }
            i++;
        }
        if (lineKind != LineKinds.BLANK) {
            kinds.mark(line, lineKind);
        }
        // lines as cloc (Perl) reads them: a last line without newline counts, nothing after a final newline does
        kinds.setLineCount(n > from && b[n - 1] != '\n' ? line + 1 : line);
        return kinds;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static boolean startsWith(byte[] b, int i, byte[] marker) {
        if (marker == null || i + marker.length > b.length) {
            return false;
        }
        for (int k = 0; k < marker.length; k++) {
            if (b[i + k] != marker[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAny(byte[] b, int i, byte[][] markers) {
        for (byte[] m : markers) {
            if (startsWith(b, i, m)) {
                return true;
            }
        }
        return false;
    }
}
