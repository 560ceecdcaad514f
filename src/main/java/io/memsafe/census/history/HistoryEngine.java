package io.memsafe.census.history;

import io.memsafe.census.BlobCache;
import io.memsafe.census.CensusCommand;
import io.memsafe.census.CensusEngine;
import io.memsafe.census.LinguistFilter;
import io.memsafe.census.RepositoryOpener;
import io.memsafe.census.UsageException;
import io.memsafe.census.lang.BlobCounts;
import io.memsafe.census.lang.FileCounter;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.LineKinds;
import io.memsafe.census.lang.LineScanner;
import io.memsafe.census.lang.RustLexer;
import io.memsafe.census.lang.Safety;
import io.memsafe.census.model.Census;
import io.memsafe.census.model.LanguageCount;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks the first-parent history of a branch without checking anything out and produces, per calendar period,
 * the census at the period's end and the code lines added and deleted during it.
 *
 * <p>Why first parent: it is the sequence of states the main branch actually went through, and a merge's diff
 * against its first parent is exactly what the merge brought in, so merged work counts once, in the period it
 * landed. Why commit (not author) date: the author date says when code was written, the commit date on the
 * main branch when it arrived there. Renames are detected as git detects them ({@link GitRenames}) and only their edits
 * count, so moving code around is not new code; lines come from git's diff ({@link GitLineDiff}). {@code added}/{@code deleted} are code lines in cloc's sense
 * (adding comments or blank lines is not new code either, and Android's metric, {@code new_unsafe_share}, is
 * computed from them); {@code added_lines}/{@code deleted_lines} are physical lines, as {@code git log --numstat}
 * counts them, for comparison with git.
 */
public final class HistoryEngine {

    /**
     * @param rev tip of the branch to walk (default HEAD)
     * @param since first day of interest (inclusive, its period is the first), or null for the first commit
     * @param until last day of interest (its period is the last), or null for the tip
     */
    public record Request(String rev, LocalDate since, LocalDate until, PeriodKind period, boolean excludeVendored, long maxFileSize) {
    }

    /**
     * What a run had to do: the proof that the store works is that a second run processes no commits and counts no blobs.
     */
    public record Stats(int firstParentCommits, int commitsInRange, int commitsProcessed, long blobsCounted, int snapshotsComputed) {
    }

    public record Result(String tip, List<PeriodResult> periods, Stats stats, List<String> problems) {
    }


    private final Repository repo;
    private final HistoryStore store;
    private final Request req;
    private final BlobCache cache = new BlobCache();
    private final CensusEngine.Options options;
    private final Census problems = new Census(null);
    private final String variant;

    private HistoryEngine(Repository repo, HistoryStore store, Request req) {
        this.repo = repo;
        this.store = store;
        this.req = req;
        this.options = CensusEngine.Options.defaults().withExcludeVendored(req.excludeVendored()).withMaxFileSize(req.maxFileSize());
        this.variant = req.excludeVendored() ? ":linguist" : "";
    }

    public static Result run(Repository repo, HistoryStore store, Request req) throws IOException {
        return new HistoryEngine(repo, store, req).run();
    }

    private Result run() throws IOException {
        if (RepositoryOpener.isShallow(repo)) {
            throw new UsageException("shallow clone: its history is cut off, so the figures would be wrong; "
                    + "run 'git fetch --unshallow' first");
        }
        RevCommit tip = CensusCommand.resolve(repo, req.rev() == null ? "HEAD" : req.rev());
        try {
            store.loadBlobs(cache);
            List<RevCommit> chain = firstParentChain(tip);
            long sinceEpoch = req.since() == null ? Long.MIN_VALUE : PeriodKind.epoch(req.period().startOf(req.since()));
            long untilEpoch = req.until() == null ? Long.MAX_VALUE : PeriodKind.epoch(req.period().next(req.period().startOf(req.until())));
            List<RevCommit> inRange = chain.stream().filter(c -> c.getCommitTime() >= sinceEpoch && c.getCommitTime() < untilEpoch).toList();

            Set<String> done = store.processedCommits();
            List<RevCommit> todo = inRange.stream().filter(c -> !done.contains(c.name() + variant)).toList();

            // the periods, and the commit whose census each one ends with
            record Period(LocalDate start, LocalDate end, long s, long e, RevCommit at) {
            }
            List<Period> plan = new ArrayList<>();
            List<RevCommit> rangeByTime = inRange.stream().sorted(java.util.Comparator.comparingInt(RevCommit::getCommitTime)).toList();
            if (!inRange.isEmpty()) {
                long minTime = rangeByTime.get(0).getCommitTime(); // get(0), not getFirst(): the fleet runs this on Java 17
                long maxTime = rangeByTime.get(rangeByTime.size() - 1).getCommitTime();
                LocalDate first = req.since() != null ? req.period().startOf(req.since()) : req.period().startOf(minTime);
                LocalDate last = req.until() != null ? req.period().startOf(req.until()) : req.period().startOf(maxTime);
                // commit dates along the branch need not increase, so the last commit in branch order before a
                // period's end is found by going through the chain positions sorted by date (one pass for all periods)
                Integer[] chainByTime = new Integer[chain.size()];
                for (int i = 0; i < chainByTime.length; i++) {
                    chainByTime[i] = i;
                }
                java.util.Arrays.sort(chainByTime, java.util.Comparator.comparingInt(i -> chain.get(i).getCommitTime()));
                int chainSeen = 0;
                int lastIndex = -1;
                for (LocalDate start = first; !start.isAfter(last); start = req.period().next(start)) {
                    LocalDate end = req.period().next(start);
                    long e = PeriodKind.epoch(end);
                    while (chainSeen < chainByTime.length && chain.get(chainByTime[chainSeen]).getCommitTime() < e) {
                        lastIndex = Math.max(lastIndex, chainByTime[chainSeen++]);
                    }
                    if (lastIndex >= 0) { // else the branch did not exist yet
                        plan.add(new Period(start, end, PeriodKind.epoch(start), e, chain.get(lastIndex)));
                    }
                }
            }

            // snapshots not in the store are counted on another thread while this one has the deltas computed: they
            // are independent (a blob's counts are the same whichever counts it first, and the cache keeps the first)
            Map<String, Census> snapshotOf = new java.util.HashMap<>();
            List<RevCommit> missing = new ArrayList<>();
            for (Period p : plan) {
                String snapKey = p.at().name() + variant;
                if (!snapshotOf.containsKey(snapKey)) {
                    Census stored = store.loadSnapshot(snapKey, p.at().name());
                    snapshotOf.put(snapKey, stored);
                    if (stored == null) {
                        missing.add(p.at());
                    }
                }
            }
            java.util.concurrent.ExecutorService snapshotter = java.util.concurrent.Executors.newSingleThreadExecutor();
            int processed;
            List<Census> counted;
            try {
                java.util.concurrent.Future<List<Census>> snapshotsDone = snapshotter.submit(() -> {
                    List<Census> out = new ArrayList<>();
                    for (RevCommit c : missing) {
                        out.add(CensusEngine.countCommit(repo, c, cache, options));
                    }
                    return out;
                });
                processed = computeDeltas(todo);
                counted = await(snapshotsDone);
            } finally {
                snapshotter.shutdownNow();
            }
            for (int i = 0; i < missing.size(); i++) {
                String snapKey = missing.get(i).name() + variant;
                Census census = counted.get(i);
                census.problems().forEach(problems::problem);
                store.saveSnapshot(snapKey, census);
                snapshotOf.put(snapKey, census);
            }
            int snapshots = missing.size();
            flush();
            Map<String, Map<String, long[]>> deltas = store.loadDeltas();

            List<PeriodResult> periods = new ArrayList<>();
            int rangeFrom = 0;
            for (Period p : plan) {
                while (rangeFrom < rangeByTime.size() && rangeByTime.get(rangeFrom).getCommitTime() < p.s()) {
                    rangeFrom++;
                }
                Census census = snapshotOf.get(p.at().name() + variant);
                // added, deleted (code lines), added_lines, deleted_lines (physical lines), per language
                List<Map<String, Long>> sums = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
                int commits = 0;
                for (int k = rangeFrom; k < rangeByTime.size() && rangeByTime.get(k).getCommitTime() < p.e(); k++) {
                    RevCommit c = rangeByTime.get(k);
                    commits++;
                    for (var d : deltas.getOrDefault(c.name() + variant, Map.of()).entrySet()) {
                        for (int i = 0; i < sums.size(); i++) {
                            if (d.getValue()[i] != 0) {
                                sums.get(i).merge(d.getKey(), d.getValue()[i], Long::sum);
                            }
                        }
                    }
                }
                Map<String, Long> code = new TreeMap<>();
                census.languages().forEach((lang, lc) -> code.put(lang, lc.code));
                Map<String, Long> added = sums.get(0);
                periods.add(new PeriodResult(p.start().toString(), p.end().toString(), p.at().name(), commits, code, added, sums.get(1),
                        sums.get(2), sums.get(3), round(census.memoryUnsafeShare()), round(newUnsafeShare(added)),
                        census.rustUnsafe().unsafeLines()));
            }
            flush();
            return new Result(tip.name(), periods,
                    new Stats(chain.size(), inRange.size(), processed, cache.countedBlobs(), snapshots), problems.problems());
        } catch (SQLException e) {
            throw new IOException("history database: " + e.getMessage(), e);
        }
    }

    /**
     * Commits per unit of work, between these bounds: consecutive commits share most blobs, so the longer a worker
     * stays on one stretch of history the warmer its caches; the more units, the better the load is balanced.
     */
    private static final int MIN_CHUNK = 128;
    private static final int MAX_CHUNK = 1024;

    /**
     * Computes and stores the deltas of {@code todo} on worker threads, saving finished chunks from this thread since
     * the SQLite connection is single-threaded.
     *
     * <p>The history is cut into chunks of consecutive commits. Workers take them from both ends, the first one
     * newest first going backwards in time, the second one oldest first going forwards, the others alternating, until
     * they meet: so each worker (or at least the first two) walks one unbroken stretch of history, and its caches
     * (the recent blobs, the recent contents, JGit's delta base cache, which belongs to the worker's object reader)
     * are warm when a chunk starts, as the file versions a chunk begins with are the ones the previous chunk ended
     * with. Taking chunks as they come keeps the load balanced. The deltas do not depend on the order.
     */
    private int computeDeltas(List<RevCommit> todo) throws IOException, SQLException {
        if (todo.isEmpty()) {
            return 0;
        }
        int chunkSize = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, todo.size() / Math.max(1, options.threads() * 8)));
        List<List<RevCommit>> chunks = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += chunkSize) {
            chunks.add(todo.subList(from, Math.min(todo.size(), from + chunkSize)));
        }
        int threads = Math.max(1, Math.min(options.threads(), chunks.size()));
        int[] ends = {0, chunks.size()}; // next chunk from the old end; one past the next from the new end
        java.util.concurrent.BlockingQueue<Object> finished = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                final boolean backwards = t % 2 == 0;
                pool.submit(() -> {
                    try (ObjectReader reader = repo.newObjectReader()) {
                        while (true) {
                            int k;
                            synchronized (ends) {
                                if (ends[0] >= ends[1]) {
                                    break;
                                }
                                k = backwards ? --ends[1] : ends[0]++;
                            }
                            List<RevCommit> chunk = backwards ? reversed(chunks.get(k)) : chunks.get(k);
                            List<Map.Entry<RevCommit, Map<String, long[]>>> out = new ArrayList<>();
                            for (RevCommit c : chunk) {
                                RevCommit parent = c.getParentCount() == 0 ? null : c.getParent(0);
                                out.add(Map.entry(c, delta(reader, parent, c)));
                            }
                            finished.put(out);
                        }
                    } catch (Throwable e) {
                        finished.add(e);
                    }
                    return null;
                });
            }
            int processed = 0;
            for (int i = 0; i < chunks.size(); i++) {
                Object next;
                try {
                    next = finished.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (next instanceof IOException io) {
                    throw io;
                }
                if (next instanceof RuntimeException | next instanceof Error) {
                    Throwable cause = (Throwable) next;
                    throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
                }
                if (next instanceof Throwable other) {
                    throw new IOException(other.toString(), other);
                }
                @SuppressWarnings("unchecked")
                List<Map.Entry<RevCommit, Map<String, long[]>>> result = (List<Map.Entry<RevCommit, Map<String, long[]>>>) next;
                for (var e : result) {
                    store.saveDelta(e.getKey().name() + variant, e.getKey().getCommitTime(), e.getValue());
                    processed++;
                }
                if (i % 4 == 3) {
                    flush();
                }
            }
            flush();
            return processed;
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code list} newest first: {@code List.reversed()} is Java 21, and this engine also runs in fleet tasks on Java 17. */
    private static List<RevCommit> reversed(List<RevCommit> list) {
        List<RevCommit> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    /** The result of a background task, with its failure rethrown as this thread's. */
    private static <T> T await(java.util.concurrent.Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Double round(Double d) {
        return io.memsafe.census.Output.round(d);
    }

    /** Memory-unsafe share of the added code lines, over memory-unsafe plus memory-safe languages. */
    public static Double newUnsafeShare(Map<String, Long> added) {
        Map<String, LanguageCount> asCounts = new LinkedHashMap<>();
        added.forEach((lang, n) -> asCounts.put(lang, new LanguageCount(0, n, 0, 0)));
        return Census.unsafeShare(asCounts);
    }

    private void flush() throws SQLException {
        store.saveBlobs(cache.drainFresh());
        store.commit();
    }

    /** The first-parent chain from the root to {@code tip}, oldest first. */
    private List<RevCommit> firstParentChain(RevCommit tip) throws IOException {
        List<RevCommit> chain = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(tip);
            while (true) {
                chain.add(c);
                if (c.getParentCount() == 0) {
                    break;
                }
                c = walk.parseCommit(c.getParent(0));
            }
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Code lines added and deleted per language by {@code commit} relative to {@code parent} (null for a root commit). */
    private Map<String, long[]> delta(ObjectReader reader, RevCommit parent, RevCommit commit) throws IOException {
        Map<String, long[]> delta = new TreeMap<>();
        List<DiffEntry> entries;
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            if (parent == null) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                tw.addTree(parent.getTree());
            }
            tw.addTree(commit.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
            entries = DiffEntry.scan(tw);
        }
        if (entries.isEmpty()) {
            return delta;
        }
        // renames paired as git pairs them (not JGit's RenameDetector: see GitRenames), so only their edits count
        List<GitRenames.Change> changes = GitRenames.pair(reader, entries);
        LinguistFilter filter = req.excludeVendored() ? rootAttributes(reader, commit) : null;

        for (GitRenames.Change d : changes) {
            Side before = d.oldPath() == null ? null : side(d.oldPath(), d.oldMode(), d.oldId(), filter);
            Side after = d.newPath() == null ? null : side(d.newPath(), d.newMode(), d.newId(), filter);
            if (before == null && after == null) {
                continue;
            }
            if (before != null && after != null && before.blob().equals(after.blob())) {
                continue; // a pure rename: not new code
            }
            if (before != null && after != null) {
                Optional<io.memsafe.census.lang.Language> la = LanguageTable.byName(before.pathKey());
                Optional<io.memsafe.census.lang.Language> lb = LanguageTable.byName(after.pathKey());
                if (la.isPresent() && la.equals(lb) && la.get().safety() == Safety.OTHER && LineMultiset.isLineLocal(la.get().syntax())) {
                    byte[] a = loadRecent(reader, before);
                    byte[] b = loadRecent(reader, after);
                    if (a != null && b != null && !FileCounter.isBinary(a) && !FileCounter.isBinary(b)) {
                        long[] ad = LineMultiset.addedDeletedLineLocal(a, b, la.get().syntax());
                        GitLineDiff.Changes lines = GitLineDiff.diff(a, b);
                        bump(delta, la.get().name(), ad[0], ad[1], lines.addedCount(), lines.removedCount());
                        continue;
                    }
                }
                Scanned a = scanned(reader, before);
                Scanned b = scanned(reader, after);
                if (a != null && b != null && a.kinds() != null && b.kinds() != null) {
                    GitLineDiff.Changes lines = GitLineDiff.diff(a.bytes(), b.bytes());
                    long added;
                    long deleted;
                    if (LanguageTable.safetyOf(a.counts().language()) == Safety.OTHER
                            && LanguageTable.safetyOf(b.counts().language()) == Safety.OTHER) {
                        long[] ad = LineMultiset.addedDeleted(a.bytes(), a.kinds(), b.bytes(), b.kinds());
                        added = ad[0];
                        deleted = ad[1];
                    } else {
                        // code lines among the lines git's diff shows as added and removed
                        deleted = codeLines(a.kinds(), lines.removed());
                        added = codeLines(b.kinds(), lines.added());
                    }
                    bump(delta, b.counts().language(), added, 0, lines.addedCount(), 0);
                    bump(delta, a.counts().language(), 0, deleted, 0, lines.removedCount());
                    continue;
                }
            }
            // an added or deleted file (or one side binary): all of its code lines count
            BlobCounts newCounts = after == null ? null : counts(reader, after);
            BlobCounts oldCounts = before == null ? null : counts(reader, before);
            if (newCounts != null && !newCounts.language().isEmpty()) {
                bump(delta, newCounts.language(), newCounts.code(), 0, newCounts.lines(), 0);
            }
            if (oldCounts != null && !oldCounts.language().isEmpty()) {
                bump(delta, oldCounts.language(), 0, oldCounts.code(), 0, oldCounts.lines());
            }
        }
        delta.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] == 0);
        return delta;
    }

    /** Code lines among the marked lines. */
    private static long codeLines(LineKinds kinds, boolean[] marked) {
        long n = 0;
        int end = Math.min(marked.length, kinds.lineCount());
        for (int i = 0; i < end; i++) {
            if (marked[i] && kinds.kind(i) == LineKinds.CODE) {
                n++;
            }
        }
        return n;
    }

    /** Adds to a language's {added, deleted} code lines and {added, deleted} physical lines. */
    private static void bump(Map<String, long[]> delta, String lang, long added, long deleted, long addedLines, long deletedLines) {
        long[] v = delta.computeIfAbsent(lang, k -> new long[4]);
        v[0] += added;
        v[1] += deleted;
        v[2] += addedLines;
        v[3] += deletedLines;
    }

    private record Side(String path, ObjectId blob, String pathKey) {
    }

    private static Side side(String path, FileMode mode, ObjectId id, LinguistFilter filter) {
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
            return null;
        }
        Optional<String> key = FileCounter.pathKey(path);
        if (key.isEmpty() || filter != null && filter.excludes(path)) {
            return null;
        }
        return new Side(path, id, key.get());
    }

    /** Counts of one side, from the cache or counted now; null if too large to read. */
    private BlobCounts counts(ObjectReader reader, Side s) throws IOException {
        BlobCounts c = cache.get(BlobCache.key(s.blob().name(), s.pathKey()));
        if (c != null) {
            return c;
        }
        Scanned sc = scanned(reader, s);
        return sc == null ? null : sc.counts();
    }

    /** A blob's bytes, line kinds and counts; kinds is null for content that is not counted (binary). */
    private static final class Scanned {
        private final BlobCounts counts;
        private final byte[] bytes;
        private final LineKinds kinds;

        Scanned(BlobCounts counts, byte[] bytes, LineKinds kinds) {
            this.counts = counts;
            this.bytes = bytes;
            this.kinds = kinds;
        }

        BlobCounts counts() {
            return counts;
        }

        byte[] bytes() {
            return bytes;
        }

        LineKinds kinds() {
            return kinds;
        }
    }

    private static final int RECENT_LIMIT = 256;

    /**
     * Recently scanned blobs: the new side of one commit's diff is usually the old side of the next one's, so keeping
     * them avoids reading, inflating and scanning the same file twice in a row.
     */
    private final ThreadLocal<Map<String, Scanned>> recentBlobs = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(RECENT_LIMIT * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Scanned> eldest) {
                    return size() > RECENT_LIMIT;
                }
            });

    private Scanned scanned(ObjectReader reader, Side s) throws IOException {
        String key = BlobCache.key(s.blob().name(), s.pathKey());
        Map<String, Scanned> recent = recentBlobs.get();
        Scanned sc = recent.get(key);
        if (sc != null) {
            return sc;
        }
        long size = reader.getObjectSize(s.blob(), Constants.OBJ_BLOB);
        if (size > options.maxFileSize()) {
            problems.problem(s.path() + " (blob " + s.blob().name() + "): skipped, " + size + " bytes is over the limit");
            return null;
        }
        byte[] bytes = load(reader, s.blob());
        Optional<io.memsafe.census.lang.Language> lang = FileCounter.isBinary(bytes) ? Optional.empty() : LanguageTable.detect(s.path(), bytes);
        if (lang.isEmpty()) {
            sc = new Scanned(BlobCache.NOT_COUNTED, null, null);
        } else {
            LineKinds kinds;
            io.memsafe.census.lang.RustUnsafe unsafe = io.memsafe.census.lang.RustUnsafe.NONE;
            if (lang.get().isRust()) {
                RustLexer.Result r = RustLexer.lex(bytes);
                kinds = r.kinds();
                unsafe = r.unsafe();
            } else {
                kinds = LineScanner.scan(bytes, lang.get().syntax());
            }
            sc = new Scanned(new BlobCounts(lang.get().name(), kinds.count(LineKinds.CODE), kinds.count(LineKinds.COMMENT),
                    kinds.count(LineKinds.BLANK), unsafe), bytes, kinds);
        }
        cache.put(key, sc.counts()); // no-op if another worker got there first
        recent.put(key, sc);
        return sc;
    }

    /** Per worker thread: recently loaded contents of files diffed as lines (see {@link #loadRecent}). */
    private final ThreadLocal<RecentBytes> recentBytes = ThreadLocal.withInitial(
            () -> new RecentBytes(Math.min(48L << 20, Runtime.getRuntime().maxMemory() / 32)));

    /**
     * The blob's bytes, or null (reported) if it is over the size limit, from a small per-thread cache: the new
     * version of a file in one commit is the old version in the next commit that changes it, and for big files
     * (translation catalogues) reading it again out of the pack is most of the cost.
     */
    private byte[] loadRecent(ObjectReader reader, Side s) throws IOException {
        RecentBytes recent = recentBytes.get();
        byte[] bytes = recent.get(s.blob());
        if (bytes == null) {
            bytes = loadChecked(reader, s);
            if (bytes != null) {
                recent.put(s.blob().copy(), bytes);
            }
        }
        return bytes;
    }

    /** Least-recently-used blob contents up to a total size. */
    private static final class RecentBytes {
        private final LinkedHashMap<ObjectId, byte[]> map = new LinkedHashMap<>(64, 0.75f, true);
        private final long limit;
        private long total;

        RecentBytes(long limit) {
            this.limit = limit;
        }

        byte[] get(ObjectId id) {
            return map.get(id);
        }

        void put(ObjectId id, byte[] bytes) {
            if (bytes.length > limit) {
                return;
            }
            byte[] old = map.put(id, bytes);
            total += bytes.length - (old == null ? 0 : old.length);
            var it = map.entrySet().iterator();
            while (total > limit && it.hasNext()) {
                total -= it.next().getValue().length;
                it.remove();
            }
        }
    }

    /** The blob's bytes, or null (reported) if it is over the size limit. */
    private byte[] loadChecked(ObjectReader reader, Side s) throws IOException {
        long size = reader.getObjectSize(s.blob(), Constants.OBJ_BLOB);
        if (size > options.maxFileSize()) {
            problems.problem(s.path() + " (blob " + s.blob().name() + "): skipped, " + size + " bytes is over the limit");
            return null;
        }
        return load(reader, s.blob());
    }

    private static byte[] load(ObjectReader reader, ObjectId id) throws IOException {
        return reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }

    /**
     * Linguist attributes for diffs: only the root .gitattributes of the commit (plus the path conventions), since
     * reading every nested .gitattributes for every commit would cost a full tree walk per commit.
     */
    private static LinguistFilter rootAttributes(ObjectReader reader, RevCommit commit) throws IOException {
        LinguistFilter f = new LinguistFilter();
        try (TreeWalk tw = TreeWalk.forPath(reader, ".gitattributes", commit.getTree())) {
            if (tw != null) {
                f.addAttributesFile(".gitattributes", reader.open(tw.getObjectId(0)).getCachedBytes(1 << 20));
            }
        }
        return f;
    }
}
