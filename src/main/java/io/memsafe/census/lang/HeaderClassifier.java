package io.memsafe.census.lang;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Decides whether a {@code .h} file is C, C++ or Objective-C from its contents.
 *
 * <p>cloc reports all headers as "C/C++ Header"; linguist looks for constructs that only exist in one of the
 * languages. This follows linguist's idea: Objective-C directives win, then any C++-only construct
 * (templates, namespaces, classes with access specifiers, {@code std::}, C++ standard headers, C++11
 * keywords), otherwise the header is C. Only the first 64 KiB are examined, which is plenty for the
 * includes and declarations that decide it.
 */
public final class HeaderClassifier {

    private static final int SCAN_LIMIT = 64 * 1024;

    private static final Pattern OBJECTIVE_C = Pattern.compile(
            "^\\s*(?:@(?:interface|class|protocol|property|end|synchronized|selector|implementation)\\b|#import\\s+.+\\.h[\">])",
            Pattern.MULTILINE);

    private static final Pattern CPP = Pattern.compile(
            "^\\s*#\\s*include\\s*<(?:cstdint|cstddef|cstdlib|cstdio|cstring|string|vector|map|set|list|array|bitset|queue|stack|deque"
                    + "|forward_list|unordered_map|unordered_set|memory|utility|algorithm|functional|atomic|mutex|thread|chrono"
                    + "|type_traits|limits|tuple|optional|variant|(?:i|o|io|s|f)stream)>"
                    + "|^\\s*template\\s*<"
                    + "|^[ \\t]*(?:try|constexpr)\\b"
                    + "|^[ \\t]*catch\\s*\\("
                    + "|^[ \\t]*(?:class|(?:using[ \\t]+)?namespace)\\s+\\w+"
                    + "|^[ \\t]*(?:private|public|protected):"
                    + "|\\bstd::\\w+"
                    + "|\\b(?:nullptr|static_assert|decltype|noexcept)\\b",
            Pattern.MULTILINE);

    private static final String[] OBJECTIVE_C_DIRECTIVES =
            {"interface", "class", "protocol", "property", "end", "synchronized", "selector", "implementation"};

    private HeaderClassifier() {
    }

    /**
     * A quick necessary condition for {@link #OBJECTIVE_C}: the text holds {@code #import} or an {@code @} directly
     * followed by one of the directives. Most headers have neither, and then the regular expression, which tries
     * every position of up to 64 KiB, need not run at all. (Same answers, found much faster.)
     */
    static boolean mayBeObjectiveC(String text) {
        if (text.contains("#import")) {
            return true;
        }
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            for (String d : OBJECTIVE_C_DIRECTIVES) {
                if (text.startsWith(d, at + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static Language classify(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, SCAN_LIMIT), StandardCharsets.ISO_8859_1);
        String name;
        if (mayBeObjectiveC(text) && OBJECTIVE_C.matcher(text).find()) {
            name = "Objective-C";
        } else if (CPP.matcher(text).find()) {
            name = "C++";
        } else {
            name = "C";
        }
        return LanguageTable.byName(name).orElseThrow();
    }
}
