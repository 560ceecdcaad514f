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

    /**
     * The C++-only constructs, one regular expression each; a header is C++ if any of them occurs. {@link #CPP} is
     * their alternation, the definition; {@link #isCpp} finds the same answer much faster.
     */
    private static final String[] CPP_ALTERNATIVES = {
            "^\\s*#\\s*include\\s*<(?:cstdint|cstddef|cstdlib|cstdio|cstring|string|vector|map|set|list|array|bitset|queue|stack|deque"
                    + "|forward_list|unordered_map|unordered_set|memory|utility|algorithm|functional|atomic|mutex|thread|chrono"
                    + "|type_traits|limits|tuple|optional|variant|(?:i|o|io|s|f)stream)>",
            "^\\s*template\\s*<",
            "^[ \\t]*(?:try|constexpr)\\b",
            "^[ \\t]*catch\\s*\\(",
            "^[ \\t]*(?:class|(?:using[ \\t]+)?namespace)\\s+\\w+",
            "^[ \\t]*(?:private|public|protected):",
    };

    /** For each of {@link #CPP_ALTERNATIVES}: words one of which any match contains. */
    private static final String[][] CPP_WORDS = {
            {"include"}, {"template"}, {"try", "constexpr"}, {"catch"}, {"class", "namespace"}, {"private", "public", "protected"},
    };

    /** Constructs found anywhere, each starting with one of its words (the text's own position is where to try). */
    private static final String STD = "\\bstd::\\w+";
    private static final String KEYWORDS = "\\b(?:nullptr|static_assert|decltype|noexcept)\\b";
    private static final String[] KEYWORD_WORDS = {"nullptr", "static_assert", "decltype", "noexcept"};

    static final Pattern CPP = Pattern.compile(String.join("|", CPP_ALTERNATIVES) + "|" + STD + "|" + KEYWORDS, Pattern.MULTILINE);

    private static final Pattern[] CPP_EACH = java.util.Arrays.stream(CPP_ALTERNATIVES)
            .map(a -> Pattern.compile(a, Pattern.MULTILINE)).toArray(Pattern[]::new);
    private static final Pattern STD_PATTERN = Pattern.compile(STD);
    private static final Pattern KEYWORDS_PATTERN = Pattern.compile(KEYWORDS);

    /**
     * Same answer as {@code CPP.matcher(text).find()}: an alternation matches somewhere if and only if one of its
     * alternatives does. The unanchored ones are tried only where their word occurs, the line-anchored ones only
     * if their word occurs at all; the single alternation tried all of them at every position of up to 64 KiB.
     */
    static boolean isCpp(String text) {
        if (matchesAtWord(STD_PATTERN, text, "std::")) {
            return true;
        }
        for (String w : KEYWORD_WORDS) {
            if (matchesAtWord(KEYWORDS_PATTERN, text, w)) {
                return true;
            }
        }
        for (int k = 0; k < CPP_EACH.length; k++) {
            for (String w : CPP_WORDS[k]) {
                if (text.contains(w)) {
                    if (CPP_EACH[k].matcher(text).find()) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** Whether {@code p} matches starting at an occurrence of {@code word} (with the text around visible to \\b). */
    private static boolean matchesAtWord(Pattern p, String text, String word) {
        int at = text.indexOf(word);
        if (at < 0) {
            return false;
        }
        java.util.regex.Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (; at >= 0; at = text.indexOf(word, at + 1)) {
            m.region(at, text.length());
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

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
        } else if (isCpp(text)) {
            name = "C++";
        } else {
            name = "C";
        }
        return LanguageTable.byName(name).orElseThrow();
    }
}
