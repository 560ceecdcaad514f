package io.memsafe.census.lang;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderClassifierTest {

    private static String classify(String text) {
        return HeaderClassifier.classify(text.getBytes(StandardCharsets.ISO_8859_1)).name();
    }

    @Test
    void decidesByConstructsOnlyOneLanguageHas() {
        assertThat(classify("#ifndef A_H\n#define A_H\nint f(void);\n#endif\n")).isEqualTo("C");
        assertThat(classify("// std::vector in a comment still says C++\nint f(void);\n")).isEqualTo("C++");
        assertThat(classify("#include <vector>\nint f();\n")).isEqualTo("C++");
        assertThat(classify("  #  include <stdio.h>\n")).isEqualTo("C");
        assertThat(classify("class Foo {\npublic:\n  int x;\n};\n")).isEqualTo("C++");
        assertThat(classify("struct s; /* the class of it */\n")).isEqualTo("C");
        assertThat(classify("void *p = nullptr;\n")).isEqualTo("C++");
        assertThat(classify("int nullptrs;\nint my_decltype;\n")).isEqualTo("C");
        assertThat(classify("@interface Foo : NSObject\n@end\n")).isEqualTo("Objective-C");
        assertThat(classify("#import \"Foo.h\"\n")).isEqualTo("Objective-C");
        assertThat(classify("/** @param x the value */\nint f(int x);\n")).isEqualTo("C");
    }

    /** The fast path must give the answer of the single regular expression on any text. */
    @Test
    void fastCppCheckAgreesWithTheRegularExpression() {
        String[] pieces = {"std::", "std::x", "xstd::y", "_std::z", "\u00e9std::a", " std:: ", "nullptr", "nullptr_t", "a_nullptr",
                "static_assert(", "decltype", "noexcept", "#include <vector>", "#  include <map>", "# include<string>",
                "#include <stdio.h>", "template <", "template<T>", " try {", "try", "constexpr", "\tcatch (", "catch(",
                "class Foo", "class", "namespace x", "using namespace std", "using\tnamespace a", "public:", "private :",
                "protected:", "  public:", "\n", "\n\n", " ", "\t", "x", "/* ", " */", "// ", "int", ";", "<", "(", "é"};
        Random rnd = new Random(3);
        int cpp = 0;
        for (int round = 0; round < 20000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
                if (rnd.nextInt(3) == 0) {
                    sb.append(rnd.nextBoolean() ? "\n" : " ");
                }
            }
            String text = sb.toString();
            boolean expected = HeaderClassifier.CPP.matcher(text).find();
            assertThat(HeaderClassifier.isCpp(text)).as("%s", text).isEqualTo(expected);
            cpp += expected ? 1 : 0;
        }
        assertThat(cpp).isBetween(2000, 18000); // both answers were exercised
    }
}
