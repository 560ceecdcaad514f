package io.memsafe.scan.diff;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What changed since a revision, as the work tree holds it now (committed or not): per file, the lines
 * of the current text that were added or modified. A diff-aware scan reports only findings in the
 * functions these lines fall in. Deleted lines mark the line after them, so a removed bounds check
 * touches the function it was removed from.
 */
public final class ChangedLines {
    private final Map<Path, BitSet> byFile;

    private ChangedLines(Map<Path, BitSet> byFile) {
        this.byFile = byFile;
    }

    /** Diffs {@code rev} (any revision JGit resolves: a hash, HEAD~1, a branch) against the work tree of the repository holding {@code dir}. */
    public static ChangedLines since(Path dir, String rev) throws IOException {
        try (Git git = Git.open(findTop(dir)); Repository repo = git.getRepository();
             ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) throw new IOException("unknown revision '" + rev + "'");
            CanonicalTreeParser old = new CanonicalTreeParser();
            old.reset(reader, walk.parseCommit(id).getTree());
            Map<Path, BitSet> byFile = new LinkedHashMap<>();
            Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            try (DiffFormatter fmt = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                fmt.setRepository(repo);
                fmt.setDetectRenames(true);
                for (DiffEntry e : fmt.scan(old, new FileTreeIterator(repo))) {
                    if (e.getChangeType() == DiffEntry.ChangeType.DELETE) continue;
                    BitSet lines = new BitSet();
                    for (Edit edit : fmt.toFileHeader(e).toEditList()) {
                        // 1-based lines of the new text; a pure deletion marks the line that follows it
                        if (edit.getEndB() > edit.getBeginB()) lines.set(edit.getBeginB() + 1, edit.getEndB() + 1);
                        else lines.set(edit.getBeginB() + 1);
                    }
                    byFile.put(top.resolve(e.getNewPath()).normalize(), lines);
                }
            }
            return new ChangedLines(byFile);
        }
    }

    private static File findTop(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.resolve(".git").toFile().exists()) return p.toFile();
        }
        throw new IOException("not inside a git repository: " + dir);
    }


    /** Whether any line in [first, last] of the file changed. */
    public boolean touches(String file, int first, int last) {
        BitSet b = byFile.get(Path.of(file).toAbsolutePath().normalize());
        if (b == null) return false;
        int next = b.nextSetBit(first);
        return next >= 0 && next <= last;
    }
}
