package io.memsafe.harden;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs compilers and tools for fixtures built during the test run; nothing binary is committed. */
final class Toolchain {
    private Toolchain() {}

    static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Copies a committed C source from test resources into {@code dir}. */
    static Path source(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = Toolchain.class.getResourceAsStream("/harden/" + name)) {
                if (in == null) throw new IOException("missing test resource " + name);
                Files.copy(in, target);
            }
        }
        return target;
    }

    /** Runs a command in {@code dir}; fails the test with the tool's output when it does not exit 0. */
    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        // Output goes to a file, not a pipe, so the timeout holds even if the tool never closes its output.
        Path log = Files.createTempFile(dir, "tool-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (p.exitValue() != 0) throw new IllegalStateException("failed (" + p.exitValue() + "): " + command + "\n" + text);
        return text;
    }

    static List<String> command(String... parts) {
        List<String> c = new ArrayList<>();
        for (String p : parts) if (!p.isEmpty()) c.add(p);
        return c;
    }
}
