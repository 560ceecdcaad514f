package io.memsafe.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fleet file: the repositories to measure, the binary trees to audit and the compile databases to scan.
 * Relative paths are relative to the fleet file's directory.
 */
public record FleetFile(List<Repository> repositories, List<BinaryTree> binaries, List<ScanTarget> scans) {

    /** A work tree or bare git directory; {@code rev} defaults to HEAD. */
    public record Repository(String path, String name, String rev, List<String> tags) {
    }

    /** A directory of binaries (or one binary) for {@code harden}. */
    public record BinaryTree(String path, String name, List<String> tags) {
    }

    /** A compile database for {@code scan}. */
    public record ScanTarget(@JsonProperty("compile-commands") String compileCommands, String name, List<String> tags) {
    }

    /** A malformed fleet file. */
    public static final class FleetFileException extends RuntimeException {
        public FleetFileException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static FleetFile load(Path file) {
        FleetFile raw;
        try {
            raw = YAML.readValue(Files.readAllBytes(file), FleetFile.class);
        } catch (IOException e) {
            throw new FleetFileException(file + ": " + firstLine(e.getMessage()));
        }
        if (raw == null) {
            throw new FleetFileException(file + ": empty fleet file");
        }
        return raw.resolved(file.toAbsolutePath().getParent());
    }

    /** Paths made absolute, names given and made unique (they name the Parquet partitions and report pages). */
    FleetFile resolved(Path base) {
        Set<String> names = new HashSet<>();
        List<Repository> repos = new ArrayList<>();
        for (Repository r : orEmpty(repositories)) {
            String path = absolute(base, r.path(), "repositories");
            repos.add(new Repository(path, unique(names, r.name() != null ? r.name() : nameOf(path)),
                    r.rev() == null ? "HEAD" : r.rev(), orEmpty(r.tags())));
        }
        List<BinaryTree> trees = new ArrayList<>();
        for (BinaryTree b : orEmpty(binaries)) {
            String path = absolute(base, b.path(), "binaries");
            trees.add(new BinaryTree(path, unique(names, b.name() != null ? b.name() : "bin" + path.replace('/', '-')), orEmpty(b.tags())));
        }
        List<ScanTarget> targets = new ArrayList<>();
        for (ScanTarget s : orEmpty(scans)) {
            String path = absolute(base, s.compileCommands(), "scans (compile-commands)");
            Path dir = Path.of(path).getParent();
            targets.add(new ScanTarget(path, unique(names, s.name() != null ? s.name() : "scan-" + nameOf(dir.toString())), orEmpty(s.tags())));
        }
        if (repos.isEmpty() && trees.isEmpty() && targets.isEmpty()) {
            throw new FleetFileException("the fleet file lists no repositories, binaries or scans");
        }
        return new FleetFile(repos, trees, targets);
    }

    private static String absolute(Path base, String path, String section) {
        if (path == null || path.isBlank()) {
            throw new FleetFileException("an entry of '" + section + "' has no path");
        }
        return base.resolve(path).normalize().toString();
    }

    /** fish-shell for /srv/git/fish-shell.git and /src/fish-shell; the directory above for a work tree's .git. */
    static String nameOf(String path) {
        Path p = Path.of(path);
        String n = p.getFileName() == null ? "root" : p.getFileName().toString();
        if (n.equals(".git") && p.getParent() != null && p.getParent().getFileName() != null) {
            n = p.getParent().getFileName().toString();
        }
        if (n.endsWith(".git")) {
            n = n.substring(0, n.length() - 4);
        }
        return n.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String unique(Set<String> taken, String name) {
        String clean = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^-+", "");
        String candidate = clean.isEmpty() ? "unnamed" : clean;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = clean + "-" + i;
        }
        return candidate;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "cannot read";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
