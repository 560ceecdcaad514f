package io.memsafe.census.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the git command line (installed by .ci/run), the reference the numstat tests compare with. */
final class GitCli {

    private GitCli() {
    }

    /** git's standard output; fails the test on a non-zero exit other than {@code okExit}. */
    static String run(Path dir, int okExit, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-c", "diff.renames=true"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit != 0 && exit != okExit) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + exit + ": " + err);
        }
        return out;
    }
}
