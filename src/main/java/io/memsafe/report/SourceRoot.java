package io.memsafe.report;

import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory SARIF locations are relative to ({@code %SRCROOT%}), so that the same tree checked out
 * elsewhere gives the same locations and fingerprints. By default the top of the git work tree that
 * holds the inputs, else the inputs' common directory.
 */
public record SourceRoot(Path dir) {
    public static final String BASE_ID = "%SRCROOT%";

    public SourceRoot {
        dir = dir.toAbsolutePath().normalize();
    }

    /** The git top of the first input, else the deepest directory holding every input. */
    public static SourceRoot detect(List<Path> inputs) {
        if (inputs.isEmpty()) return new SourceRoot(Path.of(""));
        Path common = null;
        for (Path in : inputs) {
            Path p = in.toAbsolutePath().normalize();
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            if (dir == null) dir = p;
            common = common == null ? dir : commonAncestor(common, dir);
        }
        Path top = gitTop(common);
        return new SourceRoot(top != null ? top : common);
    }

    static Path gitTop(Path dir) {
        try {
            FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
            File gitDir = b.getGitDir();
            if (gitDir == null) return null;
            b.setup();
            File work = b.getWorkTree();
            return work == null ? null : work.toPath().toAbsolutePath().normalize();
        } catch (Exception e) {
            // not a repository we can read (bare, broken): fall back to the common directory
            return null;
        }
    }

    private static Path commonAncestor(Path a, Path b) {
        Path r = a;
        while (r != null && !b.startsWith(r)) r = r.getParent();
        return r == null ? a.getRoot() : r;
    }

    /** The file relative to the root with '/' separators, or null when it lies outside the root. */
    public String relative(String file) {
        if (file == null || file.isEmpty()) return null;
        try {
            Path p = Path.of(file).toAbsolutePath().normalize();
            if (!p.startsWith(dir)) return null;
            return dir.relativize(p).toString().replace('\\', '/');
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What a reader should see: the relative path, or the absolute one outside the root. */
    public String display(String file) {
        String rel = relative(file);
        if (rel != null) return rel;
        return file == null || file.isEmpty() ? "<unknown>" : Path.of(file).toAbsolutePath().normalize().toString();
    }

    /** The root as SARIF wants an {@code originalUriBaseIds} entry: an absolute file URI ending in '/'. */
    public String uri() {
        String u = dir.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }
}
