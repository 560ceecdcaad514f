package io.memsafe.census;

import io.memsafe.census.lang.LineKinds;
import io.memsafe.census.lang.RustLexer;
import io.memsafe.census.lang.RustUnsafe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RustLexerTest {

    private static RustLexer.Result lex(String src) {
        return RustLexer.lex(src.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsafeInsideStringsAndCommentsIsNotAKeyword() {
        var r = lex("""
                // unsafe { }
                /* unsafe fn x() {} /* unsafe impl */ unsafe trait */
                let a = "unsafe { }";
                let b = r##"unsafe "# { "##;
                let c = b"unsafe {";
                let r#unsafe = 1;
                """);
        assertThat(r.unsafe()).isEqualTo(RustUnsafe.NONE);
        assertThat(r.kinds().count(LineKinds.COMMENT)).isEqualTo(2);
        assertThat(r.kinds().count(LineKinds.CODE)).isEqualTo(4);
    }

    @Test
    void charLiteralsVersusLifetimes() {
        // if '{' were taken for a lifetime, the brace would unbalance the unsafe block and swallow the rest
        var r = lex("""
                fn f<'a>(x: &'a str) -> char {
                    let v = unsafe { '}' };
                    let w = '\\'';
                    let u = 'é';
                    v
                }
                fn g() {}
                """);
        assertThat(r.unsafe()).isEqualTo(new RustUnsafe(1, 0, 0, 0, 0, 1));
    }

    @Test
    void multiLineRegionsCountCodeLinesOnly() {
        var r = lex("""
                pub unsafe extern "C" fn cb(p: *mut u8, n: [u8; 4]) {

                    // comment inside
                    *p = 1;
                    unsafe { *p = 2; }
                }
                #[unsafe(no_mangle)]
                pub extern "C" fn exported() {}
                unsafe extern "C" {
                    fn strlen(p: *const u8) -> usize;
                }
                unsafe auto trait Auto {}
                """);
        // fn cb: lines 1,4,5,6 are code (blank and comment lines inside are not), nested block counted but lines once;
        // the unsafe extern block (lines 9-11) counts as a block; the attribute does not count.
        assertThat(r.unsafe()).isEqualTo(new RustUnsafe(2, 1, 0, 0, 1, 4 + 3 + 1));
    }

    @Test
    void declarationWithoutBodyEndsAtSemicolon() {
        var r = lex("""
                trait T {
                    unsafe fn raw(&self) -> [u8; 2];
                    fn safe(&self);
                }
                """);
        assertThat(r.unsafe()).isEqualTo(new RustUnsafe(0, 1, 0, 0, 0, 1));
    }

    @Test
    void fnPointerTypesAreNotFunctions() throws Exception {
        // ffi.rs: 4 unsafe fn items (rsvg_free, raw_len, the trait item borrow, the method call_read) and
        // 6 unsafe fn-pointer types (in a type alias, two fields, a parameter, a trait item's parameter, a Vec).
        byte[] src = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                RustLexerTest.class.getResource("/census-rust-fn-pointers/ffi.rs").toURI()));
        var r = RustLexer.lex(src);
        // unsafe lines: rsvg_free 12-14 (3), raw_len 16-22 (7), borrow 25 (1), call_read 30-32 (3); the struct
        // fields, the alias and register() are not inside any unsafe region
        assertThat(r.unsafe()).isEqualTo(new RustUnsafe(0, 4, 6, 0, 0, 3 + 7 + 1 + 3));
    }

    @Test
    void unterminatedInputDoesNotCrash() {
        var r = lex("unsafe { let s = \"open string\n/* open comment");
        assertThat(r.unsafe().blocks()).isEqualTo(1);
        assertThat(r.kinds().lineCount()).isEqualTo(2);
    }
}
