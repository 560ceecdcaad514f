package io.memsafe.census.history;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the deleted and added files of a diff into renames the way git's default rename detection does
 * ({@code diff.renames}, {@code -M50%}, no copies), so that only the edits of a renamed file count, for the same
 * files as in {@code git log --numstat}.
 *
 * <p>Why not JGit's {@code RenameDetector}: it differs from git where it matters for line counts. Its threshold is
 * 60 % (git's 50 %), so files moved and edited by half are whole files added and deleted for JGit but renames for
 * git; it lets one deleted file be the source of several added ones (as copies; git without {@code -C} uses a
 * source once), and it splits a file that became a symbolic link into a delete and an add that can then pair
 * with another file (git keeps it as a type change). Its similarity is computed with another hash, which moves
 * pairs near the threshold. So this class follows git's steps: exact renames first (same blob; the same base name
 * preferred), then files whose base name is unique among the remaining deleted and added files and which are at
 * least 75 % similar, then the best remaining pairs by similarity (at most four candidates kept per added file,
 * ties to the same base name), each file used once. Similarity is git's: the bytes of both files cut into spans
 * at line ends or every 64 bytes, hashed, and the bytes of the deleted file's spans found in the added one over the
 * larger size; a pair whose sizes differ by more than half is not compared. This is a reimplementation of those
 * rules, checked against the git command line in {@code GitRenamesTest} and on fish-shell's history.
 */
final class GitRenames {

    private static final int MAX_SCORE = 60000;
    /** 50 %: git's default rename score. */
    private static final int MIN_SCORE = MAX_SCORE / 2;
    /** Halfway between the minimum and 100 %: the score a pair matched by its unique base name needs. */
    private static final int BASENAME_SCORE = MIN_SCORE + (MAX_SCORE - MIN_SCORE) / 2;
    private static final int CANDIDATES_PER_ADDED = 4;
    /** git's diff.renameLimit default: past this many added times deleted squared, only exact renames are found. */
    private static final long RENAME_LIMIT = 1000;
    /** Files larger than this are not compared for inexact renames (memory); git has no such limit below 512 MiB. */
    private static final long MAX_COMPARED = 256L << 20;
    private static final int HASH_BASE = 107927;

    /** One file's change: a side is null where the file does not exist (added, deleted). */
    record Change(String oldPath, FileMode oldMode, ObjectId oldId, String newPath, FileMode newMode, ObjectId newId) {
        boolean isRename() {
            return oldPath != null && newPath != null && !oldPath.equals(newPath);
        }
    }

    private GitRenames() {
    }

    /** The entries of a tree diff (adds, deletes, modifications; no rename detection) with renames paired. */
    static List<Change> pair(ObjectReader reader, List<DiffEntry> entries) throws IOException {
        List<Change> out = new ArrayList<>();
        List<DiffEntry> deleted = new ArrayList<>();
        List<DiffEntry> added = new ArrayList<>();
        for (DiffEntry e : entries) {
            switch (e.getChangeType()) {
                case ADD -> added.add(e);
                case DELETE -> deleted.add(e);
                default -> out.add(new Change(e.getOldPath(), e.getOldMode(), e.getOldId().toObjectId(),
                        e.getNewPath(), e.getNewMode(), e.getNewId().toObjectId()));
            }
        }
        // JGit's scan splits a type change (a file that became a symbolic link) into a delete and an add of the same
        // path; git keeps it one change, which is no rename candidate
        Map<String, DiffEntry> deletedByPath = new HashMap<>();
        deleted.forEach(d -> deletedByPath.put(d.getOldPath(), d));
        for (var it = added.iterator(); it.hasNext(); ) {
            DiffEntry a = it.next();
            DiffEntry d = deletedByPath.remove(a.getNewPath());
            if (d != null) {
                it.remove();
                deleted.remove(d);
                out.add(new Change(d.getOldPath(), d.getOldMode(), d.getOldId().toObjectId(), a.getNewPath(), a.getNewMode(), a.getNewId().toObjectId()));
            }
        }
        if (!deleted.isEmpty() && !added.isEmpty()) {
            deleted.sort(Comparator.comparing(DiffEntry::getOldPath));
            added.sort(Comparator.comparing(DiffEntry::getNewPath));
            new Pairing(reader, deleted, added, out).run();
        } else {
            deleted.forEach(d -> out.add(new Change(d.getOldPath(), d.getOldMode(), d.getOldId().toObjectId(), null, null, null)));
            added.forEach(a -> out.add(new Change(null, null, null, a.getNewPath(), a.getNewMode(), a.getNewId().toObjectId())));
        }
        return out;
    }

    private static final class Pairing {
        private final ObjectReader reader;
        private final List<DiffEntry> src;
        private final List<DiffEntry> dst;
        private final List<Change> out;
        private final boolean[] srcUsed;
        private final boolean[] dstRenamed;
        private final Map<ObjectId, Spans> spans = new HashMap<>();

        Pairing(ObjectReader reader, List<DiffEntry> src, List<DiffEntry> dst, List<Change> out) {
            this.reader = reader;
            this.src = src;
            this.dst = dst;
            this.out = out;
            this.srcUsed = new boolean[src.size()];
            this.dstRenamed = new boolean[dst.size()];
        }

        void run() throws IOException {
            exact();
            byBaseName();
            bySimilarity();
            for (int i = 0; i < src.size(); i++) {
                if (!srcUsed[i]) {
                    DiffEntry d = src.get(i);
                    out.add(new Change(d.getOldPath(), d.getOldMode(), d.getOldId().toObjectId(), null, null, null));
                }
            }
            for (int j = 0; j < dst.size(); j++) {
                if (!dstRenamed[j]) {
                    DiffEntry a = dst.get(j);
                    out.add(new Change(null, null, null, a.getNewPath(), a.getNewMode(), a.getNewId().toObjectId()));
                }
            }
        }

        private void rename(int s, int d) {
            srcUsed[s] = true;
            dstRenamed[d] = true;
            DiffEntry a = src.get(s);
            DiffEntry b = dst.get(d);
            out.add(new Change(a.getOldPath(), a.getOldMode(), a.getOldId().toObjectId(), b.getNewPath(), b.getNewMode(), b.getNewId().toObjectId()));
        }

        /** Same blob: for each added file in path order, an unused deleted one, one with the same base name first. */
        private void exact() {
            Map<ObjectId, List<Integer>> byBlob = new HashMap<>();
            for (int i = 0; i < src.size(); i++) {
                byBlob.computeIfAbsent(src.get(i).getOldId().toObjectId(), k -> new ArrayList<>()).add(i);
            }
            for (int j = 0; j < dst.size(); j++) {
                DiffEntry target = dst.get(j);
                List<Integer> same = byBlob.get(target.getNewId().toObjectId());
                if (same == null) {
                    continue;
                }
                int best = -1;
                int bestScore = -1;
                for (int i : same) {
                    DiffEntry source = src.get(i);
                    boolean regular = isRegular(source.getOldMode()) && isRegular(target.getNewMode());
                    if (srcUsed[i] || !regular && !source.getOldMode().equals(target.getNewMode())) {
                        continue;
                    }
                    int score = 1 + (baseName(source.getOldPath()).equals(baseName(target.getNewPath())) ? 1 : 0);
                    if (score > bestScore) {
                        best = i;
                        bestScore = score;
                        if (score == 2) {
                            break;
                        }
                    }
                }
                if (best >= 0) {
                    rename(best, j);
                }
            }
        }

        /** A base name that is unique among the remaining deleted files and among the remaining added ones. */
        private void byBaseName() throws IOException {
            Map<String, Integer> sources = uniqueBaseNames(src, srcUsed, true);
            Map<String, Integer> dests = uniqueBaseNames(dst, dstRenamed, false);
            for (int i = 0; i < src.size(); i++) {
                if (srcUsed[i]) {
                    continue;
                }
                String base = baseName(src.get(i).getOldPath());
                Integer si = sources.get(base);
                Integer dj = dests.get(base);
                if (si == null || si != i || dj == null || dj < 0 || dstRenamed[dj]) {
                    continue;
                }
                if (similarity(i, dj) >= BASENAME_SCORE) {
                    rename(i, dj);
                }
            }
        }

        /** Base name to index, or -1 when the name occurs more than once among the files not yet paired. */
        private static Map<String, Integer> uniqueBaseNames(List<DiffEntry> files, boolean[] paired, boolean old) {
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < files.size(); i++) {
                if (!paired[i]) {
                    String base = baseName(old ? files.get(i).getOldPath() : files.get(i).getNewPath());
                    names.merge(base, i, (a, b) -> -1);
                }
            }
            return names;
        }

        private record Candidate(int dst, int src, int score, int nameScore) {
        }

        /** git's order of candidates: used slots first, higher score first, then the same base name first. */
        private static int compare(Candidate a, Candidate b) {
            if (a == null) {
                return b != null ? 1 : 0;
            }
            if (b == null) {
                return -1;
            }
            if (a.score() == b.score()) {
                return b.nameScore() - a.nameScore();
            }
            return b.score() - a.score();
        }

        /** The best remaining pairs, each file used once, down to the minimum score. */
        private void bySimilarity() throws IOException {
            List<Integer> dsts = new ArrayList<>();
            for (int j = 0; j < dst.size(); j++) {
                if (!dstRenamed[j]) {
                    dsts.add(j);
                }
            }
            List<Integer> srcs = new ArrayList<>();
            for (int i = 0; i < src.size(); i++) {
                if (!srcUsed[i]) {
                    srcs.add(i);
                }
            }
            if (dsts.isEmpty() || srcs.isEmpty() || (long) dsts.size() * srcs.size() > RENAME_LIMIT * RENAME_LIMIT) {
                return;
            }
            Candidate[] matrix = new Candidate[dsts.size() * CANDIDATES_PER_ADDED];
            for (int k = 0; k < dsts.size(); k++) {
                int j = dsts.get(k);
                int base = k * CANDIDATES_PER_ADDED;
                for (int i : srcs) {
                    boolean sameName = baseName(src.get(i).getOldPath()).equals(baseName(dst.get(j).getNewPath()));
                    Candidate c = new Candidate(j, i, similarity(i, j), sameName ? 1 : 0);
                    int worst = 0;
                    for (int w = 1; w < CANDIDATES_PER_ADDED; w++) {
                        if (compare(matrix[base + w], matrix[base + worst]) > 0) {
                            worst = w;
                        }
                    }
                    if (compare(matrix[base + worst], c) > 0) {
                        matrix[base + worst] = c;
                    }
                }
            }
            Arrays.sort(matrix, GitRenames.Pairing::compare); // stable, as git's
            for (Candidate c : matrix) {
                if (c == null || c.score() < MIN_SCORE) {
                    break;
                }
                if (!dstRenamed[c.dst()] && !srcUsed[c.src()]) {
                    rename(c.src(), c.dst());
                }
            }
        }

        /** git's similarity of a deleted and an added file, 0 to {@link #MAX_SCORE}. */
        private int similarity(int i, int j) throws IOException {
            DiffEntry a = src.get(i);
            DiffEntry b = dst.get(j);
            if (!isRegular(a.getOldMode()) || !isRegular(b.getNewMode())) {
                return 0;
            }
            long sizeA = reader.getObjectSize(a.getOldId().toObjectId(), Constants.OBJ_BLOB);
            long sizeB = reader.getObjectSize(b.getNewId().toObjectId(), Constants.OBJ_BLOB);
            long max = Math.max(sizeA, sizeB);
            long delta = max - Math.min(sizeA, sizeB);
            if (max * (MAX_SCORE - MIN_SCORE) < delta * MAX_SCORE || max > MAX_COMPARED || max == 0) {
                return 0;
            }
            long copied = spans(a.getOldId().toObjectId()).common(spans(b.getNewId().toObjectId()));
            return (int) (copied * MAX_SCORE / max);
        }

        private Spans spans(ObjectId id) throws IOException {
            Spans s = spans.get(id);
            if (s == null) {
                s = Spans.of(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
                spans.put(id, s);
            }
            return s;
        }
    }

    /** A file cut into spans (a line, or 64 bytes), as hash to the number of bytes in spans with that hash, sorted. */
    private record Spans(int[] hashes, long[] bytes) {

        static Spans of(byte[] data) {
            boolean text = !isBinary(data);
            Map<Integer, Long> counts = new HashMap<>();
            int accum1 = 0;
            int accum2 = 0;
            int n = 0;
            for (int p = 0; p < data.length; p++) {
                int c = data[p] & 0xff;
                if (text && c == '\r' && p + 1 < data.length && data[p + 1] == '\n') {
                    continue; // a CR before an LF is not counted in text
                }
                int old1 = accum1;
                accum1 = (accum1 << 7) ^ (accum2 >>> 25);
                accum2 = (accum2 << 7) ^ (old1 >>> 25);
                accum1 += c;
                if (++n < 64 && c != '\n') {
                    continue;
                }
                counts.merge(hash(accum1, accum2), (long) n, Long::sum);
                n = 0;
                accum1 = 0;
                accum2 = 0;
            }
            if (n > 0) {
                counts.merge(hash(accum1, accum2), (long) n, Long::sum);
            }
            int[] hashes = new int[counts.size()];
            int k = 0;
            for (int h : counts.keySet()) {
                hashes[k++] = h;
            }
            Arrays.sort(hashes);
            long[] bytes = new long[hashes.length];
            for (int i = 0; i < hashes.length; i++) {
                bytes[i] = counts.get(hashes[i]);
            }
            return new Spans(hashes, bytes);
        }

        private static int hash(int accum1, int accum2) {
            return (int) (((accum1 + accum2 * 0x61) & 0xffffffffL) % HASH_BASE);
        }

        /** Bytes of this file's spans found in the other: per hash, the smaller of the two counts. */
        long common(Spans other) {
            long copied = 0;
            int i = 0;
            int j = 0;
            while (i < hashes.length && j < other.hashes.length) {
                if (hashes[i] == other.hashes[j]) {
                    copied += Math.min(bytes[i++], other.bytes[j++]);
                } else if (hashes[i] < other.hashes[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return copied;
        }
    }

    /** git's test: a NUL in the first 8,000 bytes. */
    private static boolean isBinary(byte[] data) {
        for (int i = 0, n = Math.min(data.length, 8000); i < n; i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRegular(FileMode mode) {
        return mode != null && (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
