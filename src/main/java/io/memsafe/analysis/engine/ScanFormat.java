package io.memsafe.analysis.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversions of a scanf format that store through a pointer argument, in argument order: what
 * each one writes. {@code %s} and {@code %[...]} write as many characters as the input's field holds
 * and a terminator, unless a width bounds them ({@code %15s}: 16 elements); {@code %c} writes its
 * width's characters (1 without one) and no terminator; the numeric conversions write their type,
 * chosen by the length modifier (LP64: {@code l} is 8 bytes). Assignment-suppressed conversions
 * ({@code %*d}) take no argument.
 */
final class ScanFormat {
    private ScanFormat() { }

    /**
     * One conversion: {@code string} for %s/%[ (elements of {@code unit} bytes, {@code width} or -1);
     * otherwise {@code bytes} written (0 when unknown).
     */
    record Conversion(char letter, boolean string, int width, int unit, long bytes, boolean floating) { }

    /** The conversions in argument order; null when the format has a conversion this does not know. */
    static List<Conversion> parse(String fmt, int elem) {
        List<Conversion> out = new ArrayList<>();
        for (int i = 0; i < fmt.length(); i++) {
            if (fmt.charAt(i) != '%') continue;
            i++;
            if (i >= fmt.length()) return null;
            if (fmt.charAt(i) == '%') continue;
            boolean suppressed = fmt.charAt(i) == '*';
            if (suppressed) i++;
            int width = -1;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width = (width < 0 ? 0 : width * 10) + (fmt.charAt(i) - '0');
                if (width > 1_000_000) return null;
                i++;
            }
            String mod = "";
            while (i < fmt.length() && "hlLqjzt".indexOf(fmt.charAt(i)) >= 0) mod += fmt.charAt(i++);
            if (i >= fmt.length()) return null;
            char c = fmt.charAt(i);
            if (c == '[') {
                // the set ends at the first ']' after the opening one (or after "^"): "[]abc]" holds ']'
                int j = i + 1;
                if (j < fmt.length() && fmt.charAt(j) == '^') j++;
                if (j < fmt.length() && fmt.charAt(j) == ']') j++;
                while (j < fmt.length() && fmt.charAt(j) != ']') j++;
                if (j >= fmt.length()) return null;
                i = j;
            }
            if (suppressed) continue;
            int unit = mod.equals("l") || elem == 4 ? 4 : 1;
            Conversion conv = switch (c) {
                case 's', '[' -> new Conversion(c, true, width, unit, 0, false);
                case 'c' -> new Conversion(c, false, width, unit, (long) Math.max(1, width) * unit, false);
                case 'd', 'i', 'u', 'o', 'x', 'X', 'n' -> new Conversion(c, false, -1, 1, integerBytes(mod), false);
                case 'f', 'e', 'g', 'a', 'E', 'G', 'A', 'F' -> new Conversion(c, false, -1, 1, mod.equals("l") ? 8 : mod.equals("L") ? 16 : 4, true);
                case 'p' -> new Conversion(c, false, -1, 1, 8, false);
                default -> null;
            };
            if (conv == null) return null;
            out.add(conv);
        }
        return out;
    }

    private static long integerBytes(String mod) {
        return switch (mod) {
            case "hh" -> 1;
            case "h" -> 2;
            case "l", "ll", "q", "j", "z", "t" -> 8;
            default -> 4;
        };
    }
}
