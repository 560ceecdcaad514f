package io.memsafe.census.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds, lexically, the C/C++ functions of a file that take untrusted input: externally visible definitions (not
 * {@code static}) that either take a buffer with its length (a pointer parameter followed by a size-like one, as
 * in {@code parse(const uint8_t *buf, size_t len)}) or parse bytes (a parser-like name, such as {@code *parse*},
 * {@code *decode*}, {@code *read_header*}, taking a pointer to characters or bytes).
 *
 * <p>Why this is enough here: the plan only needs to show a porter where input enters a component, and those two
 * shapes are how C libraries expose input (the (pointer, length) pair is also how CodeQL's driver models tie a
 * buffer to its size). It resolves nothing: a function that receives input through a struct is not found, and a
 * definition hidden by macros may be missed. The analysis engine (memsafe scan) is not used.
 */
public final class InputFunctionScanner {

    /** One function definition that takes input. */
    public record InputFunction(String name, int line, String why) {
        @Override
        public String toString() {
            return name + ":" + line + " (" + why + ")";
        }
    }

    private static final Pattern PARSER_NAME = Pattern.compile(
            "(?i)parse|decode|deserializ|unmarshal|unpack|read_?header|read_?chunk|load|inflate|_read$|^read");
    private static final Pattern BYTE_POINTER = Pattern.compile(
            "\\b(?:char|u?int8_t|uchar|u_char|byte|Byte|Bytef|guchar|gchar|xmlChar|png_bytep?|OPJ_BYTE|void)\\b[^,]*\\*|\\b\\w*(?:byte|char)p\\b");
    private static final Pattern SIZE_PARAM = Pattern.compile(
            "(?i)\\b(?:size_t|ssize_t|u?int(?:32|64|16)?_t|unsigned|int|long|OPJ_SIZE_T|OPJ_UINT32|png_size_t|curl_off_t)\\b[^*]*"
                    + "\\b(?:n|\\w*(?:len|size|sz|count|cnt|bytes|read)\\w*)\\s*$");
    private static final Pattern LINKAGE_OR_NAMESPACE = Pattern.compile("(?:\\bextern|\\bnamespace(?:\\s+[\\w:]+)?)\\s*$");
    private static final java.util.Set<String> NOT_FUNCTIONS = java.util.Set.of(
            "if", "for", "while", "switch", "return", "sizeof", "defined", "catch", "else");

    private InputFunctionScanner() {
    }

    public static List<InputFunction> scan(byte[] content) {
        String src = blankCommentsStringsAndDirectives(new String(content, StandardCharsets.ISO_8859_1));
        List<InputFunction> out = new ArrayList<>();
        int depth = 0;
        int declStart = 0; // where the current top-level declaration begins (after the last ; or } at depth 0)
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '{') {
                if (depth == 0 && LINKAGE_OR_NAMESPACE.matcher(src.substring(declStart, i)).find()) {
                    declStart = i + 1; // extern "C" { ... } and namespaces hold top-level definitions
                    continue;
                }
                if (depth == 0) {
                    InputFunction f = definition(src, declStart, i);
                    if (f != null) {
                        out.add(f);
                    }
                }
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    declStart = i + 1;
                }
            } else if (c == ';' && depth == 0) {
                declStart = i + 1;
            }
        }
        return out;
    }

    /** The function defined by the header in [from, brace), if it is visible outside its file and takes input. */
    private static InputFunction definition(String src, int from, int brace) {
        String header = src.substring(from, brace).strip();
        int close = header.lastIndexOf(')');
        if (close < 0 || !header.substring(close + 1).strip().matches("(?:const|noexcept|override|final|\\s)*")) {
            return null; // a struct, enum, namespace, initialiser, or K&R parameter declarations
        }
        int open = matchingOpen(header, close);
        if (open <= 0) {
            return null;
        }
        String before = header.substring(0, open).stripTrailing();
        int nameStart = before.length();
        while (nameStart > 0 && (Character.isLetterOrDigit(before.charAt(nameStart - 1)) || before.charAt(nameStart - 1) == '_'
                || before.charAt(nameStart - 1) == ':')) {
            nameStart--;
        }
        String name = before.substring(nameStart);
        String returnPart = before.substring(0, nameStart);
        if (name.isEmpty() || NOT_FUNCTIONS.contains(name) || returnPart.isBlank() || returnPart.contains("=")
                || returnPart.matches("(?s).*\\bstatic\\b.*")) {
            return null; // no return type (a macro call), or file-local
        }
        List<String> params = splitParams(header.substring(open + 1, close));
        int line = lineOf(src, from + src.substring(from, brace).indexOf(name));
        for (int k = 0; k + 1 < params.size(); k++) {
            String p = params.get(k);
            if ((p.contains("*") || BYTE_POINTER.matcher(p).find()) && SIZE_PARAM.matcher(params.get(k + 1)).find()) {
                return new InputFunction(name, line, "buffer and length");
            }
        }
        String simple = name.substring(name.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (PARSER_NAME.matcher(simple).find() && params.stream().anyMatch(p -> BYTE_POINTER.matcher(p).find())) {
            return new InputFunction(name, line, "parses bytes");
        }
        return null;
    }

    private static int matchingOpen(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (s.charAt(i) == ')') {
                depth++;
            } else if (s.charAt(i) == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitParams(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '<' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!s.isBlank()) {
            out.add(s.substring(start).strip());
        }
        return out;
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The source with comments, string and character literals and preprocessor lines replaced by spaces (newlines
     * kept, so line numbers stay right): braces inside them, or an {@code #if} that opens a brace twice, must not
     * count.
     */
    static String blankCommentsStringsAndDirectives(String s) {
        StringBuilder b = new StringBuilder(s);
        int n = s.length();
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (lineStart && c == '#') {
                end = i;
                while (end < n && (s.charAt(end) != '\n' || end > 0 && s.charAt(end - 1) == '\\')) {
                    end++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                if (c == '\n') {
                    lineStart = true;
                } else if (!Character.isWhitespace(c)) {
                    lineStart = false;
                }
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (b.charAt(k) != '\n') {
                    b.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return b.toString();
    }
}
