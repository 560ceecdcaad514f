package io.memsafe.frontend;

import java.util.ArrayList;
import java.util.List;

/** Decodes C string and character literal tokens (escapes, prefixes, adjacent concatenation). */
final class StringLiterals {
    private StringLiterals() { }

    /** wide: an L"..." literal, whose elements are wchar_t. */
    record Decoded(String text, int elementSize, boolean wide) { }

    /** A token as CDT gives it: one or more quoted pieces, each optionally prefixed (L, u8, u, U); L is wchar_t of {@code wcharSize} bytes. */
    static Decoded parse(String token, int wcharSize) {
        StringBuilder out = new StringBuilder();
        int elementSize = 1;
        boolean wide = false;
        int i = 0;
        while (i < token.length()) {
            int q = token.indexOf('"', i);
            if (q < 0) break;
            String prefix = token.substring(i, q).trim();
            if (prefix.endsWith("L")) { elementSize = Math.max(elementSize, wcharSize); wide = true; }
            else if (prefix.endsWith("U")) elementSize = 4;
            else if (prefix.endsWith("u")) elementSize = Math.max(elementSize, 2);
            int end = q + 1;
            while (end < token.length() && token.charAt(end) != '"') end += token.charAt(end) == '\\' ? 2 : 1;
            for (int cp : decode(token.substring(q + 1, Math.min(end, token.length())))) out.appendCodePoint(cp);
            i = end + 1;
        }
        return new Decoded(out.toString(), elementSize, wide);
    }

    static List<Integer> decode(String body) {
        List<Integer> cps = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                cps.add((int) c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> cps.add(10);
                case 't' -> cps.add(9);
                case 'r' -> cps.add(13);
                case 'a' -> cps.add(7);
                case 'b' -> cps.add(8);
                case 'f' -> cps.add(12);
                case 'v' -> cps.add(11);
                case 'e' -> cps.add(27);
                case 'x' -> {
                    int j = i + 1, v = 0;
                    while (j < body.length() && Character.digit(body.charAt(j), 16) >= 0) v = v * 16 + Character.digit(body.charAt(j++), 16);
                    cps.add(v);
                    i = j - 1;
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8, j = i + 1, v = 0;
                    while (j < body.length() && j <= i + n && Character.digit(body.charAt(j), 16) >= 0) v = v * 16 + Character.digit(body.charAt(j++), 16);
                    cps.add(v);
                    i = j - 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int j = i, v = 0;
                        while (j < body.length() && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') v = v * 8 + (body.charAt(j++) - '0');
                        cps.add(v);
                        i = j - 1;
                    } else {
                        cps.add((int) e);
                    }
                }
            }
        }
        return cps;
    }
}
