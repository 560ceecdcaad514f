package io.memsafe.scan.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.RootCache;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.analysis.engine.UntrustedMembers;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The results of a scan's roots kept in SQLite ({@code results.sqlite} in the cache directory), for the
 * next scan of the same tree. What a root's analysis reads is checked in two steps. The key is a
 * digest of the options, of the tool, and of everything the root can reach ({@link RootCache.Inputs}).
 * For each reachable function the key holds its {@link RootCache.Shape} and its signature, which is
 * what the analysis reads of a function it does not enter. For each global it holds the type, the
 * flags and the initialisers' code. The stored result carries the digest of the lowered code
 * ({@link IrDigests}) of each function the analysis did enter ({@link RootCache.Kept#read}). A lookup
 * takes the result only if all of those digests are unchanged. An edit in one function body then costs
 * only the roots whose analysis entered that function, not every root that could reach it: a root
 * enters at most 150 callees, six calls deep.
 *
 * <p>A cache must never change a report: every failure to read or write it is a warning on standard
 * error, and the scan goes on as if there were no cache.
 */
public final class ResultCache implements RootCache, AutoCloseable {
    public static final String FILE_NAME = "results.sqlite";
    /** Format of the keys and of the stored results: a change makes every old entry miss. */
    private static final String FORMAT = "memsafe-root-results 5";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** MEMSAFE_DEBUG_CACHE=1: why each root was not taken from the cache, on stderr. */
    private static final boolean DEBUG = System.getenv("MEMSAFE_DEBUG_CACHE") != null;

    private final Connection db;
    private final String options;
    private final IrDigests code;
    private final Map<Variable, List<Stmt>> initialisers;
    private final List<Function> functions;
    /** Every function of the program by {@link #id}, made on first use. */
    private volatile Map<String, Function> byIdAll;
    /** Any function's inputs as a root's ({@link RootCache#inputsOf}). */
    private volatile java.util.function.Function<Function, Inputs> inputsOf;
    private final Map<String, Rule> rules = new HashMap<>();
    private final long scan;
    private final Map<String, byte[]> computed = new ConcurrentHashMap<>();
    private final Set<String> reused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger(), misses = new AtomicInteger();
    private volatile boolean broken;

    private ResultCache(Connection db, String options, IrDigests code, Map<Variable, List<Stmt>> initialisers,
                        List<Function> functions, List<Checker> checkers) throws SQLException {
        this.db = db;
        this.options = options;
        this.code = code;
        this.initialisers = initialisers;
        this.functions = functions;
        for (Checker c : checkers) rules.putIfAbsent(c.rule().id(), c.rule());
        this.scan = CacheTable.open(db, "roots", "result BLOB NOT NULL");
    }

    /**
     * Opens (creates) the cache in {@code dir}; null, with a warning, when it cannot be used.
     * {@code options}: everything besides the code that decides what the analysis reports (budgets,
     * entry points, data model, ...), as text; {@code initialisers}: the program's global initialisers;
     * {@code functions}: the program's functions.
     */
    public static ResultCache open(Path dir, String options, IrDigests code, Map<Variable, List<Stmt>> initialisers,
                                   List<Function> functions, List<Checker> checkers) {
        try {
            Files.createDirectories(dir);
            // like other tools' caches: never committed, wherever the user puts it
            Path ignore = dir.resolve(".gitignore");
            if (!Files.exists(ignore)) Files.writeString(ignore, "# written by memsafe: the scan cache is not source\n*\n");
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FILE_NAME).toAbsolutePath());
            return new ResultCache(c, FORMAT + "\ntool " + ToolDigest.get() + "\n" + options, code, initialisers, functions, checkers);
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("memsafe scan: cache " + dir + " not used: " + e.getMessage());
            return null;
        }
    }

    /** Roots whose result came from the cache, and roots analysed. */
    public int hits() { return hits.get(); }

    public int misses() { return misses.get(); }

    @Override
    public Kept find(Inputs inputs) {
        if (broken) return null;
        String key = keyOrNull(inputs);
        if (key == null) {
            misses.incrementAndGet();
            return null;
        }
        byte[] blob = null;
        try {
            synchronized (db) {
                try (PreparedStatement q = db.prepareStatement("SELECT result FROM roots WHERE key = ?")) {
                    q.setString(1, key);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) blob = r.getBytes(1);
                    }
                }
            }
        } catch (SQLException e) {
            fail(e);
        }
        Kept kept = blob == null ? null : decode(blob, inputs);
        if (DEBUG && blob == null) System.err.println("memsafe-cache: miss " + id(inputs.root()) + " " + key);
        if (kept == null) {
            misses.incrementAndGet();
            return null;
        }
        reused.add(key);
        hits.incrementAndGet();
        return kept;
    }

    @Override
    public void keep(Inputs inputs, Kept result) {
        if (broken) return;
        String key = keyOrNull(inputs);
        if (key == null) return;
        // a root that analysed functions outside what the key covers read code the key does not name:
        // the result holds those functions' inputs as a digest of their own, checked when it is taken
        java.util.TreeMap<String, Function> extra = new java.util.TreeMap<>();
        for (Function f : result.covered()) if (!inputs.functions().contains(f)) extra.put(id(f), f);
        for (Function f : result.read()) if (!inputs.functions().contains(f)) extra.put(id(f), f);
        String extraKey = extra.isEmpty() ? null : extraKeyOrNull(extra.values());
        if (!extra.isEmpty() && extraKey == null) return;
        computed.put(key, encode(result, extra.keySet(), extraKey));
    }

    @Override
    public void inputsOf(java.util.function.Function<Function, Inputs> of) {
        this.inputsOf = of;
    }

    /** The key lines of the inputs of each of {@code extra} (functions entered outside a root's inputs), as one digest. */
    private String extraKeyOrNull(java.util.Collection<Function> extra) {
        if (inputsOf == null) return null;
        try {
            java.util.TreeSet<String> lines = new java.util.TreeSet<>();
            for (Function f : extra) lines.addAll(lines(inputsOf.apply(f)));
            StringBuilder sb = new StringBuilder();
            for (String l : lines) sb.append(l).append('\n');
            return IrDigests.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private Map<String, Function> byIdAll() {
        Map<String, Function> m = byIdAll;
        if (m == null) {
            m = new HashMap<>();
            for (Function f : functions) m.putIfAbsent(id(f), f);
            byIdAll = m;
        }
        return m;
    }

    /** Writes the results computed in this scan, marks those reused, and drops the ones long unused. */
    @Override
    public void close() {
        try {
            if (!broken) {
                Map<String, Object[]> put = new HashMap<>(), touched = new HashMap<>();
                computed.forEach((k, v) -> put.put(k, new Object[] {v}));
                for (String k : reused) touched.put(k, new Object[0]);
                CacheTable.write(db, "roots", scan, List.of("result"), put, List.of(), touched);
            }
        } catch (SQLException e) {
            fail(e);
        } finally {
            CacheTable.close(db);
        }
    }

    private void fail(SQLException e) {
        if (!broken) System.err.println("memsafe scan: cache not used from here on: " + e.getMessage());
        broken = true;
    }

    // ------------------------------------------------------------------ keys

    /** Each function's part of the keys, the same for every root that reaches it. */
    private final Map<Function, String> functionLines = new ConcurrentHashMap<>();
    /** The digests of each function's line, without and with " address-taken". */
    private final Map<Function, byte[][]> functionLineDigests = new ConcurrentHashMap<>();
    /** {@link #id} of each function, made once. */
    private final Map<Function, String> ids = new ConcurrentHashMap<>();
    /** Per variable (identity: a type's own equality may recurse through its struct's pointers). */
    private final Map<Variable, String> typeLines = new ConcurrentHashMap<>();

    /**
     * The globals' part of a key, one line per name. The front end links a global declared in several
     * units by name, but which unit's declaration comes first is a race between the parallel lowerings:
     * an incomplete {@code extern char buf[];} seen first stays a variable of its own in the units that
     * saw it, next to the complete one. So a key does not name variables or where they were declared:
     * per name and kind it holds the most complete type, the flags of any of them, and the digests of
     * their initialisers.
     */
    private volatile Map<String, Set<String>> initialisersByName;

    /**
     * Per global name and kind, the digests of the initialisers of the variables of that name,
     * whichever variable object the root's code names: the linker's replacement of an incompletely typed
     * global keeps its id and place, so both objects are one region to the analysis.
     */
    private Map<String, Set<String>> initialisersByName() {
        Map<String, Set<String>> m = initialisersByName;
        if (m == null) {
            m = new HashMap<>();
            for (Map.Entry<Variable, List<Stmt>> e : initialisers.entrySet()) {
                m.computeIfAbsent(e.getKey().name + " " + e.getKey().kind, k -> new java.util.TreeSet<>()).add(code.ofInitialiser(e.getValue()));
            }
            initialisersByName = m;
        }
        return m;
    }

    private List<String> globalLines(Inputs in) {
        Map<String, List<Variable>> byName = new java.util.TreeMap<>();
        for (Variable g : in.globals()) byName.computeIfAbsent(g.name + " " + g.kind, k -> new ArrayList<>()).add(g);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Variable>> e : byName.entrySet()) {
            String type = null;
            boolean defined = false, isConst = false, written = false;
            java.util.TreeSet<String> inits = new java.util.TreeSet<>();
            for (Variable g : e.getValue()) {
                String t = typeLines.computeIfAbsent(g, x -> (x.type.size() < 0 ? "0 " : "1 ") + describe(x.type, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
                if (type == null || t.compareTo(type) > 0) type = t;
                defined |= g.defined;
                isConst |= g.isConst;
                written |= in.written().contains(g);
            }
            inits.addAll(initialisersByName().getOrDefault(e.getKey(), Set.of()));
            out.add("g " + e.getKey() + " " + type + (defined ? " defined" : "") + (isConst ? " const" : "") + (written ? " written" : "") + " " + inits);
        }
        return out;
    }

    /** The key, or null when the code holds something a digest cannot describe (then nothing is kept for it). */
    private String keyOrNull(Inputs in) {
        try {
            return key(in);
        } catch (RuntimeException | StackOverflowError e) {
            if (DEBUG) System.err.println("memsafe-cache: no key for " + id(in.root()) + ": " + e);
            return null;
        }
    }

    private String functionLine(Function f, Inputs in) {
        return functionLines.computeIfAbsent(f, x -> "f " + id(x) + " " + shape(x, in.shapes().get(x)));
    }

    /** What the key says of the functions and globals the inputs name, sorted. */
    private List<String> lines(Inputs in) {
        List<String> lines = new ArrayList<>();
        for (Function f : in.functions()) {
            String l = functionLine(f, in);
            lines.add(in.addressTaken().contains(f) ? l + " address-taken" : l);
        }
        lines.addAll(globalLines(in));
        Collections.sort(lines);
        return lines;
    }

    /**
     * The digest of the options, the root, and the sorted digests of its key's lines ({@link #lines}):
     * each function's line is digested once per scan, so a root's key hashes 32 bytes per function it
     * reaches rather than the line's text.
     */
    String key(Inputs in) {
        List<byte[]> lines = new ArrayList<>(in.functions().size() + 16);
        for (Function f : in.functions()) {
            byte[][] d = functionLineDigests.computeIfAbsent(f, x -> {
                String l = functionLine(x, in);
                return new byte[][] {IrDigests.sha256Bytes(l), IrDigests.sha256Bytes(l + " address-taken")};
            });
            lines.add(d[in.addressTaken().contains(f) ? 1 : 0]);
        }
        for (String g : globalLines(in)) lines.add(IrDigests.sha256Bytes(g));
        for (String fact : in.facts()) lines.add(IrDigests.sha256Bytes("fact " + fact));
        lines.sort(java.util.Arrays::compare);
        byte[] head = (options + "\nroot " + id(in.root()) + (in.callback() ? " callback" : "") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + 32 * lines.size());
        int at = head.length;
        for (byte[] l : lines) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        return IrDigests.sha256(all);
    }

    /**
     * What the key says of a function: its signature and number of blocks (read before deciding to enter
     * it), and its call-graph facts. Its statements are not in the key: they are checked, for the
     * functions the root's analysis read, against the digests stored with the result ({@link #decode}).
     */
    private String shape(Function f, Shape s) {
        StringBuilder sb = new StringBuilder(code.signature(f));
        if (s != null) {
            List<String> names = new ArrayList<>();
            for (Function r : s.refs()) names.add("call " + id(r));
            for (Variable g : s.globals()) {
                // globals by name (see initialisersByName); a static local also by its place, which no race changes
                names.add("global " + g.name + " " + g.kind + (g.kind == Variable.Kind.STATIC_LOCAL ? " " + g.declared : ""));
            }
            Collections.sort(names);
            sb.append(names).append(s.indirect() ? " indirect" : "");
        }
        return IrDigests.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Names a function across scans: its unit, name and place (a static function's name is not unique). */
    private String id(Function f) {
        return ids.computeIfAbsent(f, x -> x.unit + "|" + x.name + "|" + x.loc);
    }

    /**
     * A global's type with its layout: which unit's declaration gave a linked global its type is not
     * fixed, so the key holds the type itself.
     */
    private static String describe(Type t, Set<Type.Struct> seen) {
        return switch (t) {
            case Type.Pointer p -> describe(p.pointee(), seen) + "*";
            case Type.Array a -> describe(a.element(), seen) + "[" + a.length() + "]";
            case Type.Struct s -> {
                if (!seen.add(s)) yield s.toString();
                StringBuilder sb = new StringBuilder(s.toString()).append('{');
                for (Type.Field f : s.fields()) sb.append(f.name()).append('@').append(f.offset()).append(':').append(describe(f.type(), seen)).append(';');
                yield sb.append("}").append(s.size()).toString();
            }
            case Type.Function f -> {
                StringBuilder sb = new StringBuilder("fn(");
                for (Type p : f.params()) sb.append(describe(p, seen)).append(',');
                yield sb.append(f.varargs() ? "..." : "").append(")").append(describe(f.returnType(), seen)).toString();
            }
            default -> t.toString();
        };
    }

    // ------------------------------------------------------------------ stored form

    private byte[] encode(Kept k, Set<String> extra, String extraKey) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode fs = o.putArray("findings");
        for (Finding f : k.findings()) {
            ObjectNode n = fs.addObject();
            n.put("rule", f.rule().id());
            loc(n.putObject("loc"), f.loc());
            n.put("message", f.message());
            ArrayNode tr = n.putArray("trace");
            for (TraceStep s : f.trace()) {
                ObjectNode st = tr.addObject();
                loc(st.putObject("loc"), s.loc());
                st.put("message", s.message());
            }
        }
        ArrayNode ds = o.putArray("notes");
        for (Diagnostic d : k.diagnostics()) {
            ObjectNode n = ds.addObject();
            loc(n.putObject("loc"), d.loc());
            n.put("level", d.level().name());
            n.put("message", d.message());
        }
        ArrayNode cov = o.putArray("covered");
        List<String> ids = new ArrayList<>();
        for (Function f : k.covered()) ids.add(id(f));
        Collections.sort(ids);
        ids.forEach(cov::add);
        ObjectNode read = o.putObject("read");
        java.util.TreeMap<String, String> digests = new java.util.TreeMap<>();
        for (Function f : k.read()) digests.put(id(f), code.of(f));
        digests.forEach(read::put);
        ArrayNode ms = o.putArray("members");
        for (Map.Entry<String, UntrustedMembers.Fact> e : new java.util.TreeMap<>(k.members()).entrySet()) {
            ObjectNode n = ms.addObject();
            n.put("key", e.getKey());
            n.put("lo", e.getValue().num().lo());
            n.put("hi", e.getValue().num().hi());
            n.put("what", e.getValue().origin().what());
            loc(n.putObject("loc"), e.getValue().origin().loc());
        }
        if (extraKey != null) {
            extra.forEach(o.putArray("extra")::add);
            o.put("extraKey", extraKey);
        }
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored result in terms of this scan's program, or null when it does not fit (then it is computed again). */
    private Kept decode(byte[] blob, Inputs inputs) {
        try {
            JsonNode o = JSON.readTree(blob);
            List<Finding> findings = new ArrayList<>();
            for (JsonNode n : o.path("findings")) {
                Rule rule = rules.get(n.path("rule").asText());
                if (rule == null) return null;
                List<TraceStep> trace = new ArrayList<>();
                for (JsonNode st : n.path("trace")) trace.add(new TraceStep(loc(st.path("loc")), st.path("message").asText()));
                findings.add(new Finding(rule, loc(n.path("loc")), n.path("message").asText(), List.copyOf(trace)));
            }
            List<Diagnostic> notes = new ArrayList<>();
            for (JsonNode n : o.path("notes")) {
                notes.add(new Diagnostic(loc(n.path("loc")), Diagnostic.Level.valueOf(n.path("level").asText()), n.path("message").asText()));
            }
            Map<String, Function> byId = new HashMap<>();
            for (Function f : inputs.functions()) byId.put(id(f), f);
            // functions entered outside the inputs: their own inputs must be as they were
            if (o.has("extraKey")) {
                List<Function> extra = new ArrayList<>();
                for (JsonNode n : o.path("extra")) {
                    Function f = byIdAll().get(n.asText());
                    if (f == null) return null;
                    extra.add(f);
                    byId.putIfAbsent(n.asText(), f);
                }
                if (!o.path("extraKey").asText().equals(extraKeyOrNull(extra))) {
                    if (DEBUG) System.err.println("memsafe-cache: " + id(inputs.root()) + " entered functions outside its reach whose inputs changed");
                    return null;
                }
            }
            Set<Function> covered = new HashSet<>();
            for (JsonNode n : o.path("covered")) {
                Function f = byId.get(n.asText());
                if (f == null) {
                    if (DEBUG) System.err.println("memsafe-cache: " + id(inputs.root()) + " covered " + n.asText() + " outside its reach");
                    return null;
                }
                covered.add(f);
            }
            // the code the analysis read must be the code it would read now
            Set<Function> read = new HashSet<>();
            for (Map.Entry<String, JsonNode> e : o.path("read").properties()) {
                Function f = byId.get(e.getKey());
                if (f == null || !code.of(f).equals(e.getValue().asText())) {
                    if (DEBUG) System.err.println("memsafe-cache: " + id(inputs.root()) + " read " + e.getKey() + ", changed since");
                    return null;
                }
                read.add(f);
            }
            if (!read.contains(inputs.root())) return null;
            Map<String, UntrustedMembers.Fact> members = new java.util.TreeMap<>();
            for (JsonNode n : o.path("members")) {
                members.put(n.path("key").asText(), new UntrustedMembers.Fact(Interval.of(n.path("lo").asLong(), n.path("hi").asLong()),
                        new Origin(n.path("what").asText(), loc(n.path("loc")))));
            }
            return new Kept(findings, notes, covered, read, members);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void loc(ObjectNode n, SourceLoc l) {
        n.put("file", l.file());
        n.put("line", l.line());
        n.put("column", l.column());
    }

    private static SourceLoc loc(JsonNode n) {
        return new SourceLoc(n.path("file").asText(), n.path("line").asInt(), n.path("column").asInt());
    }
}
