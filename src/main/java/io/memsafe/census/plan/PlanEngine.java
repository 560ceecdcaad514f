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

    public record Request(Path root, List<Path> sarifs, int depth, int churnMonths, long nowEpochSeconds) {
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
    }

    private PlanEngine() {
    }

    public static Result plan(Request req) throws IOException {
        Path root = req.root();
        List<String> notes = new ArrayList<>();
        Census problems = new Census(null);
        List<String> paths = CensusEngine.listDirectory(root, problems);
        notes.addAll(problems.problems());

        Map<String, String> targets = Map.of();
        Path compileDb = CompileDatabase.find(root);
        if (compileDb != null) {
            try {
                targets = CompileDatabase.targets(compileDb, root);
                notes.add("components from CMake targets in " + root.relativize(compileDb) + " (" + new HashSet<>(targets.values()).size() + " targets)");
            } catch (IOException e) {
                notes.add(root.relativize(compileDb) + ": unreadable compile database, using directories (" + e.getMessage() + ")");
            }
        }
        final Map<String, String> fileTargets = targets;

        Map<String, Acc> comps = new TreeMap<>();
        Map<String, String> componentOf = new HashMap<>();
        long total = 0;
        for (String path : paths.stream().sorted().toList()) {
            if (io.memsafe.census.lang.FileCounter.pathKey(path).isEmpty()) {
                continue;
            }
            byte[] bytes;
            try {
                Path file = root.resolve(path);
                if (!Files.isRegularFile(file) || Files.size(file) > 100L * 1024 * 1024) {
                    continue;
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                notes.add(path + ": cannot read (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            if (io.memsafe.census.lang.FileCounter.isBinary(bytes)) {
                continue;
            }
            Optional<Language> lang = LanguageTable.detect(path, bytes);
            if (lang.isEmpty() || lang.get().safety() != Safety.UNSAFE) {
                continue;
            }
            LineKinds kinds = LineScanner.scan(bytes, lang.get().syntax());
            long code = kinds.count(LineKinds.CODE);
            String target = fileTargets.get(path);
            String name = target != null ? target : dirName(path, req.depth());
            componentOf.put(path, name);
            Acc a = comps.computeIfAbsent(name, k -> new Acc());
            a.kind = target != null ? "cmake-target" : "directory";
            a.unsafeCode += code;
            a.files++;
            total += code;
            ExposureScanner.scan(bytes, l -> l < kinds.lineCount() && kinds.kind(l) == LineKinds.CODE)
                    .forEach((k, v) -> a.exposure.merge(k, v, Integer::sum));
        }

        int unmatched = 0;
        for (Path sarif : req.sarifs()) {
            for (String uri : SarifFindings.read(sarif)) {
                String file = matchFile(uri, root, componentOf.keySet());
                if (file == null) {
                    unmatched++;
                } else {
                    comps.get(componentOf.get(file)).findings++;
                }
            }
        }
        if (unmatched > 0) {
            notes.add(unmatched + " finding(s) outside the memory-unsafe files of this tree were ignored");
        }

        if (RepositoryOpener.isRepository(root) && Files.exists(root.resolve(".git"))) {
            churn(root, req, componentOf, comps, notes);
        } else {
            notes.add("not a git work tree: churn is not available and counts as 0");
        }
        return new Result(rank(comps, total, req.churnMonths()), total, notes);
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
    private static void churn(Path root, Request req, Map<String, String> componentOf, Map<String, Acc> comps, List<String> notes) throws IOException {
        long cutoff = req.nowEpochSeconds() - (long) req.churnMonths() * 30 * 24 * 3600;
        try (Repository repo = RepositoryOpener.open(root); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("HEAD^{commit}");
            if (head == null) {
                notes.add("repository has no commits: churn counts as 0");
                return;
            }
            if (RepositoryOpener.isShallow(repo)) {
                notes.add("shallow clone: churn only covers the fetched history");
            }
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                if (c.getCommitTime() < cutoff) {
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

    private static List<Component> rank(Map<String, Acc> comps, long total, int churnMonths) {
        long maxSize = 1;
        double maxDensity = 0;
        int maxExposure = 0;
        int maxChurn = 0;
        for (Acc a : comps.values()) {
            maxSize = Math.max(maxSize, a.unsafeCode);
            maxDensity = Math.max(maxDensity, density(a));
            maxExposure = Math.max(maxExposure, ExposureScanner.weight(a.exposure));
            maxChurn = Math.max(maxChurn, a.churn.size());
        }
        record Scored(String name, Acc acc, double score, List<String> why) {
        }
        List<Scored> scored = new ArrayList<>();
        for (var e : comps.entrySet()) {
            Acc a = e.getValue();
            double size = W_SIZE * a.unsafeCode / maxSize;
            double find = maxDensity == 0 ? 0 : W_FINDINGS * density(a) / maxDensity;
            double expo = maxExposure == 0 ? 0 : W_EXPOSURE * ExposureScanner.weight(a.exposure) / maxExposure;
            double chur = maxChurn == 0 ? 0 : W_CHURN * a.churn.size() / maxChurn;
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
                    Math.round(density(a) * 100) / 100.0, a.exposure, a.churn.size(), s.why()));
        }
        return out;
    }

    private static double density(Acc a) {
        return a.unsafeCode == 0 ? 0 : a.findings * 1000.0 / a.unsafeCode;
    }
}
