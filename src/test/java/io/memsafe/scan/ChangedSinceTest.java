package io.memsafe.scan;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --changed-since}: a commit among unrelated changes introduces one overflow; that one is reported. */
class ChangedSinceTest {
    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.org");
    private static final String NET = String.join("\n",
            "static void put(char *b, int i) {",
            "    b[i] = 1;",
            "}",
            "void header(void) {",
            "    char h[8];",
            "    put(h, 7);",
            "}",
            "int version(void) {",
            "    return 1;",
            "}",
            "");

    @Test
    void onlyTheFindingInAChangedFunctionIsReported(@TempDir Path repo) throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("src"));
            // an old bug nobody touches, and a helper whose callers change
            Files.writeString(repo.resolve("src/old.c"), String.join("\n",
                    "void legacy(void) {",
                    "    char x[4];",
                    "    x[4] = 0;",
                    "}",
                    ""));
            Files.writeString(repo.resolve("src/net.c"), NET);
            Files.writeString(repo.resolve("README"), "net\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor(WHO).setCommitter(WHO).call();

            // the change: a new overflow in header(), a harmless edit of version(), a README line, a new clean file
            Files.writeString(repo.resolve("src/net.c"), NET.replace("    put(h, 7);\n", "    put(h, 7);\n    h[8] = 0;\n")
                    .replace("return 1;", "return 2;"));
            Files.writeString(repo.resolve("README"), "net, version 2\n");
            Files.writeString(repo.resolve("src/extra.c"), "int extra(int a) { return a + 1; }\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("change").setAuthor(WHO).setCommitter(WHO).call();
        }
        Path out = repo.resolve("../full.sarif");
        ScanRun full = ScanRun.sarif(out, repo.resolve("src").toString());
        assertThat(full.results().size()).isEqualTo(2);

        ScanRun diff = ScanRun.sarif(repo.resolve("diff.sarif"), "--changed-since", "HEAD~1", repo.resolve("src").toString());
        assertThat(diff.results().size()).isEqualTo(1);
        JsonNode r = diff.results().get(0);
        assertThat(r.at("/properties/memsafe~1function").asText()).isEqualTo("header");
        assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
        assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("src/net.c");
        assertThat(diff.exitStatus()).isEqualTo(1);
        assertThat(diff.run().at("/invocations/0/toolExecutionNotifications").toString())
                // header, version and the new extra; put is analysed as header's callee, legacy not at all
                .contains("changes since HEAD~1: 3 changed functions, 4 analysed");
        // nothing changed since HEAD: nothing to report, nothing to fail on
        ScanRun none = ScanRun.sarif(repo.resolve("none.sarif"), "--changed-since", "HEAD", repo.resolve("src").toString());
        assertThat(none.results().size()).isZero();
        assertThat(none.exitStatus()).isZero();
        assertThat(io.memsafe.cli.Main.run("scan", "--changed-since", "no-such-rev", repo.resolve("src").toString())).isEqualTo(2);
    }
}
