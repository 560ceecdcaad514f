package io.memsafe.census;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LinguistFilterTest {

    @Test
    void pathConventions() {
        LinguistFilter f = new LinguistFilter();
        assertThat(f.excludes("vendor/lib.c")).isTrue();
        assertThat(f.excludes("src/third_party/zlib/inflate.c")).isTrue();
        assertThat(f.excludes("proto/msg.pb.go")).isTrue();
        assertThat(f.excludes("src/main.c")).isFalse();
        assertThat(f.excludes("src/vendored.c")).isFalse();
    }

    @Test
    void gitattributesOverrideBothWays() {
        LinguistFilter f = new LinguistFilter();
        f.addAttributesFile(".gitattributes", """
                generated/** linguist-generated
                vendor/ours/** -linguist-vendored
                *.inc linguist-vendored=true
                """.getBytes(StandardCharsets.UTF_8));
        f.addAttributesFile("lib/.gitattributes", "keep.c linguist-vendored\n".getBytes(StandardCharsets.UTF_8));
        assertThat(f.excludes("generated/parser.c")).isTrue();
        assertThat(f.excludes("vendor/ours/x.c")).isFalse();
        assertThat(f.excludes("vendor/theirs/x.c")).isTrue();
        assertThat(f.excludes("a/b/table.inc")).isTrue();
        assertThat(f.excludes("lib/keep.c")).isTrue();
        assertThat(f.excludes("keep.c")).isFalse();
    }
}
