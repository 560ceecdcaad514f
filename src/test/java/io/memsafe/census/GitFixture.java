package io.memsafe.census;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds small bare repositories commit by commit, straight into the object database, with exact commit dates:
 * what the history tests need to know which period each commit lands in.
 */
public final class GitFixture implements AutoCloseable {
    public final Repository repo;
    public final Path dir;

    public GitFixture(Path dir) throws Exception {
        this.dir = dir;
        this.repo = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call().getRepository();
    }

    /** A tree holding exactly {@code files} (path to content). */
    public ObjectId tree(Map<String, String> files) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder b = index.builder();
        try (ObjectInserter ins = repo.newObjectInserter()) {
            for (var e : new TreeMap<>(files).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(ins.insert(Constants.OBJ_BLOB, e.getValue().getBytes(StandardCharsets.UTF_8)));
                b.add(entry);
            }
            b.finish();
            ObjectId tree = index.writeTree(ins);
            ins.flush();
            return tree;
        }
    }

    /** Commits {@code files} with the given parents at {@code when} (committer and author), without moving any branch. */
    public ObjectId commit(Map<String, String> files, String when, ObjectId... parents) throws IOException {
        OffsetDateTime t = OffsetDateTime.parse(when);
        PersonIdent who = new PersonIdent("Test", "test@example.org", t.toInstant(), t.getOffset());
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree(files));
        cb.setParentIds(parents);
        cb.setAuthor(who);
        cb.setCommitter(who);
        cb.setMessage("commit at " + when + "\n");
        try (ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        }
    }

    public void setBranch(String branch, ObjectId commit) throws IOException {
        RefUpdate u = repo.updateRef(Constants.R_HEADS + branch);
        u.setNewObjectId(commit);
        u.setForceUpdate(true);
        u.update();
    }

    /** {@code n} distinct C code lines with a given prefix. */
    public static String cLines(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("int ").append(prefix).append(i).append(" = ").append(i).append(";\n");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        repo.close();
    }
}
