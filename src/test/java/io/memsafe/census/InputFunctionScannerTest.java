package io.memsafe.census;

import io.memsafe.census.plan.InputFunctionScanner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class InputFunctionScannerTest {

    private static java.util.List<String> scan(String src) {
        return InputFunctionScanner.scan(src.getBytes(StandardCharsets.UTF_8)).stream().map(Object::toString).toList();
    }

    @Test
    void externallyVisibleBufferAndLengthOrByteParsers() {
        assertThat(scan("""
                #include <stddef.h>
                /* int fake(char *p, size_t len) { */
                int Curl_input(struct conn *c, const char *buf,
                               size_t nread)
                {
                  if (x) { return 1; }
                  return 0;
                }
                static int local(const char *buf, size_t len) { return 0; }
                CURLcode Curl_parse_header(const unsigned char *line)
                {
                  const char *s = "{ not a brace";
                  return 0;
                }
                void *curl_dbg_strdup(const char *str, int line, const char *source) { return 0; }
                int plain(int a, int b) { return a + b; }
                struct table { int len; };
                int n_items = 3;
                """)).containsExactly(
                "Curl_input:3 (buffer and length)",
                "Curl_parse_header:10 (parses bytes)");
    }

    @Test
    void definitionsInsideExternCAndNamespacesAreFound() {
        assertThat(scan("""
                extern "C" {
                size_t png_read_chunk(png_structp p, png_bytep data, size_t length) { return 0; }
                }
                namespace img::io {
                bool decode(const uint8_t *data, size_t size) { return true; }
                }
                """)).containsExactly("png_read_chunk:2 (buffer and length)", "decode:5 (buffer and length)");
    }

    @Test
    void malformedInputDoesNotThrow() {
        assertThat(scan("int f(char *p, size_t n { ) } } {{ \" '")).isNotNull();
        assertThat(scan("")).isEmpty();
    }
}
