package io.memsafe.census;

import io.memsafe.census.lang.FileCounter;
import io.memsafe.census.model.Census;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code memsafe census}: lines per language, memory-unsafe share, unsafe Rust. */
@Command(name = "census", mixinStandardHelpOptions = true,
        description = {"Count files, code, comment and blank lines per language (cloc conventions), grouped into "
                + "memory-unsafe and memory-safe languages, with the share of unsafe Rust.",
                "PATH may be a directory, a file, a work tree or a bare repository; --rev counts a commit without checking it out."})
public final class CensusCommand implements Callable<Integer> {

    public enum Format { text, json, csv }

    public enum By { language, dir }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Directory, file or repository (default: .)")
    Path path;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout")
    Path output;

    @Option(names = "--by", defaultValue = "language", description = "language or dir (default: ${DEFAULT-VALUE})")
    By by;

    @Option(names = "--depth", defaultValue = "1", description = "Directory depth for --by dir (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--rev", paramLabel = "REV", description = "Count this commit of the repository at PATH (no checkout needed)")
    String rev;

    @Option(names = "--exclude-vendored", description = "Leave out vendored, generated and third-party code as GitHub linguist does "
            + "(vendor/, third_party/, ... and linguist-vendored/linguist-generated in .gitattributes)")
    boolean excludeVendored;

    @Option(names = "--max-file-size", defaultValue = "100", paramLabel = "MB",
            description = "Skip (and report) files larger than this many MiB, like cloc (default: ${DEFAULT-VALUE})")
    long maxFileSizeMb;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        io.memsafe.census.GitTuning.install();
        try {
            if (depth < 1) {
                throw new UsageException("--depth must be at least 1");
            }
            CensusEngine.Options opts = CensusEngine.Options.defaults()
                    .withDepth(by == By.dir ? depth : 0)
                    .withExcludeVendored(excludeVendored)
                    .withMaxFileSize(maxFileSizeMb * 1024 * 1024);
            Census census = run(opts);
            String text = switch (format) {
                case json -> CensusFormat.json(census);
                case csv -> CensusFormat.csv(census);
                case text -> CensusFormat.text(census);
            };
            Output.write(text, output, spec.commandLine().getOut());
            for (String note : census.notes()) {
                err.println("memsafe census: note: " + note);
            }
            for (String problem : census.problems()) {
                err.println("memsafe census: " + problem);
            }
            if (!census.problems().isEmpty()) {
                err.println("memsafe census: " + census.problems().size() + " path(s) could not be counted; the census is incomplete");
                return 2;
            }
            return 0;
        } catch (UsageException e) {
            err.println("memsafe census: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("memsafe census: error: " + describe(e));
            return 2;
        }
    }

    static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Census run(CensusEngine.Options opts) throws IOException {
        if (!Files.exists(path)) {
            throw new UsageException(path + ": no such file or directory");
        }
        if (rev != null || (Files.isDirectory(path) && RepositoryOpener.isRepository(path) && !Files.exists(path.resolve(".git")))) {
            try (Repository repo = RepositoryOpener.open(path)) {
                RevCommit commit = resolve(repo, rev == null ? "HEAD" : rev);
                return CensusEngine.countCommit(repo, commit, new BlobCache(), opts);
            }
        }
        if (Files.isRegularFile(path)) {
            return countSingleFile(opts);
        }
        if (!Files.isReadable(path)) {
            throw new UsageException(path + ": cannot read directory (permission denied)");
        }
        return CensusEngine.countDirectory(path, opts);
    }

    private Census countSingleFile(CensusEngine.Options opts) throws IOException {
        Census census = new Census(null);
        if (!Files.isReadable(path)) {
            throw new UsageException(path + ": cannot read (permission denied)");
        }
        long size = Files.size(path);
        if (size > opts.maxFileSize()) {
            throw new UsageException(path + ": " + size + " bytes is over the limit of " + opts.maxFileSize() + " (raise --max-file-size)");
        }
        String name = path.getFileName().toString();
        FileCounter.count(name, Files.readAllBytes(path)).ifPresent(c -> census.add(CensusEngine.dirOf(name, opts.depth()), c));
        return census;
    }

    /** Resolves a revision to a commit, with a message naming the revision when it does not exist. */
    public static RevCommit resolve(Repository repo, String rev) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (RuntimeException e) {
            throw new UsageException("bad revision '" + rev + "': " + e.getMessage());
        }
        if (id == null) {
            throw new UsageException(rev.equals("HEAD") ? "repository has no commits (HEAD does not resolve)"
                    : "unknown revision '" + rev + "'");
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id);
        }
    }
}
