package io.memsafe.census;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a repository from a work-tree top or a bare git directory, with messages a user can act on. */
public final class RepositoryOpener {

    private RepositoryOpener() {
    }

    /** Whether {@code path} is a work-tree top (has .git) or itself a git directory (bare repository). */
    public static boolean isRepository(Path path) {
        return Files.exists(path.resolve(".git")) || isGitDir(path);
    }

    private static boolean isGitDir(Path p) {
        return Files.isRegularFile(p.resolve("HEAD")) && Files.isDirectory(p.resolve("objects")) && Files.isDirectory(p.resolve("refs"));
    }

    public static Repository open(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new UsageException(path + ": no such directory");
        }
        FileRepositoryBuilder b = new FileRepositoryBuilder();
        if (Files.exists(path.resolve(".git"))) {
            b.setWorkTree(path.toFile());
        } else if (isGitDir(path)) {
            b.setGitDir(path.toFile()).setBare();
        } else {
            throw new UsageException(path + ": not a git repository (no .git here, and not a bare repository)");
        }
        Repository repo = b.setMustExist(true).build();
        if (!repo.getObjectDatabase().exists()) {
            repo.close();
            throw new UsageException(path + ": not a git repository (no object database)");
        }
        return repo;
    }

    /** Whether the repository is a shallow clone, whose history stops at grafted commits. */
    public static boolean isShallow(Repository repo) {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
