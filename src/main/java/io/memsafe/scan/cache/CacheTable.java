package io.memsafe.scan.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * One table of the scan cache in its own SQLite file, as {@link ResultCache} and {@link UnitCache} keep
 * them: rows carry the number of the last scan that used them; a scan writes everything in one
 * transaction at its end and drops the rows no scan used in the last {@value #SCANS_KEPT} scans, so a
 * few trees or configurations stay warm and the file does not grow without end.
 */
final class CacheTable {
    static final int SCANS_KEPT = 3;

    private CacheTable() { }

    /**
     * Sets the connection up (several scans may share the file: WAL, a busy timeout), creates the
     * table from its {@code columns} (key, then the others, then {@code scan}) and returns the number
     * of this scan.
     */
    static long open(Connection db, String table, String columns) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout=30000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS " + table + "(key TEXT PRIMARY KEY, " + columns + ", scan INTEGER NOT NULL)");
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(scan), 0) FROM " + table)) {
                return r.next() ? r.getLong(1) + 1 : 1;
            }
        }
    }

    /**
     * One scan's writes, in one transaction: the rows {@code put} (key to the values of {@code columns}),
     * the rows {@code touched} (used again; key to new values of {@code touchedColumns}), both marked
     * with this scan; then the rows long unused are dropped.
     */
    static void write(Connection db, String table, long scan, List<String> columns, Map<String, Object[]> put,
                      List<String> touchedColumns, Map<String, Object[]> touched) throws SQLException {
        String insert = "INSERT OR REPLACE INTO " + table + "(key, " + String.join(", ", columns) + ", scan) VALUES (?, "
                + "?, ".repeat(columns.size()) + "?)";
        StringBuilder update = new StringBuilder("UPDATE " + table + " SET scan = ?");
        for (String c : touchedColumns) update.append(", ").append(c).append(" = ?");
        update.append(" WHERE key = ?");
        synchronized (db) {
            db.setAutoCommit(false);
            try (PreparedStatement ins = db.prepareStatement(insert);
                 PreparedStatement upd = db.prepareStatement(update.toString());
                 PreparedStatement drop = db.prepareStatement("DELETE FROM " + table + " WHERE scan <= ?")) {
                batch(ins, put, scan, true);
                batch(upd, touched, scan, false);
                drop.setLong(1, scan - SCANS_KEPT);
                drop.executeUpdate();
            }
            db.commit();
        }
    }

    /** Rows as parameters: key, values, scan (an insert) or scan, values, key (an update). */
    private static void batch(PreparedStatement st, Map<String, Object[]> rows, long scan, boolean insert) throws SQLException {
        for (Map.Entry<String, Object[]> row : rows.entrySet()) {
            Object[] values = row.getValue();
            int at = 1;
            if (insert) st.setString(at++, row.getKey());
            else st.setLong(at++, scan);
            for (Object v : values) st.setObject(at++, v);
            if (insert) st.setLong(at, scan);
            else st.setString(at, row.getKey());
            st.addBatch();
        }
        st.executeBatch();
    }

    static void close(Connection db) {
        try {
            db.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }
}
