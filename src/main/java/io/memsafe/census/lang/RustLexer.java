package io.memsafe.census.lang;

import java.util.Arrays;

/**
 * A lexer for Rust that knows enough of the language to count lines like cloc and to find {@code unsafe}
 * regions exactly: line and nested block comments, strings with escapes, raw strings ({@code r#"..."#}), byte
 * and C strings, byte and char literals, and the difference between a char literal ({@code 'a'}) and a
 * lifetime or label ({@code 'a}). The word {@code unsafe} inside a comment or a string is never a keyword.
 *
 * <p>The lexer keeps only the tokens that delimit unsafe regions (the keywords and the brackets); a region
 * runs from the {@code unsafe} keyword to the brace that closes its block, function body, impl or trait, or
 * to the {@code ;} of a body-less declaration.
 */
public final class RustLexer {

    /** Result of lexing one Rust file. */
    public record Result(LineKinds kinds, RustUnsafe unsafe) {
    }

    private static final byte T_UNSAFE = 1, T_FN = 2, T_IMPL = 3, T_TRAIT = 4, T_EXTERN = 5, T_AUTO = 6,
            T_IDENT = 7, T_STRING = 8, T_LBRACE = 9, T_RBRACE = 10, T_SEMI = 11, T_LPAREN = 12, T_RPAREN = 13,
            T_LBRACK = 14, T_RBRACK = 15, T_OTHER = 16;

    private final byte[] b;
    private final int n;
    private final LineKinds kinds = new LineKinds();
    private int line;
    private byte[] tokType = new byte[1024];
    private int[] tokLine = new int[1024];
    private int tokens;

    private RustLexer(byte[] b) {
        this.b = b;
        this.n = b.length;
    }

    public static Result lex(byte[] content) {
        RustLexer lx = new RustLexer(content);
        lx.run();
        lx.kinds.setLineCount(content.length > 0 && content[content.length - 1] != '\n' ? lx.line + 1 : lx.line);
        return new Result(lx.kinds, lx.findUnsafe());
    }

    private void add(byte type) {
        if (tokens == tokType.length) {
            tokType = Arrays.copyOf(tokType, tokens * 2);
            tokLine = Arrays.copyOf(tokLine, tokens * 2);
        }
        tokType[tokens] = type;
        tokLine[tokens] = line;
        tokens++;
    }

    private void run() {
        int i = 0;
        while (i < n) {
            byte c = b[i];
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                i++;
            } else if (c == '/' && i + 1 < n && b[i + 1] == '/') {
                kinds.mark(line, LineKinds.COMMENT);
                while (i < n && b[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && b[i + 1] == '*') {
                i = blockComment(i);
            } else if (c == '"') {
                add(T_STRING);
                i = quoted(i + 1, (byte) '"');
            } else if (c == '\'') {
                i = quoteOrLifetime(i);
            } else if (isIdentStart(c)) {
                i = identOrPrefixedLiteral(i);
            } else if (c >= '0' && c <= '9') {
                kinds.mark(line, LineKinds.CODE);
                add(T_OTHER);
                i++;
                while (i < n && isIdentPart(b[i])) {
                    i++;
                }
            } else {
                kinds.mark(line, LineKinds.CODE);
                add(switch (c) {
                    case '{' -> T_LBRACE;
                    case '}' -> T_RBRACE;
                    case ';' -> T_SEMI;
                    case '(' -> T_LPAREN;
                    case ')' -> T_RPAREN;
                    case '[' -> T_LBRACK;
                    case ']' -> T_RBRACK;
                    default -> T_OTHER;
                });
                i++;
            }
        }
    }

    /** Nested block comment starting at {@code i}; returns the index after it (or the end of input). */
    private int blockComment(int i) {
        int depth = 0;
        while (i < n) {
            byte c = b[i];
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
                kinds.mark(line, LineKinds.COMMENT);
            }
            if (c == '/' && i + 1 < n && b[i + 1] == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && i + 1 < n && b[i + 1] == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** Body of a string with escapes, after the opening quote; returns the index after the closing quote. */
    private int quoted(int i, byte close) {
        kinds.mark(line, LineKinds.CODE);
        while (i < n) {
            byte c = b[i];
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                kinds.mark(line, LineKinds.CODE);
            }
            if (c == '\\' && i + 1 < n) {
                i += b[i + 1] == '\n' ? 1 : 2;
                continue;
            }
            i++;
            if (c == close) {
                return i;
            }
        }
        return i;
    }

    /** Raw string body after {@code r#..#"}: ends at a quote followed by the same number of hashes. */
    private int raw(int i, int hashes) {
        kinds.mark(line, LineKinds.CODE);
        while (i < n) {
            byte c = b[i];
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                kinds.mark(line, LineKinds.CODE);
            }
            i++;
            if (c == '"') {
                int h = 0;
                while (h < hashes && i + h < n && b[i + h] == '#') {
                    h++;
                }
                if (h == hashes) {
                    return i + h;
                }
            }
        }
        return i;
    }

    /**
     * A quote starts a char literal if it is followed by an escape, or by exactly one character and a closing
     * quote; otherwise it is a lifetime or a loop label, and the name after it is lexed as an ordinary word.
     */
    private int quoteOrLifetime(int i) {
        kinds.mark(line, LineKinds.CODE);
        if (i + 1 < n && b[i + 1] == '\\') {
            add(T_STRING);
            int j = i + 3; // skip quote, backslash and the escaped character
            int limit = Math.min(n, i + 16);
            while (j < limit && b[j] != '\'' && b[j] != '\n') {
                j++;
            }
            return j < limit && b[j] == '\'' ? j + 1 : i + 2;
        }
        if (i + 1 < n && b[i + 1] != '\n') {
            int len = utf8Length(b[i + 1]);
            int close = i + 1 + len;
            if (close < n && b[close] == '\'' && b[i + 1] != '\'') {
                add(T_STRING);
                return close + 1;
            }
        }
        add(T_OTHER);
        return i + 1;
    }

    private int identOrPrefixedLiteral(int i) {
        kinds.mark(line, LineKinds.CODE);
        byte c = b[i];
        int j = i;
        // byte / C string prefixes: b"..", c"..", b'x', br"..", cr"..", r"..", r#".."#
        if ((c == 'b' || c == 'c') && j + 1 < n) {
            if (b[j + 1] == '"') {
                add(T_STRING);
                return quoted(j + 2, (byte) '"');
            }
            if (c == 'b' && b[j + 1] == '\'') {
                add(T_STRING);
                return quoted(j + 2, (byte) '\'');
            }
            if (b[j + 1] == 'r') {
                j++;
            }
        }
        if (b[j] == 'r' && j + 1 < n && (b[j + 1] == '"' || b[j + 1] == '#')) {
            int k = j + 1;
            int hashes = 0;
            while (k < n && b[k] == '#') {
                hashes++;
                k++;
            }
            if (k < n && b[k] == '"') {
                add(T_STRING);
                return raw(k + 1, hashes);
            }
            if (hashes == 1 && j == i && k < n && isIdentStart(b[k])) {
                // raw identifier r#unsafe: an identifier, never the keyword
                int end = k;
                while (end < n && isIdentPart(b[end])) {
                    end++;
                }
                add(T_IDENT);
                return end;
            }
        }
        int end = i;
        while (end < n && isIdentPart(b[end])) {
            end++;
        }
        add(keyword(i, end - i));
        return end;
    }

    private byte keyword(int start, int len) {
        return switch (len) {
            case 2 -> is(start, "fn") ? T_FN : T_IDENT;
            case 4 -> is(start, "impl") ? T_IMPL : is(start, "auto") ? T_AUTO : T_IDENT;
            case 5 -> is(start, "trait") ? T_TRAIT : T_IDENT;
            case 6 -> is(start, "unsafe") ? T_UNSAFE : is(start, "extern") ? T_EXTERN : T_IDENT;
            default -> T_IDENT;
        };
    }

    private boolean is(int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || (c & 0x80) != 0;
    }

    private static boolean isIdentPart(byte c) {
        return isIdentStart(c) || c >= '0' && c <= '9';
    }

    private static int utf8Length(byte lead) {
        int u = lead & 0xff;
        if (u < 0x80) {
            return 1;
        }
        if (u >= 0xf0) {
            return 4;
        }
        if (u >= 0xe0) {
            return 3;
        }
        return u >= 0xc0 ? 2 : 1;
    }

    // ---- unsafe regions over the token stream ----

    private RustUnsafe findUnsafe() {
        long blocks = 0, fns = 0, fnPointerTypes = 0, impls = 0, traits = 0;
        boolean[] inside = null;
        for (int t = 0; t < tokens; t++) {
            if (tokType[t] != T_UNSAFE || t + 1 >= tokens) {
                continue;
            }
            int next = t + 1;
            int end;
            switch (tokType[next]) {
                case T_LBRACE -> {
                    blocks++;
                    end = matchingBrace(next);
                }
                case T_FN -> {
                    if (isFnPointerType(next)) {
                        fnPointerTypes++;
                        continue;
                    }
                    fns++;
                    end = itemEnd(next);
                }
                case T_IMPL -> {
                    impls++;
                    end = itemEnd(next);
                }
                case T_TRAIT -> {
                    traits++;
                    end = itemEnd(next);
                }
                case T_AUTO -> {
                    if (next + 1 < tokens && tokType[next + 1] == T_TRAIT) {
                        traits++;
                        end = itemEnd(next);
                    } else {
                        continue;
                    }
                }
                case T_EXTERN -> {
                    int k = next + 1;
                    if (k < tokens && tokType[k] == T_STRING) {
                        k++;
                    }
                    if (k < tokens && tokType[k] == T_FN && isFnPointerType(k)) {
                        fnPointerTypes++;
                        continue;
                    } else if (k < tokens && tokType[k] == T_FN) {
                        fns++;
                        end = itemEnd(k);
                    } else if (k < tokens && tokType[k] == T_LBRACE) {
                        // Rust 2024 "unsafe extern" block of foreign declarations: counted with the blocks
                        blocks++;
                        end = matchingBrace(k);
                    } else {
                        continue;
                    }
                }
                default -> {
                    continue; // e.g. #[unsafe(no_mangle)] or a macro fragment
                }
            }
            if (inside == null) {
                inside = new boolean[line + 1];
            }
            int last = end < tokens ? tokLine[end] : line;
            for (int l = tokLine[t]; l <= last && l < inside.length; l++) {
                inside[l] = true;
            }
        }
        long lines = 0;
        if (inside != null) {
            for (int l = 0; l < inside.length && l < kinds.lineCount(); l++) {
                if (inside[l] && kinds.kind(l) == LineKinds.CODE) {
                    lines++;
                }
            }
        }
        return new RustUnsafe(blocks, fns, fnPointerTypes, impls, traits, lines);
    }

    /**
     * Whether the {@code fn} at {@code fn} starts a function-pointer type ({@code fn(i32) -> i32}) rather than an
     * item: an item's {@code fn} is followed by its name, a type's directly by the parameter list.
     */
    private boolean isFnPointerType(int fn) {
        return fn + 1 < tokens && tokType[fn + 1] == T_LPAREN;
    }

    /** Index of the brace closing the one at {@code open}, or {@code tokens} if the file ends first. */
    private int matchingBrace(int open) {
        int depth = 0;
        for (int t = open; t < tokens; t++) {
            if (tokType[t] == T_LBRACE) {
                depth++;
            } else if (tokType[t] == T_RBRACE) {
                depth--;
                if (depth == 0) {
                    return t;
                }
            }
        }
        return tokens;
    }

    /**
     * End of a fn/impl/trait item: the brace closing its body, or the {@code ;} ending a declaration without one.
     * Parentheses and brackets are skipped so that {@code [u8; 4]} in a signature does not end it.
     */
    private int itemEnd(int from) {
        int nesting = 0;
        for (int t = from; t < tokens; t++) {
            switch (tokType[t]) {
                case T_LPAREN, T_LBRACK -> nesting++;
                case T_RPAREN, T_RBRACK -> nesting = Math.max(0, nesting - 1);
                case T_SEMI -> {
                    if (nesting == 0) {
                        return t;
                    }
                }
                case T_LBRACE -> {
                    if (nesting == 0) {
                        return matchingBrace(t);
                    }
                }
                default -> {
                }
            }
        }
        return tokens;
    }
}
