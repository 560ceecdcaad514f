package io.memsafe.census;

import io.memsafe.census.lang.BlobCounts;
import io.memsafe.census.lang.FileCounter;
import io.memsafe.census.model.Census;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts a tree: either a commit's tree read straight from the object database (no checkout, bare or not), or a
 * directory on disk (only tracked files when it is the top of a git work tree, every file otherwise, like cloc).
 */
public final class CensusEngine {

    /**
     * @param excludeVendored leave out vendored/generated/third-party files as linguist does
     * @param depth directory depth for the per-directory breakdown; 0 for none
     * @param maxFileSize files larger than this many bytes are not read (reported as a problem)
     * @param threads worker threads for counting
     */
    public record Options(boolean excludeVendored, int depth, long maxFileSize, int threads) {
        public static Options defaults() {
            return new Options(false, 0, 100L * 1024 * 1024, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        }

        public Options withDepth(int d) {
            return new Options(excludeVendored, d, maxFileSize, threads);
        }

        public Options withExcludeVendored(boolean v) {
            return new Options(v, depth, maxFileSize, threads);
        }

        public Options withMaxFileSize(long m) {
            return new Options(excludeVendored, depth, m, threads);
        }
    }

    private static final Set<String> VCS_DIRS = Set.of(".git", ".svn", ".hg", ".bzr", "CVS", ".memsafe");

    private CensusEngine() {
    }

    /** A tracked file of a commit's tree. */
    public record TreeFile(String path, ObjectId blob, String pathKey) {
        String cacheKey() {
            return BlobCache.key(blob.name(), pathKey);
        }
    }

    /** Lists the countable files of a tree, applying the linguist filter if asked (using the tree's own .gitattributes). */
    public static List<TreeFile> listTree(Repository repo, ObjectId tree, boolean excludeVendored) throws IOException {
        List<TreeFile> files = new ArrayList<>();
        LinguistFilter filter = excludeVendored ? new LinguistFilter() : null;
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue; // symlinks and submodules are not files of this tree
                }
                String path = walk.getPathString();
                if (filter != null && LinguistFilter.isAttributesFile(path)) {
                    filter.addAttributesFile(path, reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(1 << 20));
                }
                Optional<String> key = FileCounter.pathKey(path);
                if (key.isPresent()) {
                    files.add(new TreeFile(path, walk.getObjectId(0), key.get()));
                }
            }
        }
        if (filter != null) {
            files.removeIf(f -> filter.excludes(f.path()));
        }
        return files;
    }

    /** Census of a commit's tree, counting each blob at most once thanks to {@code cache}. */
    public static Census countCommit(Repository repo, RevCommit commit, BlobCache cache, Options opts) throws IOException {
        Census census = new Census(commit.name());
        List<TreeFile> files = listTree(repo, commit.getTree(), opts.excludeVendored());
        ensureCounted(repo, files, cache, opts, census);
        for (TreeFile f : files) {
            BlobCounts c = cache.get(f.cacheKey());
            if (c != null && c != BlobCache.NOT_COUNTED && !c.language().isEmpty()) {
                census.add(dirOf(f.path(), opts.depth()), c);
            }
        }
        return census;
    }

    /** Counts the blobs of {@code files} that are not in the cache yet, in parallel. */
    public static void ensureCounted(Repository repo, List<TreeFile> files, BlobCache cache, Options opts, Census problems)
            throws IOException {
        List<TreeFile> pending = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (TreeFile f : files) {
            String k = f.cacheKey();
            if (cache.get(k) == null && seen.add(k)) {
                pending.add(f);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        int threads = Math.min(opts.threads(), Math.max(1, pending.size() / 64));
        if (threads <= 1) {
            try (ObjectReader reader = repo.newObjectReader()) {
                for (TreeFile f : pending) {
                    countBlob(reader, f, cache, opts, problems);
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int slot = t;
                futures.add(pool.submit(() -> {
                    try (ObjectReader reader = repo.newObjectReader()) {
                        for (int i = slot; i < pending.size(); i += threads) {
                            countBlob(reader, pending.get(i), cache, opts, problems);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void countBlob(ObjectReader reader, TreeFile f, BlobCache cache, Options opts, Census problems) throws IOException {
        long size = reader.getObjectSize(f.blob(), Constants.OBJ_BLOB);
        if (size > opts.maxFileSize()) {
            problems.problem(f.path() + ": skipped, " + size + " bytes is over the limit of " + opts.maxFileSize()
                    + " (raise --max-file-size)");
            return;
        }
        byte[] bytes = reader.open(f.blob(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        cache.put(f.cacheKey(), FileCounter.count(f.path(), bytes).orElse(BlobCache.NOT_COUNTED));
    }

    /** Directory of a path cut to {@code depth} components; "." for files at the top; null when depth is 0. */
    public static String dirOf(String path, int depth) {
        if (depth <= 0) {
            return null;
        }
        String[] parts = path.split("/");
        if (parts.length == 1) {
            return ".";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(depth, parts.length - 1); i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    /**
     * Census of a directory on disk. At the top of a git work tree only tracked files are counted (the index says
     * which); elsewhere every regular file below the directory, skipping VCS metadata, as cloc does.
     */
    public static Census countDirectory(Path root, Options opts) throws IOException {
        Census census = new Census(null);
        List<String> paths = listDirectory(root, census);
        LinguistFilter filter = null;
        if (opts.excludeVendored()) {
            filter = new LinguistFilter();
            for (String p : paths) {
                if (LinguistFilter.isAttributesFile(p)) {
                    try {
                        filter.addAttributesFile(p, Files.readAllBytes(root.resolve(p)));
                    } catch (IOException e) {
                        census.problem(p + ": cannot read (" + e.getClass().getSimpleName() + ")");
                    }
                }
            }
        }
        final LinguistFilter f = filter;
        List<String> todo = paths.stream().sorted()
                .filter(p -> FileCounter.pathKey(p).isPresent())
                .filter(p -> f == null || !f.excludes(p))
                .toList();
        todo.parallelStream().forEach(p -> countFile(root, p, opts, census));
        return census;
    }

    /**
     * The files a directory census looks at, relative to {@code root}: the tracked files at the top of a git work
     * tree, every regular file elsewhere. Directories that cannot be read are reported to {@code census}.
     */
    public static List<String> listDirectory(Path root, Census census) throws IOException {
        List<String> paths = new ArrayList<>();
        if (Files.exists(root.resolve(".git"))) {
            try (Repository repo = RepositoryOpener.open(root)) {
                DirCache index = repo.readDirCache();
                for (int i = 0; i < index.getEntryCount(); i++) {
                    var e = index.getEntry(i);
                    if (e.getStage() == 0 && (e.getFileMode() == FileMode.REGULAR_FILE || e.getFileMode() == FileMode.EXECUTABLE_FILE)) {
                        paths.add(e.getPathString());
                    }
                }
            }
        } else {
            walk(root, paths, census);
        }
        return paths;
    }

    private static void countFile(Path root, String relative, Options opts, Census census) {
        Path file = root.resolve(relative);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    census.note(relative + ": tracked but missing from the work tree");
                }
                return;
            }
            long size = Files.size(file);
            if (size > opts.maxFileSize()) {
                census.problem(relative + ": skipped, " + size + " bytes is over the limit of " + opts.maxFileSize()
                        + " (raise --max-file-size)");
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            FileCounter.count(relative, bytes).ifPresent(c -> census.add(dirOf(relative, opts.depth()), c));
        } catch (AccessDeniedException e) {
            census.problem(relative + ": cannot read (permission denied)");
        } catch (IOException | OutOfMemoryError e) {
            census.problem(relative + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static void walk(Path root, List<String> out, Census census) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && VCS_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    out.add(root.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                census.problem(root.relativize(file) + ": cannot read (" + (exc instanceof AccessDeniedException
                        ? "permission denied" : exc.getClass().getSimpleName()) + ")");
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
