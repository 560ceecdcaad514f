package io.memsafe.harden;

import io.memsafe.harden.BinaryReport.ErrorKind;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Expands the command-line inputs into files and analyses them on {@code jobs} threads. Results are sorted
 * by path so output is deterministic whatever the thread interleaving.
 *
 * <p>Directory walks visit regular files only and do not follow symbolic links (like {@code find -type f},
 * which is what {@code checksec --dir} uses), so a link farm is neither counted twice nor escaped from.
 * Files named explicitly are always reported, even when they are not binaries.
 */
public final class HardenScanner {
    private final BinaryAnalyzer analyzer;
    private final int jobs;

    public HardenScanner(BinaryAnalyzer analyzer, int jobs) {
        this.analyzer = analyzer;
        this.jobs = Math.max(1, jobs);
    }

    public record Scan(List<BinaryReport> reports, int skipped) {}

    /** Collects regular files; an unreadable subdirectory is one error entry and the walk goes on. */
    private static void walk(Path root, List<Path> files, List<BinaryReport> errors) {
        try {
            // A named directory may itself be a link (/lib -> usr/lib): walk its target, report under the name given.
            Path real = root.toRealPath();
            Files.walkFileTree(real, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) files.add(root.resolve(real.relativize(file)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add(BinaryReport.failed(file.toString(), null, ErrorKind.UNREADABLE, "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(BinaryReport.failed(root.toString(), null, ErrorKind.UNREADABLE, "cannot walk directory: " + e.getMessage()));
        }
    }

    public Scan scan(List<Path> inputs) {
        List<Path> explicit = new ArrayList<>();
        List<Path> walked = new ArrayList<>();
        List<BinaryReport> reports = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                walk(input, walked, reports);
            } else {
                explicit.add(input);
            }
        }
        int skipped = 0;
        // shut down by hand, not by try-with-resources: ExecutorService is AutoCloseable only from Java 19, and
        // this scanner also runs in fleet tasks on Java 17 executors
        ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
            Thread t = new Thread(runnable, "memsafe-harden");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BinaryReport>> futures = new ArrayList<>();
            for (Path p : explicit) futures.add(pool.submit(() -> analyzer.analyse(p, true)));
            for (Path p : walked) futures.add(pool.submit(() -> analyzer.analyse(p, false)));
            List<Path> order = new ArrayList<>(explicit);
            order.addAll(walked);
            for (int i = 0; i < futures.size(); i++) {
                BinaryReport r;
                try {
                    r = futures.get(i).get();
                } catch (ExecutionException e) {
                    r = BinaryReport.failed(order.get(i).toString(), null, ErrorKind.INTERNAL, "internal error: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                if (r == null) skipped++;
                else reports.add(r);
            }
        } finally {
            pool.shutdownNow();
        }
        reports.sort(Comparator.comparing(BinaryReport::path));
        return new Scan(List.copyOf(reports), skipped);
    }
}
