package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.SourceLoc;

import java.util.HashMap;
import java.util.Map;

/** The region of each string literal of a program, made once: its characters, its terminator, its size. */
final class LiteralRegions {
    private final Map<String, Region> known = new HashMap<>();

    Region of(Expr.StringLit s) {
        Region r = known.get(s.id());
        if (r != null) return r;
        long size = (long) (s.text().length() + 1) * s.elementSize();
        r = new Region("s:" + s.id(), Region.Kind.STRING_LITERAL, Value.of(size),
                "string literal " + (s.elementSize() == 4 ? "L" : "") + "\"" + abbreviate(s.text()) + "\" (" + size + " bytes)", SourceLoc.NONE, "literal");
        r.initial = Contents.ofString(s.text(), s.elementSize());
        known.put(s.id(), r);
        return r;
    }

    private static String abbreviate(String s) {
        // the literal as C would write it: a control character invisible in a message is escaped
        StringBuilder t = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\n' -> t.append("\\n");
                case '\r' -> t.append("\\r");
                case '\t' -> t.append("\\t");
                case '"' -> t.append("\\\"");
                case '\\' -> t.append("\\\\");
                default -> t.append(ch < 0x20 || ch == 0x7f ? String.format("\\x%02x", (int) ch) : String.valueOf(ch));
            }
        }
        return t.length() > 24 ? t.substring(0, 21) + "..." : t.toString();
    }
}
