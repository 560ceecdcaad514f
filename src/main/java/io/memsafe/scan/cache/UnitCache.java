package io.memsafe.scan.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.UnitStore;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front end's part of the cache: each unit's lowered code ({@code units.sqlite} in the cache
 * directory), so that a rescan parses only the units whose inputs changed. A unit is keyed by its
 * command (file, include directories, macros, language, data model, system headers or prelude) and by
 * memsafe's own digest; the stored row lists every path its preprocessing asked for, with the digest of
 * its text or "absent". The row is taken only when each of those files has the same text and each
 * absent one is still absent (a header added earlier on the include path would be found first), as
 * ccache's direct mode checks the headers a compilation read.
 *
 * <p>With the code the row keeps the {@link IrDigests} the last scan took of it, so that the result
 * cache's checks do not print that code again. Failures to read or write are a warning on standard
 * error; the scan goes on parsing.
 */
public final class UnitCache implements UnitStore, AutoCloseable {
    public static final String FILE_NAME = "units.sqlite";
    private static final String FORMAT = "memsafe-units 1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ABSENT = "absent";

    private final Connection db;
    private final String prefix;
    private final IrDigests code;
    private final long scan;
    /** Per path, the digest of its text now, or {@link #ABSENT}: each file is read once per scan. */
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, Row> kept = new ConcurrentHashMap<>();
    private final Map<String, Program> reused = new ConcurrentHashMap<>();
    /** The digests each reused row held, found in {@link #find} and read in {@link #reused}. */
    private final Map<String, String> reusedDigests = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger(), hits = new AtomicInteger();
    private volatile boolean broken;

    private record Row(String files, byte[] lowered, Program part) { }

    private UnitCache(Connection db, String prefix, IrDigests code) throws SQLException {
        this.db = db;
        this.prefix = prefix;
        this.code = code;
        this.scan = CacheTable.open(db, "units", "files TEXT NOT NULL, lowered BLOB NOT NULL, digests TEXT");
    }

    /** Opens (creates) the cache in {@code dir}; null, with a warning, when it cannot be used. */
    public static UnitCache open(Path dir, boolean systemHeaders, IrDigests code) {
        try {
            Files.createDirectories(dir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FILE_NAME).toAbsolutePath());
            return new UnitCache(c, FORMAT + "\ntool " + ToolDigest.get() + "\nsystem-headers " + systemHeaders + "\n", code);
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("memsafe scan: cache " + dir + " not used for parsing: " + e.getMessage());
            return null;
        }
    }

    /** Units parsed in this scan, and units whose stored code was taken. */
    public int parsed() { return parsed.get(); }

    public int reused() { return hits.get(); }

    private String key(CompileUnit u) {
        String command = prefix + "file " + u.file().toAbsolutePath().normalize() + "\ninclude " + u.includeDirs() + "\ndefines " + u.defines()
                + "\nc++ " + u.cplusplus() + "\ndata-model " + u.dataModel();
        return IrDigests.sha256(command.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] find(CompileUnit unit) {
        if (broken) return null;
        String key = key(unit);
        String listed = null, digests = null;
        byte[] lowered = null;
        try {
            synchronized (db) {
                try (PreparedStatement q = db.prepareStatement("SELECT files, lowered, digests FROM units WHERE key = ?")) {
                    q.setString(1, key);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            listed = r.getString(1);
                            lowered = r.getBytes(2);
                            digests = r.getString(3);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            fail(e);
        }
        if (lowered == null || !unchanged(listed)) return null;
        if (digests != null) reusedDigests.put(key, digests);
        return lowered;
    }

    /** Whether every file the row lists is as it was. */
    private boolean unchanged(String listed) {
        try {
            JsonNode n = JSON.readTree(listed);
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!state(e.getKey()).equals(e.getValue().asText())) return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String state(String path) {
        return files.computeIfAbsent(path, p -> {
            try {
                Path file = Path.of(p);
                return Files.isRegularFile(file) ? IrDigests.sha256(Files.readAllBytes(file)) : ABSENT;
            } catch (IOException | RuntimeException e) {
                return ABSENT;
            }
        });
    }

    @Override
    public void keep(CompileUnit unit, Map<String, Boolean> lookedUp, byte[] lowered, Program part) {
        parsed.incrementAndGet();
        if (broken || lowered == null) return;
        ObjectNode listed = JSON.createObjectNode();
        for (Map.Entry<String, Boolean> e : new java.util.TreeMap<>(lookedUp).entrySet()) {
            String now = state(e.getKey());
            // a file that changed between the parse and now: the row could not be checked, so none
            if (e.getValue() == now.equals(ABSENT)) return;
            listed.put(e.getKey(), now);
        }
        kept.put(key(unit), new Row(listed.toString(), lowered, part));
    }

    @Override
    public void reused(CompileUnit unit, Program part) {
        hits.incrementAndGet();
        String key = key(unit);
        reused.put(key, part);
        String d = reusedDigests.get(key);
        if (d == null) return;
        try {
            JsonNode n = JSON.readTree(d);
            JsonNode fs = n.path("functions"), sigs = n.path("signatures"), inits = n.path("initialisers");
            for (int i = 0; i < part.functions.size(); i++) {
                code.known(part.functions.get(i), text(fs.get(i)), text(sigs.get(i)));
            }
            int i = 0;
            for (List<Stmt> init : part.globalInits.values()) code.knownInitialiser(init, text(inits.get(i++)));
        } catch (IOException | RuntimeException e) {
            // the digests are taken again
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The digests taken of a unit's code in this scan. */
    private String digests(Program part) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode fs = o.putArray("functions"), sigs = o.putArray("signatures"), inits = o.putArray("initialisers");
        for (Function f : part.functions) {
            fs.add(code.taken(f));
            sigs.add(code.takenSignature(f));
        }
        for (List<Stmt> init : part.globalInits.values()) inits.add(code.takenInitialiser(init));
        return o.toString();
    }

    /** Writes the units parsed in this scan with their digests, marks those reused, drops the ones long unused. */
    @Override
    public void close() {
        try {
            if (!broken) {
                Map<String, Object[]> put = new java.util.HashMap<>(), touched = new java.util.HashMap<>();
                kept.forEach((k, r) -> put.put(k, new Object[] {r.files(), r.lowered(), digests(r.part())}));
                reused.forEach((k, part) -> touched.put(k, new Object[] {digests(part)}));
                CacheTable.write(db, "units", scan, List.of("files", "lowered", "digests"), put, List.of("digests"), touched);
            }
        } catch (SQLException e) {
            fail(e);
        } finally {
            CacheTable.close(db);
        }
    }

    private void fail(SQLException e) {
        if (!broken) System.err.println("memsafe scan: parse cache not used from here on: " + e.getMessage());
        broken = true;
    }
}
