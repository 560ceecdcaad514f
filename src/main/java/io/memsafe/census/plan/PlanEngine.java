package io.memsafe.census.plan;

import io.memsafe.census.CensusEngine;
import io.memsafe.census.RepositoryOpener;
import io.memsafe.census.lang.Language;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.LineKinds;
import io.memsafe.census.lang.LineScanner;
import io.memsafe.census.lang.Safety;
import io.memsafe.census.model.Census;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ranks components for porting to a memory-safe language.
 *
 * <p>Four factors, each normalised to the largest value among the components so that they are comparable:
 * memory-unsafe size (what is at stake), density of memory-safety findings (where bugs are known to be),
 * exposure to untrusted input (where a bug is exploitable) and churn (new code is where new bugs come from;
 * Android's data shows vulnerabilities concentrate in new and recently changed code). The weights are
 * {@link #W_SIZE}, {@link #W_FINDINGS}, {@link #W_EXPOSURE} and {@link #W_CHURN}.
 */
public final class PlanEngine {

    static final double W_SIZE = 0.35;
    static final double W_FINDINGS = 0.25;
    static final double W_EXPOSURE = 0.25;
    static final double W_CHURN = 0.15;

    /** What an externally visible function that takes a buffer or parses bytes adds to a component's exposure. */
    static final int INPUT_FUNCTION_WEIGHT = 2;

    /** The weights of the four factors (they need not sum to 1: the ranking only depends on their ratios). */
    public record Weights(double size, double findings, double exposure, double churn) {
        public static final Weights DEFAULT = new Weights(W_SIZE, W_FINDINGS, W_EXPOSURE, W_CHURN);

        /** Parses {@code size=0.5,exposure=0.3,...}; factors not named keep their default weight. */
        public static Weights parse(String spec) {
            Map<String, Double> w = new TreeMap<>(Map.of("size", W_SIZE, "findings", W_FINDINGS, "exposure", W_EXPOSURE, "churn", W_CHURN));
            for (String part : spec.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || !w.containsKey(kv[0].strip())) {
                    throw new io.memsafe.census.UsageException("--weights: expected size=W,findings=W,exposure=W,churn=W, got '" + part + "'");
                }
                try {
                    double v = Double.parseDouble(kv[1].strip());
                    if (v < 0 || Double.isNaN(v)) {
                        throw new NumberFormatException();
                    }
                    w.put(kv[0].strip(), v);
                } catch (NumberFormatException e) {
                    throw new io.memsafe.census.UsageException("--weights: '" + kv[1] + "' is not a weight (a number >= 0)");
                }
            }
            return new Weights(w.get("size"), w.get("findings"), w.get("exposure"), w.get("churn"));
        }
    }

    /** What a component is: a CMake target, a directory at the depth asked, or a group of files sharing a stem. */
    public enum Grain { target, dir, file }

    /**
     * @param by the grain; null picks CMake targets when there is a compile database, else directories
     * @param at a revision to rank the components as they were at that commit (read from git, nothing checked out;
     *     churn is then counted in the months before that commit), or null for the tree on disk
     */
    public record Request(Path root, List<Path> sarifs, int depth, int churnMonths, long nowEpochSeconds, Grain by, String at,
                          Weights weights) {
        public Request(Path root, List<Path> sarifs, int depth, int churnMonths, long nowEpochSeconds) {
            this(root, sarifs, depth, churnMonths, nowEpochSeconds, null, null, Weights.DEFAULT);
        }
    }

    public record Result(List<Component> components, long totalUnsafeCode, List<String> notes) {
    }

    private static final class Acc {
        String kind;
        long unsafeCode;
        int files;
        int findings;
        Map<String, Integer> exposure = new TreeMap<>();
        Set<ObjectId> churn = new HashSet<>();
        List<String> inputFunctions = new ArrayList<>();
        List<String> inputFunctionNames = new ArrayList<>();
        List<String> findingList = new ArrayList<>();

        int exposureWeight() {
            return ExposureScanner.weight(exposure) + INPUT_FUNCTION_WEIGHT * inputFunctions.size();
        }
    }

    /** One memory-unsafe file as read: its code lines, call sites that take input and input functions. */
    private record UnsafeFile(String path, long code, Map<String, Integer> exposure, List<InputFunctionScanner.InputFunction> inputs) {
    }

    /**
     * Where the files come from: the tree on disk, or a commit's tree read from the object database.
     */
    private interface Source extends AutoCloseable {
        List<String> paths() throws IOException;

        /** The file's bytes, or null if it is not a regular file or over 100 MiB. */
        byte[] read(String path) throws IOException;

        @Override
        void close();
    }

    private PlanEngine() {
    }

    public static Result plan(Request req) throws IOException {
        Path root = req.root();
        List<String> notes = new ArrayList<>();
        Map<String, String> fileTargets = Map.of();
        Path compileDb = req.by() == Grain.dir || req.by() == Grain.file ? null : CompileDatabase.find(root);
        if (compileDb != null) {
            try {
                fileTargets = CompileDatabase.targets(compileDb, root);
                notes.add("components from CMake targets in " + root.relativize(compileDb) + " (" + new HashSet<>(fileTargets.values()).size() + " targets)");
            } catch (IOException e) {
                notes.add(root.relativize(compileDb) + ": unreadable compile database, using directories (" + e.getMessage() + ")");
            }
        } else if (req.by() == Grain.target) {
            notes.add("no compile_commands.json in " + root + " or its build/ directory: components are directories");
        }

        List<UnsafeFile> files = new ArrayList<>();
        RevCommit at;
        try (Source source = req.at() == null ? worktree(root, notes) : commit(root, req.at())) {
            at = source instanceof CommitSource cs ? cs.commit : null;
            for (String path : source.paths().stream().sorted().toList()) {
                if (io.memsafe.census.lang.FileCounter.pathKey(path).isEmpty()) {
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = source.read(path);
                } catch (IOException e) {
                    notes.add(path + ": cannot read (" + e.getClass().getSimpleName() + ")");
                    continue;
                }
                if (bytes == null || io.memsafe.census.lang.FileCounter.isBinary(bytes)) {
                    continue;
                }
                Optional<Language> lang = LanguageTable.detect(path, bytes);
                if (lang.isEmpty() || lang.get().safety() != Safety.UNSAFE) {
                    continue;
                }
                LineKinds kinds = LineScanner.scan(bytes, lang.get().syntax());
                Map<String, Integer> exposure = ExposureScanner.scan(bytes, l -> l < kinds.lineCount() && kinds.kind(l) == LineKinds.CODE);
                List<InputFunctionScanner.InputFunction> inputs = lang.get().syntax() == io.memsafe.census.lang.Syntax.C_LIKE
                        ? InputFunctionScanner.scan(bytes) : List.of();
                files.add(new UnsafeFile(path, kinds.count(LineKinds.CODE), exposure, inputs));
            }
        }

        Map<String, String> componentOf = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        assign(files, fileTargets, req, componentOf, kindOf, notes);
        Map<String, Acc> comps = new TreeMap<>();
        long total = 0;
        for (UnsafeFile f : files) {
            String name = componentOf.get(f.path());
            Acc a = comps.computeIfAbsent(name, k -> new Acc());
            a.kind = kindOf.get(name);
            a.unsafeCode += f.code();
            a.files++;
            total += f.code();
            f.exposure().forEach((k, v) -> a.exposure.merge(k, v, Integer::sum));
            f.inputs().forEach(fn -> {
                a.inputFunctions.add(f.path() + ":" + fn.line() + " " + fn.name() + " (" + fn.why() + ")");
                a.inputFunctionNames.add(fn.name());
            });
        }

        int unmatched = 0;
        for (Path sarif : req.sarifs()) {
            for (SarifFindings.Finding finding : SarifFindings.read(sarif)) {
                String file = matchFile(finding.uri(), root, componentOf.keySet());
                if (file == null) {
                    unmatched++;
                } else {
                    Acc a = comps.get(componentOf.get(file));
                    a.findings++;
                    a.findingList.add((finding.ruleId().isEmpty() ? "" : finding.ruleId() + " ") + file
                            + (finding.line() > 0 ? ":" + finding.line() : ""));
                }
            }
        }
        if (unmatched > 0) {
            notes.add(unmatched + " finding(s) outside the memory-unsafe files of this tree were ignored");
        }

        if (at != null) {
            churn(root, at.name(), at.getCommitTime(), req, componentOf, comps, notes);
        } else if (RepositoryOpener.isRepository(root) && Files.exists(root.resolve(".git"))) {
            churn(root, "HEAD", req.nowEpochSeconds(), req, componentOf, comps, notes);
        } else {
            notes.add("not a git work tree: churn is not available and counts as 0");
        }
        for (Acc a : comps.values()) {
            a.findingList.sort(null);
        }
        return new Result(rank(comps, total, req.churnMonths(), req.weights()), total, notes);
    }

    /** More than this share of all memory-unsafe code in one component, and it is split one grain finer. */
    static final double SPLIT_SHARE = 0.5;

    /**
     * Names each file's component. The first grain is the one asked for (or the CMake target, else the directory);
     * a component holding more than half of all memory-unsafe code says little about where to start, so it is split
     * one grain finer - a target by its directories, a directory by its own files' directories, then by file groups -
     * as long as the split gives more than one part. A part that still holds more than half of what it was split from
     * (curl's {@code lib/} within {@code libcurl_shared}) is split again.
     */
    private static void assign(List<UnsafeFile> files, Map<String, String> fileTargets, Request req,
                               Map<String, String> componentOf, Map<String, String> kindOf, List<String> notes) {
        Map<String, Integer> level = new HashMap<>();
        Grain by = req.by() == Grain.file ? Grain.file : null;
        for (UnsafeFile f : files) {
            level.put(f.path(), by == Grain.file ? 2 : 0);
        }
        long total = files.stream().mapToLong(UnsafeFile::code).sum();
        Map<String, Long> parentSize = new HashMap<>(); // for the parts of a split: the size of what was split
        for (int pass = 0; pass < 3; pass++) {
            Map<String, Long> size = new HashMap<>();
            Map<String, List<UnsafeFile>> members = new HashMap<>();
            for (UnsafeFile f : files) {
                String name = name(f.path(), level.get(f.path()), fileTargets, req.depth());
                size.merge(name, f.code(), Long::sum);
                members.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
            }
            boolean split = false;
            for (var e : members.entrySet()) {
                long parent = parentSize.getOrDefault(e.getKey(), total);
                if (total == 0 || size.get(e.getKey()) <= SPLIT_SHARE * Math.min(total, parent)) {
                    continue; // neither most of the code nor most of the component it was split from
                }
                for (int next = level.get(e.getValue().getFirst().path()) + 1; next <= 2; next++) {
                    final int lv = next;
                    long parts = e.getValue().stream().map(f -> name(f.path(), lv, fileTargets, req.depth())).distinct().count();
                    if (parts > 1) {
                        e.getValue().forEach(f -> level.put(f.path(), lv));
                        e.getValue().forEach(f -> parentSize.put(name(f.path(), lv, fileTargets, req.depth()), size.get(e.getKey())));
                        notes.add(String.format(Locale.ROOT, "%s holds %.0f%% of the %s: split into %d %s", e.getKey(),
                                100.0 * size.get(e.getKey()) / Math.min(total, parent), parent < total ? "code of what it was split from"
                                        : "memory-unsafe code", parts, lv == 1 ? "directories" : "file groups"));
                        split = true;
                        break;
                    }
                }
            }
            if (!split) {
                break;
            }
        }
        for (UnsafeFile f : files) {
            int lv = level.get(f.path());
            String name = name(f.path(), lv, fileTargets, req.depth());
            componentOf.put(f.path(), name);
            String target = fileTargets.get(f.path());
            kindOf.put(name, lv == 2 ? "files" : target != null ? (lv == 0 ? "cmake-target" : "cmake-target-directory") : "directory");
        }
    }

    /** A file's component at a grain level: 0 target or directory at depth, 1 its own directory, 2 its file group. */
    private static String name(String path, int level, Map<String, String> fileTargets, int depth) {
        String target = fileTargets.get(path);
        String prefix = target == null ? "" : target + ":";
        return switch (level) {
            case 0 -> target != null ? target : dirName(path, depth);
            case 1 -> prefix + dirName(path, Integer.MAX_VALUE);
            default -> prefix + fileGroup(path);
        };
    }

    /** The file's path without its extension, and ".*": {@code lib/http.c} and {@code lib/http.h} are one group. */
    static String fileGroup(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return (dot > slash + 1 ? path.substring(0, dot) : path) + ".*";
    }

    private static Source worktree(Path root, List<String> notes) throws IOException {
        Census problems = new Census(null);
        List<String> paths = CensusEngine.listDirectory(root, problems);
        notes.addAll(problems.problems());
        return new Source() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public byte[] read(String path) throws IOException {
                Path file = root.resolve(path);
                if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE) {
                    return null;
                }
                return Files.readAllBytes(file);
            }

            @Override
            public void close() {
            }
        };
    }

    private static final long MAX_FILE = 100L * 1024 * 1024;

    /** The files of one commit, read from the object database (work tree or bare repository). */
    private static final class CommitSource implements Source {
        private final Repository repo;
        private final RevCommit commit;
        private final Map<String, ObjectId> blobs = new TreeMap<>();

        CommitSource(Repository repo, RevCommit commit) throws IOException {
            this.repo = repo;
            this.commit = commit;
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.setRecursive(true);
                tw.addTree(commit.getTree());
                while (tw.next()) {
                    var mode = tw.getFileMode(0);
                    if (mode == org.eclipse.jgit.lib.FileMode.REGULAR_FILE || mode == org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) {
                        blobs.put(tw.getPathString(), tw.getObjectId(0));
                    }
                }
            }
        }

        @Override
        public List<String> paths() {
            return new ArrayList<>(blobs.keySet());
        }

        @Override
        public byte[] read(String path) throws IOException {
            ObjectId id = blobs.get(path);
            if (id == null) {
                return null;
            }
            var loader = repo.open(id, org.eclipse.jgit.lib.Constants.OBJ_BLOB);
            return loader.getSize() > MAX_FILE ? null : loader.getCachedBytes(Integer.MAX_VALUE);
        }

        @Override
        public void close() {
            repo.close();
        }
    }

    private static Source commit(Path root, String rev) throws IOException {
        if (!RepositoryOpener.isRepository(root)) {
            throw new io.memsafe.census.UsageException("--at needs a git repository: " + root + " is not one");
        }
        Repository repo = RepositoryOpener.open(root);
        try {
            return new CommitSource(repo, io.memsafe.census.CensusCommand.resolve(repo, rev));
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    /** Directory of a file cut to {@code depth} components, "." for top-level files. */
    static String dirName(String path, int depth) {
        String d = CensusEngine.dirOf(path, depth);
        return d == null ? "." : d;
    }

    private static String matchFile(String uri, Path root, Set<String> files) {
        String u = uri;
        String absRoot = root.toAbsolutePath().normalize().toString().replace('\\', '/') + "/";
        if (u.startsWith(absRoot)) {
            u = u.substring(absRoot.length());
        }
        if (files.contains(u)) {
            return u;
        }
        String best = null;
        for (String f : files) {
            if (u.endsWith("/" + f) || f.endsWith("/" + u)) {
                if (best == null || f.length() > best.length()) {
                    best = f;
                }
            }
        }
        return best;
    }

    /** Counts, per component, the commits within the window that changed one of its memory-unsafe files. */
    private static void churn(Path root, String from, long now, Request req, Map<String, String> componentOf, Map<String, Acc> comps,
                              List<String> notes) throws IOException {
        long cutoff = now - (long) req.churnMonths() * 30 * 24 * 3600;
        try (Repository repo = RepositoryOpener.open(root); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(from + "^{commit}");
            if (head == null) {
                notes.add("repository has no commits: churn counts as 0");
                return;
            }
            if (RepositoryOpener.isShallow(repo)) {
                notes.add("shallow clone: churn only covers the fetched history");
            }
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                if (c.getCommitTime() < cutoff || c.getCommitTime() > now) {
                    continue; // commit dates are not monotonic, so keep walking rather than stop
                }
                if (c.getParentCount() > 1) {
                    continue; // a merge's changes are already counted in the commits it merges
                }
                try (TreeWalk tw = new TreeWalk(repo)) {
                    tw.setRecursive(true);
                    if (c.getParentCount() == 0) {
                        tw.addTree(new EmptyTreeIterator());
                    } else {
                        tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
                    }
                    tw.addTree(c.getTree());
                    tw.setFilter(TreeFilter.ANY_DIFF);
                    for (DiffEntry d : DiffEntry.scan(tw)) {
                        for (String p : new String[]{d.getOldPath(), d.getNewPath()}) {
                            String comp = componentOf.get(p);
                            if (comp != null) {
                                comps.get(comp).churn.add(c.copy());
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<Component> rank(Map<String, Acc> comps, long total, int churnMonths, Weights w) {
        long maxSize = 1;
        double maxDensity = 0;
        int maxExposure = 0;
        int maxChurn = 0;
        for (Acc a : comps.values()) {
            maxSize = Math.max(maxSize, a.unsafeCode);
            maxDensity = Math.max(maxDensity, density(a));
            maxExposure = Math.max(maxExposure, a.exposureWeight());
            maxChurn = Math.max(maxChurn, a.churn.size());
        }
        record Scored(String name, Acc acc, double score, List<String> why) {
        }
        List<Scored> scored = new ArrayList<>();
        for (var e : comps.entrySet()) {
            Acc a = e.getValue();
            double size = w.size() * a.unsafeCode / maxSize;
            double find = maxDensity == 0 ? 0 : w.findings() * density(a) / maxDensity;
            double expo = maxExposure == 0 ? 0 : w.exposure() * a.exposureWeight() / maxExposure;
            double chur = maxChurn == 0 ? 0 : w.churn() * a.churn.size() / maxChurn;
            List<Map.Entry<Double, String>> reasons = new ArrayList<>();
            reasons.add(Map.entry(size, String.format(Locale.ROOT, "size: %d memory-unsafe lines (%.0f%% of all)",
                    a.unsafeCode, total == 0 ? 0.0 : 100.0 * a.unsafeCode / total)));
            if (a.findings > 0) {
                reasons.add(Map.entry(find, String.format(Locale.ROOT, "findings: %d (%.1f per 1k lines)", a.findings, density(a))));
            }
            if (!a.exposure.isEmpty()) {
                StringBuilder calls = new StringBuilder();
                a.exposure.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(x -> -x.getValue() * ExposureScanner.WEIGHTS.getOrDefault(x.getKey(), 1))
                                .thenComparing(Map.Entry::getKey))
                        .limit(4)
                        .forEach(x -> calls.append(calls.isEmpty() ? "" : ", ").append(x.getKey()).append(" x").append(x.getValue()));
                reasons.add(Map.entry(expo, "input: " + calls));
            }
            if (!a.inputFunctions.isEmpty()) {
                reasons.add(Map.entry(expo, a.inputFunctions.size() + " input function(s): "
                        + String.join(", ", a.inputFunctionNames.subList(0, Math.min(3, a.inputFunctionNames.size())))
                        + (a.inputFunctionNames.size() > 3 ? ", ..." : "")));
            }
            if (!a.churn.isEmpty()) {
                reasons.add(Map.entry(chur, a.churn.size() + " commits in " + churnMonths + " months"));
            }
            reasons.sort(Comparator.<Map.Entry<Double, String>>comparingDouble(Map.Entry::getKey).reversed()
                    .thenComparing(Map.Entry::getValue));
            scored.add(new Scored(e.getKey(), a, size + find + expo + chur, reasons.stream().map(Map.Entry::getValue).toList()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::name));
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            Acc a = s.acc();
            out.add(new Component(i + 1, s.name(), a.kind, Math.round(s.score() * 1000) / 1000.0, a.unsafeCode, a.files, a.findings,
                    Math.round(density(a) * 100) / 100.0, a.exposure, a.exposureWeight(), a.churn.size(), s.why(),
                    List.copyOf(a.inputFunctions), List.copyOf(a.findingList)));
        }
        return out;
    }

    private static double density(Acc a) {
        return a.unsafeCode == 0 ? 0 : a.findings * 1000.0 / a.unsafeCode;
    }
}
