package io.memsafe.census;

import io.memsafe.census.lang.RustUnsafe;
import io.memsafe.census.model.Census;
import io.memsafe.census.model.LanguageCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Census of a fixture tree whose counts were worked out by hand (and, where cloc is right, checked against cloc). */
class CensusFixturesTest {

    static Census census;

    @BeforeAll
    static void count() throws Exception {
        Path dir = Path.of(CensusFixturesTest.class.getResource("/census/fixtures").toURI());
        census = CensusEngine.countDirectory(dir, CensusEngine.Options.defaults());
    }

    private static void assertCounts(String lang, long files, long code, long comment, long blank) {
        LanguageCount c = census.languages().get(lang);
        assertThat(c).as(lang).isNotNull();
        assertThat(new long[]{c.files, c.code, c.comment, c.blank}).as(lang + " files/code/comment/blank")
                .containsExactly(files, code, comment, blank);
    }

    @Test
    void cCountsCommentMarkersInStringsAsCode() {
        // hello.c: 7 code, 4 comment, 2 blank; util.h (a C header): 4 code, 1 comment, 2 blank. blob.c is binary.
        assertCounts("C", 2, 11, 5, 4);
    }

    @Test
    void headersAreAttributedByTheirContents() {
        assertCounts("C++", 1, 8, 1, 1);          // shapes.h: namespace, class, <vector>
        assertCounts("Objective-C", 1, 3, 1, 1);  // View.h: #import and @interface
    }

    @Test
    void pythonDocstringsAreComments() {
        assertCounts("Python", 1, 4, 3, 1);
    }

    @Test
    void rustNestedCommentsAndLiterals() {
        // cloc (no nested comments) says 21 code / 1 comment; the nested comment on line 2 is all comment.
        assertCounts("Rust", 1, 20, 2, 5);
    }

    @Test
    void rustUnsafeIgnoresStringsAndComments() {
        assertThat(census.rustUnsafe()).isEqualTo(new RustUnsafe(1, 1, 0, 1, 1, 9));
        assertThat(census.rustUnsafeShare()).isCloseTo(9.0 / 20, within(1e-9));
    }

    @Test
    void unknownAndBinaryFilesAreNotCounted() {
        assertThat(census.languages().keySet()).containsExactlyInAnyOrder("C", "C++", "Objective-C", "Python", "Rust");
        assertThat(census.problems()).isEmpty();
    }

    @Test
    void memoryUnsafeShareIsOverUnsafePlusSafeCode() {
        assertThat(census.memoryUnsafeShare()).isCloseTo(22.0 / 46, within(1e-9));
    }

    @Test
    void byDirectoryBreakdown() throws Exception {
        Path dir = Path.of(CensusFixturesTest.class.getResource("/census").toURI());
        Census byDir = CensusEngine.countDirectory(dir, CensusEngine.Options.defaults().withDepth(1));
        assertThat(byDir.directories()).containsOnlyKeys("fixtures");
        assertThat(byDir.directories().get("fixtures").get("Rust").code).isEqualTo(20);
    }
}
