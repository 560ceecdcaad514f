package io.memsafe.census;

import io.memsafe.census.lang.BlobCounts;
import io.memsafe.census.lang.FileCounter;
import io.memsafe.census.lang.HeaderClassifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineScannerTest {

    private static BlobCounts count(String path, String src) {
        return FileCounter.count(path, src.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void blankLinesInsideBlockCommentsAreBlankLikeCloc() {
        BlobCounts c = count("a.c", "/*\n\n  text\n*/\nint x;\n");
        assertThat(new long[]{c.code(), c.comment(), c.blank()}).containsExactly(1, 3, 1);
    }

    @Test
    void apostropheInPreprocessorErrorDoesNotOpenAString() {
        BlobCounts c = count("a.c", "#error don't do this\n// comment\nint y;\n");
        assertThat(new long[]{c.code(), c.comment(), c.blank()}).containsExactly(2, 1, 0);
    }

    @Test
    void cppDigitSeparatorIsNotACharLiteral() {
        BlobCounts c = count("a.cpp", "int n = 1'000'000;\n// comment\n");
        assertThat(new long[]{c.code(), c.comment()}).containsExactly(1, 1);
    }

    @Test
    void lastLineWithoutNewlineCounts() {
        BlobCounts c = count("a.go", "package main\n\nfunc main() {}");
        assertThat(new long[]{c.code(), c.comment(), c.blank()}).containsExactly(2, 0, 1);
    }

    @Test
    void shellHashIsACommentAnywhereLikeCloc() {
        BlobCounts c = count("x.sh", "#!/bin/sh\necho hi # greet\n  # indented comment\n");
        assertThat(new long[]{c.code(), c.comment()}).containsExactly(1, 2);
    }

    @Test
    void extensionlessScriptsByShebang() {
        assertThat(count("bin/tool", "#!/usr/bin/env python3\nprint(1)\n").language()).isEqualTo("Python");
        assertThat(FileCounter.count("LICENSE", "MIT\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void headerClassification() {
        assertThat(HeaderClassifier.classify("template <typename T> T f(T);\n".getBytes()).name()).isEqualTo("C++");
        assertThat(HeaderClassifier.classify("  std::string name();\n".getBytes()).name()).isEqualTo("C++");
        assertThat(HeaderClassifier.classify("struct s { int a; };\n".getBytes()).name()).isEqualTo("C");
        assertThat(HeaderClassifier.classify("@protocol P\n@end\n".getBytes()).name()).isEqualTo("Objective-C");
    }

    @Test
    void binaryContentIsNotCounted() {
        assertThat(FileCounter.count("x.c", new byte[]{'i', 'n', 't', 0, 1})).isEmpty();
    }
}
