package io.memsafe.census;

import io.memsafe.census.model.Census;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Linguist-style exclusion judged by the .gitattributes of the commit being counted. */
class ExcludeVendoredTest {

    @TempDir
    Path tmp;

    @Test
    void commitAttributesAndPathConventions() throws Exception {
        try (GitFixture git = new GitFixture(tmp.resolve("v.git"))) {
            ObjectId withAttributes = git.commit(Map.of(
                    "src/main.c", GitFixture.cLines("m", 5),
                    "src/parser.c", GitFixture.cLines("p", 7),
                    "vendor/ours.c", GitFixture.cLines("o", 3),
                    "third_party/zlib.c", GitFixture.cLines("z", 11),
                    ".gitattributes", "src/parser.c linguist-generated\nvendor/** -linguist-vendored\n"),
                    "2024-03-01T00:00:00Z");
            ObjectId without = git.commit(Map.of(
                    "src/main.c", GitFixture.cLines("m", 5),
                    "src/parser.c", GitFixture.cLines("p", 7),
                    "vendor/ours.c", GitFixture.cLines("o", 3),
                    "third_party/zlib.c", GitFixture.cLines("z", 11)),
                    "2024-04-01T00:00:00Z", withAttributes);
            CensusEngine.Options excl = CensusEngine.Options.defaults().withExcludeVendored(true);
            try (RevWalk walk = new RevWalk(git.repo)) {
                Census a = CensusEngine.countCommit(git.repo, walk.parseCommit(withAttributes), new BlobCache(), excl);
                assertThat(a.languages().get("C").code).isEqualTo(5 + 3);   // main.c + un-vendored vendor/ours.c
                Census b = CensusEngine.countCommit(git.repo, walk.parseCommit(without), new BlobCache(), excl);
                assertThat(b.languages().get("C").code).isEqualTo(5 + 7);   // parser.c is no longer marked generated
                Census all = CensusEngine.countCommit(git.repo, walk.parseCommit(without), new BlobCache(), CensusEngine.Options.defaults());
                assertThat(all.languages().get("C").code).isEqualTo(5 + 7 + 3 + 11);
            }
        }
    }
}
