package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Value;

import java.util.List;
import java.util.function.Function;

/** The length (in bytes, terminator excluded) that a printf format produces from its arguments. */
final class FormatLength {
    private FormatLength() { }

    static Interval of(String fmt, List<Value> args, int firstArg, Function<Value, ModelInterpreter.Str> strlen, int elem) {
        Interval total = Interval.ZERO;
        int argi = firstArg;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') { total = total.add(Interval.of(elem)); continue; }
            if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') { total = total.add(Interval.of(elem)); i++; continue; }
            int j = i + 1;
            long width = 0;
            long precision = -1;
            while (j < fmt.length() && "-+ #0".indexOf(fmt.charAt(j)) >= 0) j++;
            if (j < fmt.length() && fmt.charAt(j) == '*') { argi++; j++; width = -1; }
            while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) width = width * 10 + (fmt.charAt(j++) - '0');
            if (j < fmt.length() && fmt.charAt(j) == '.') {
                j++;
                precision = 0;
                if (j < fmt.length() && fmt.charAt(j) == '*') { argi++; j++; precision = -2; }
                while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) precision = precision * 10 + (fmt.charAt(j++) - '0');
            }
            boolean wideArg = false;
            int shorts = 0;
            boolean longArg = false;
            while (j < fmt.length() && "hlLqjzt".indexOf(fmt.charAt(j)) >= 0) {
                char m = fmt.charAt(j++);
                if (m == 'l') wideArg = true;
                if (m == 'h') shorts++;
                else longArg = true;
            }
            // the argument's type as the conversion reads it: an int unless a length modifier says otherwise
            long argBytes = longArg ? 8 : shorts == 0 ? 4 : shorts == 1 ? 2 : 1;
            if (j >= fmt.length()) return null;
            char conv = fmt.charAt(j);
            Interval piece;
            Value a = argi < args.size() ? args.get(argi) : Value.UNKNOWN;
            argi++;
            switch (conv) {
                case 's', 'S' -> {
                    ModelInterpreter.Str s = strlen.apply(a);
                    if (s == null) return null;
                    // the argument's length in characters, written as elem-byte units of the output
                    int argElem = (conv == 'S' || wideArg || elem == 4) ? 4 : 1;
                    Interval chars = s.forCheck().div(Interval.of(argElem));
                    if (precision >= 0) chars = Interval.of(Math.min(chars.lo(), precision), Math.min(chars.hi(), precision));
                    piece = chars.mul(Interval.of(elem));
                }
                case 'd', 'i' -> piece = digits(a, true, argBytes);
                case 'u' -> piece = digits(a, false, argBytes);
                case 'x', 'X', 'o' -> piece = Interval.of(1, 16);
                case 'c', 'C' -> piece = Interval.of(1);
                case 'p' -> piece = Interval.of(3, 18);
                case 'e', 'E', 'g', 'G' -> piece = exponentForm(conv, precision, fmt.substring(i, j).indexOf('L') >= 0);
                // the analysis does not follow floating values: an unknown one prints as 1.0 would (GCC's
                // -Wformat-overflow=1 assumes the same of unknown numbers), so that a double of unknown
                // magnitude is no evidence of a 317-digit output
                case 'f', 'F' -> piece = Interval.of(precision == -2 ? 1 : 1 + (precision < 0 ? 7 : precision > 0 ? precision + 1 : 0));
                case 'a', 'A' -> piece = Interval.of(1, 317);
                case 'n' -> piece = Interval.ZERO;
                default -> { return null; }
            }
            if (conv != 's' && conv != 'S' && conv != 'c' && conv != 'C') piece = piece.mul(Interval.of(elem));
            if (width > 0) piece = Interval.of(Math.max(piece.lo(), width * elem), Math.max(piece.hi(), width * elem));
            total = total.add(piece);
            i = j;
        }
        return total;
    }

    /**
     * The longest a double printed in exponent form can be ({@code %e}: sign, a digit, the point, the
     * precision's digits, {@code e+308}), or by {@code %g}, which prints as many significant digits as
     * the precision at most, in that form or in a fixed one no longer (its leading zeros stop at four).
     * A long double's exponent has a digit more. The precision: -1 not given (6), -2 an argument.
     */
    private static Interval exponentForm(char conv, long precision, boolean longDouble) {
        if (precision == -2) return Interval.of(1, 317);
        long p = precision == -1 ? 6 : precision;
        if (conv == 'g' || conv == 'G') p = Math.max(p, 1) - 1;
        return Interval.of(1, p + 8 + (longDouble ? 1 : 0));
    }

    /** Does a narrow format convert a wide character or string ({@code %ls}, {@code %lc}, {@code %S}, {@code %C})? */
    static boolean convertsWide(String fmt) {
        return java.util.regex.Pattern.compile("%[-+ #0*.\\d]*(l[sc]|[SC])").matcher(fmt).find();
    }

    /**
     * The arguments a format reads as NUL-terminated strings: each {@code %s} (or {@code %ls},
     * {@code %S}) without a precision, as {argument index, bytes per character}. Stops at the first
     * conversion it does not know (what follows cannot be matched with arguments).
     */
    static List<int[]> strings(String fmt, int firstArg, int elem) {
        List<int[]> out = new java.util.ArrayList<>();
        int argi = firstArg;
        for (int i = 0; i < fmt.length(); i++) {
            if (fmt.charAt(i) != '%') continue;
            if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') { i++; continue; }
            int j = i + 1;
            boolean precision = false, wideArg = false;
            while (j < fmt.length() && "-+ #0".indexOf(fmt.charAt(j)) >= 0) j++;
            if (j < fmt.length() && fmt.charAt(j) == '*') { argi++; j++; }
            while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) j++;
            if (j < fmt.length() && fmt.charAt(j) == '.') {
                precision = true;
                j++;
                if (j < fmt.length() && fmt.charAt(j) == '*') { argi++; j++; }
                while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) j++;
            }
            while (j < fmt.length() && "hlLqjzt".indexOf(fmt.charAt(j)) >= 0) { if (fmt.charAt(j) == 'l') wideArg = true; j++; }
            if (j >= fmt.length() || "sScCdiuxXopfFeEgGaAn".indexOf(fmt.charAt(j)) < 0) break;
            char conv = fmt.charAt(j);
            // in a wide format, a plain %s is a narrow string in C and a wide one in Microsoft's C library:
            // only the spellings every library reads alike are checked
            boolean ambiguous = elem == 4 && conv == 's' && !wideArg;
            if ((conv == 's' || conv == 'S') && !precision && !ambiguous) out.add(new int[] {argi, conv == 'S' || wideArg ? 4 : 1});
            argi++;
            i = j;
        }
        return out;
    }

    /**
     * The decimal digits (and sign) of a {@code %d}/{@code %u} of a value the conversion reads as an
     * integer of {@code bytes} bytes: a value the analysis does not know takes at most as many as
     * that type's extremes ({@code -2147483648}: 11 for an int).
     */
    private static Interval digits(Value v, boolean signed, long bytes) {
        Interval type = Interval.ofType(bytes, signed);
        if (v.unknown || v.num.isBottom()) {
            return Interval.of(1, bytes >= 8 ? 20 : Math.max(len(type.lo()), len(type.hi())));
        }
        // a value outside the type is converted to it by the call (the interval cannot say to what)
        Interval n = bytes >= 8 || v.num.leq(type) ? v.num : type;
        long lo = n.lo(), hi = n.hi();
        int min = Math.min(len(lo), len(hi)), max = Math.max(len(lo), len(hi));
        if (lo <= 0 && hi >= 0) min = 1;
        return Interval.of(min, max);
    }

    private static int len(long x) {
        if (x == Long.MIN_VALUE || x == Long.MAX_VALUE) return 20;
        return Long.toString(x).length();
    }
}
