package io.memsafe.census.history;

import io.memsafe.census.BlobCache;
import io.memsafe.census.lang.BlobCounts;
import io.memsafe.census.lang.RustUnsafe;
import io.memsafe.census.model.Census;
import io.memsafe.census.model.LanguageCount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The embedded SQLite store behind {@code memsafe history}: blob counts (the blob cache, persisted), per-commit
 * added/deleted code lines, and per-commit snapshots. Everything in it is a pure function of immutable git
 * objects, so entries never go stale; a second run only computes what is missing. A change of the counting
 * rules bumps {@link #COUNTER_VERSION}, which empties the store instead of mixing old and new numbers.
 */
public final class HistoryStore implements AutoCloseable {

    /** Bump whenever line counting or language detection changes, so stored numbers are recomputed. */
    static final String COUNTER_VERSION = "3";

    private final Connection db;

    private HistoryStore(Connection db) {
        this.db = db;
    }

    public static HistoryStore open(Path file) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            HistoryStore store = new HistoryStore(c);
            store.init();
            return store;
        } catch (SQLException e) {
            throw new IOException("cannot open history database " + file + ": " + e.getMessage(), e);
        }
    }

    private void init() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            String version = meta("counter_version");
            if (version != null && !version.equals(COUNTER_VERSION)) {
                for (String t : List.of("blobs", "commits", "deltas", "snapshots", "snapshot_rust")) {
                    s.execute("DROP TABLE IF EXISTS " + t);
                }
            }
            s.execute("CREATE TABLE IF NOT EXISTS blobs(key TEXT PRIMARY KEY, language TEXT NOT NULL, code INTEGER, comment INTEGER,"
                    + " blank INTEGER, rs_blocks INTEGER, rs_fns INTEGER, rs_fn_types INTEGER, rs_impls INTEGER, rs_traits INTEGER, rs_lines INTEGER)");
            s.execute("CREATE TABLE IF NOT EXISTS commits(key TEXT PRIMARY KEY, commit_time INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS deltas(key TEXT NOT NULL, language TEXT NOT NULL, added INTEGER, deleted INTEGER,"
                    + " added_lines INTEGER NOT NULL, deleted_lines INTEGER NOT NULL, PRIMARY KEY(key, language))");
            s.execute("CREATE TABLE IF NOT EXISTS snapshots(key TEXT NOT NULL, language TEXT NOT NULL, files INTEGER, code INTEGER,"
                    + " comment INTEGER, blank INTEGER, PRIMARY KEY(key, language))");
            s.execute("CREATE TABLE IF NOT EXISTS snapshot_rust(key TEXT PRIMARY KEY, blocks INTEGER, fns INTEGER, fn_types INTEGER, impls INTEGER,"
                    + " traits INTEGER, lines INTEGER)");
        }
        setMeta("counter_version", COUNTER_VERSION);
        db.setAutoCommit(false);
        db.commit();
    }

    private String meta(String key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key=?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private void setMeta(String key, String value) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    /** Loads every persisted blob count into the cache. */
    public void loadBlobs(BlobCache cache) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT key, language, code, comment, blank, rs_blocks, rs_fns, rs_fn_types, rs_impls, rs_traits, rs_lines FROM blobs")) {
            while (r.next()) {
                String lang = r.getString(2);
                BlobCounts c = lang.isEmpty() ? BlobCache.NOT_COUNTED : new BlobCounts(lang, r.getLong(3), r.getLong(4), r.getLong(5),
                        new RustUnsafe(r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11)));
                cache.preload(r.getString(1), c);
            }
        }
    }

    public void saveBlobs(List<Map.Entry<String, BlobCounts>> entries) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO blobs VALUES(?,?,?,?,?,?,?,?,?,?,?)")) {
            for (var e : entries) {
                BlobCounts c = e.getValue();
                p.setString(1, e.getKey());
                p.setString(2, c.language());
                p.setLong(3, c.code());
                p.setLong(4, c.comment());
                p.setLong(5, c.blank());
                p.setLong(6, c.rustUnsafe().blocks());
                p.setLong(7, c.rustUnsafe().fns());
                p.setLong(8, c.rustUnsafe().fnPointerTypes());
                p.setLong(9, c.rustUnsafe().impls());
                p.setLong(10, c.rustUnsafe().traits());
                p.setLong(11, c.rustUnsafe().unsafeLines());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Keys of commits whose delta is already stored. */
    public Set<String> processedCommits() throws SQLException {
        Set<String> keys = new java.util.HashSet<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT key FROM commits")) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        }
        return keys;
    }

    /** Stores a commit's delta: language to {added, deleted, added_lines, deleted_lines}. */
    public void saveDelta(String key, long commitTime, Map<String, long[]> delta) throws SQLException {
        try (PreparedStatement c = db.prepareStatement("INSERT OR REPLACE INTO commits VALUES(?,?)");
             PreparedStatement d = db.prepareStatement("INSERT OR REPLACE INTO deltas VALUES(?,?,?,?,?,?)")) {
            c.setString(1, key);
            c.setLong(2, commitTime);
            c.executeUpdate();
            for (var e : delta.entrySet()) {
                d.setString(1, key);
                d.setString(2, e.getKey());
                d.setLong(3, e.getValue()[0]);
                d.setLong(4, e.getValue()[1]);
                d.setLong(5, e.getValue()[2]);
                d.setLong(6, e.getValue()[3]);
                d.addBatch();
            }
            d.executeBatch();
        }
    }

    /** All stored deltas: commit key to language to {added, deleted, added_lines, deleted_lines}. */
    public Map<String, Map<String, long[]>> loadDeltas() throws SQLException {
        Map<String, Map<String, long[]>> out = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT key, language, added, deleted, added_lines, deleted_lines FROM deltas")) {
            while (r.next()) {
                out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), new long[]{r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
            }
        }
        return out;
    }

    public Census loadSnapshot(String key, String commit) throws SQLException {
        Census census = null;
        try (PreparedStatement p = db.prepareStatement("SELECT language, files, code, comment, blank FROM snapshots WHERE key=?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (census == null) {
                        census = new Census(commit);
                    }
                    if (!r.getString(1).isEmpty()) {
                        census.languages().put(r.getString(1), new LanguageCount(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                    }
                }
            }
        }
        if (census != null) {
            try (PreparedStatement p = db.prepareStatement("SELECT blocks, fns, fn_types, impls, traits, lines FROM snapshot_rust WHERE key=?")) {
                p.setString(1, key);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        census.setRustUnsafe(new RustUnsafe(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)));
                    }
                }
            }
        }
        return census;
    }

    public void saveSnapshot(String key, Census census) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO snapshots VALUES(?,?,?,?,?,?)");
             PreparedStatement rs = db.prepareStatement("INSERT OR REPLACE INTO snapshot_rust VALUES(?,?,?,?,?,?,?)")) {
            // an empty marker row makes an empty tree distinguishable from a missing snapshot
            p.setString(1, key);
            p.setString(2, "");
            for (int i = 3; i <= 6; i++) {
                p.setLong(i, 0);
            }
            p.addBatch();
            for (var e : census.languages().entrySet()) {
                p.setString(1, key);
                p.setString(2, e.getKey());
                p.setLong(3, e.getValue().files);
                p.setLong(4, e.getValue().code);
                p.setLong(5, e.getValue().comment);
                p.setLong(6, e.getValue().blank);
                p.addBatch();
            }
            p.executeBatch();
            RustUnsafe u = census.rustUnsafe();
            rs.setString(1, key);
            rs.setLong(2, u.blocks());
            rs.setLong(3, u.fns());
            rs.setLong(4, u.fnPointerTypes());
            rs.setLong(5, u.impls());
            rs.setLong(6, u.traits());
            rs.setLong(7, u.unsafeLines());
            rs.executeUpdate();
        }
    }

    public void commit() throws SQLException {
        db.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            db.commit();
            db.close();
        } catch (SQLException e) {
            throw new IOException("cannot close history database: " + e.getMessage(), e);
        }
    }
}
