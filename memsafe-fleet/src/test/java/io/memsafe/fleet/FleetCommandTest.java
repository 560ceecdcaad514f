package io.memsafe.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors are reported before any Spark session starts. */
class FleetCommandTest {
    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new FleetCommand()).setErr(new PrintWriter(err, true)).execute(args);
        assertThat(exit).as(err.toString()).isEqualTo(expectedExit);
        return err.toString();
    }

    @Test
    void badInputIsAUsageError() throws Exception {
        assertThat(run(2, dir.resolve("none.yml").toString())).contains("none.yml: no such file");
        Path fleet = Files.writeString(dir.resolve("fleet.yml"), "repositories:\n  - path: a\n");
        assertThat(run(2, fleet.toString(), "--since", "2024-13")).contains("bad date '2024-13'");
        assertThat(run(2, fleet.toString(), "--period", "week")).contains("--period");
        Files.writeString(fleet, "repositories:\n  - paht: a\n");
        assertThat(run(2, fleet.toString())).contains("paht");
        Files.writeString(fleet, "binaries: []\n");
        assertThat(run(2, fleet.toString())).contains("lists no repositories, binaries or scans");
    }

    @Test
    void namesAreUniqueAndPathsRelativeToTheFleetFile() throws Exception {
        Path fleet = Files.writeString(dir.resolve("fleet.yml"),
                "repositories:\n  - path: x/zlib.git\n  - path: y/zlib\n    tags: [c]\nbinaries:\n  - path: /usr/bin\n");
        FleetFile f = FleetFile.load(fleet);
        assertThat(f.repositories()).extracting(FleetFile.Repository::name).containsExactly("zlib", "zlib-2");
        assertThat(f.repositories().get(0).path()).isEqualTo(dir.resolve("x/zlib.git").toString());
        assertThat(f.repositories().get(0).rev()).isEqualTo("HEAD");
        assertThat(f.binaries().get(0).name()).isEqualTo("bin-usr-bin");
    }
}
