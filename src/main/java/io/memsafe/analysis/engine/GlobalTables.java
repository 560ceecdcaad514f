package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import io.memsafe.models.Effect;
import io.memsafe.models.LibraryModels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Global pointers the program only ever sets to a block of one constant size (or to NULL): a table a
 * driver's {@code init} allocates ({@code lut.table = kcalloc(32, sizeof(u32), GFP_KERNEL)}) and its
 * request handlers index. A root that does not set the pointer itself starts with it designating such
 * a block, so an index from the request is checked against the table's size. A flow-insensitive
 * invariant over the whole program, as Smatch's and Infer's global facts are: it holds only when
 * every store to the pointer is seen, so a pointer whose address is taken, or that is set to anything
 * else (a parameter, another block, a block of another size), is left unknown.
 */
final class GlobalTables {
    /** A pointer-sized place in a global: the variable and the byte offset of the member. */
    record Place(Variable global, long offset) { }

    /** The size every store gives the block, where it was allocated (the first store's line), and the functions that store. */
    record Table(long size, long width, SourceLoc allocated, String path, Set<Function> setters) {
        String setterNames() {
            return String.join(", ", setters.stream().map(f -> f.name + "()").sorted().distinct().toList());
        }
    }

    private final Map<Place, Table> tables;

    private static final String KEY = "gtable:";

    /** Is {@code r} the block of a table a root started with? */
    static boolean isTable(Region r) { return r.key.startsWith(KEY); }

    private GlobalTables(Map<Place, Table> tables) { this.tables = tables; }

    /** The tables of a program: found once, before any root is analysed. */
    static GlobalTables of(Program program) {
        Map<Place, Table> found = new HashMap<>();
        // the bytes of each global that something else writes, or whose address is taken
        Map<Variable, List<long[]>> spoiled = new HashMap<>();
        for (Function fn : program.functions) {
            Map<Variable, List<Stmt>> defs = localDefinitions(fn);
            for (BasicBlock b : fn.blocks) {
                for (Stmt s : b.stmts) {
                    ProgramAnalyzer.forEachExpr(s, e -> {
                        if (e instanceof Expr.AddressOf a && ProgramAnalyzer.baseVar(a.lv()) instanceof Variable g && g.isGlobalStorage()) spoil(a.lv(), g, spoiled);
                    });
                    Lvalue target = Stmt.target(s);
                    if (target == null || !(ProgramAnalyzer.baseVar(target) instanceof Variable g) || !g.isGlobalStorage()) continue;
                    Place p = place(target);
                    long[] size = {-1};
                    SourceLoc[] at = {null};
                    if (p == null || !(s instanceof Stmt.Assign a) || !(target.type() instanceof Type.Pointer)
                            || !allocationOrNull(a.value(), defs, 0, size, at)) {
                        spoil(target, g, spoiled);
                        continue;
                    }
                    if (size[0] < 0) continue;
                    Table t = found.get(p);
                    if (t != null && t.size() != size[0]) {
                        spoil(target, g, spoiled);
                        continue;
                    }
                    Set<Function> setters = new HashSet<>(t == null ? Set.of() : t.setters());
                    setters.add(fn);
                    found.put(p, new Table(size[0], Math.max(1, target.type().size()), t == null ? at[0] : t.allocated(), path(target), setters));
                }
            }
        }
        // an initialiser that points the member at anything but NULL
        for (Map.Entry<Variable, List<Stmt>> gi : program.globalInits.entrySet()) {
            for (Stmt s : gi.getValue()) {
                if (s instanceof Stmt.Assign a && place(a.target()) != null && isNull(a.value())) continue;
                Lvalue target = Stmt.target(s);
                if (target != null) spoil(target, gi.getKey(), spoiled);
                else spoil(new Lvalue.Var(gi.getKey(), SourceLoc.NONE), gi.getKey(), spoiled);
            }
        }
        Map<Place, Table> out = new HashMap<>();
        for (Map.Entry<Place, Table> e : found.entrySet()) {
            Place p = e.getKey();
            if (overlaps(spoiled.get(p.global()), p.offset(), e.getValue().width()) || p.global().type instanceof Type.Array) continue;
            out.put(p, e.getValue());
        }
        return new GlobalTables(out);
    }

    /**
     * Records bytes of {@code g} that are not a table's: those a store other than a table's writes, or whose
     * address an expression takes. A member's ({@code &lut.lock} leaves {@code lut.table} alone), or the whole
     * variable (the variable itself, an element at an index).
     */
    private static void spoil(Lvalue lv, Variable g, Map<Variable, List<long[]>> out) {
        Place p = place(lv);
        long size = lv.type().size();
        long[] range = p != null && !(lv instanceof Lvalue.Var) && size > 0 ? new long[] {p.offset(), p.offset() + size} : new long[] {0, Long.MAX_VALUE};
        out.computeIfAbsent(g, k -> new ArrayList<>()).add(range);
    }

    private static boolean overlaps(List<long[]> ranges, long offset, long width) {
        if (ranges == null) return false;
        for (long[] r : ranges) if (r[0] < offset + width && offset < r[1]) return true;
        return false;
    }

    /**
     * Gives each table's pointer, in the initial state of {@code root}, a block of the table's size,
     * unless the root is one of the functions that set it. Its contents are whatever the program
     * stored there (unknown, initialised); no allocator of this activation made it, so it is never a leak.
     */
    void bind(Interpreter in, Function root, Set<Variable> havocked, State s) {
        for (Map.Entry<Place, Table> e : boundIn(root, havocked)) {
            Place p = e.getKey();
            Table t = e.getValue();
            Region holder = in.region(p.global(), root);
            Region block = new Region(KEY + holder.key + ":" + p.offset(), Region.Kind.HEAP, Value.of(t.size()),
                    "the block '" + t.path() + "' points to (" + t.size() + " bytes, set in " + t.setterNames() + ")", t.allocated(), GlobalBlocks.FAMILY);
            s.set(block, new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN));
            s.allocated(block, null);
            s.set(holder, s.contents(holder).store(Interval.of(p.offset()), t.width(), Value.pointer(block, Interval.ZERO), true));
        }
    }

    /** The tables a root starts with, in a fixed order: those of the globals it may reach that it does not set itself. */
    private List<Map.Entry<Place, Table>> boundIn(Function root, Set<Variable> havocked) {
        List<Map.Entry<Place, Table>> out = new ArrayList<>();
        for (Map.Entry<Place, Table> e : tables.entrySet()) {
            if (havocked.contains(e.getKey().global()) && !e.getValue().setters().contains(root)) out.add(e);
        }
        out.sort((a, b) -> a.getKey().global().id != b.getKey().global().id
                ? Integer.compare(a.getKey().global().id, b.getKey().global().id) : Long.compare(a.getKey().offset(), b.getKey().offset()));
        return out;
    }

    /** The tables a root starts with, one line each, for a cache's key (the names, not the variables' ids). */
    List<String> describe(Function root, Set<Variable> havocked) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Place, Table> e : boundIn(root, havocked)) {
            Table t = e.getValue();
            out.add("table " + e.getKey().global().name + " " + e.getKey().global().kind + " " + e.getKey().offset() + " "
                    + t.size() + " " + t.width() + " " + t.path() + " " + t.allocated());
        }
        java.util.Collections.sort(out);
        return out;
    }

    /**
     * Is {@code e} NULL, or a block of a constant size returned by an allocator model (directly or
     * through locals of {@code defs})? The size goes to {@code size[0]} (left at -1 for NULL).
     */
    private static boolean allocationOrNull(Expr e, Map<Variable, List<Stmt>> defs, int depth, long[] size, SourceLoc[] at) {
        if (isNull(e)) return true;
        Variable v = Expr.loadedVariable(e);
        if (v == null || depth > 3 || !defs.containsKey(v)) return false;
        for (Stmt d : defs.get(v)) {
            if (d instanceof Stmt.Assign a) {
                if (!allocationOrNull(a.value(), defs, depth + 1, size, at)) return false;
            } else if (d instanceof Stmt.Call c) {
                long n = allocatedSize(c);
                if (n <= 0 || (size[0] >= 0 && size[0] != n)) return false;
                size[0] = n;
                if (at[0] == null) at[0] = c.loc();
            } else {
                return false;
            }
        }
        return true;
    }

    /** The constant size an allocator model call allocates, or -1. */
    private static long allocatedSize(Stmt.Call c) {
        var m = LibraryModels.get(c.callee());
        if (m == null) return -1;
        for (Effect ef : m.effects()) {
            if (!(ef instanceof Effect.Allocate al) || al.onStack()) continue;
            return switch (al.size()) {
                case Effect.Len.Arg a -> constant(arg(c, a.arg())) * a.scale();
                case Effect.Len.Product pr -> constant(arg(c, pr.a())) > 0 && constant(arg(c, pr.b())) > 0
                        ? Math.multiplyExact(constant(arg(c, pr.a())), constant(arg(c, pr.b()))) : -1;
                default -> -1;
            };
        }
        return -1;
    }

    private static Expr arg(Stmt.Call c, int i) { return i >= 0 && i < c.args().size() ? c.args().get(i) : null; }

    /** A positive constant integer expression's value (as {@link Relations#constant} folds it), or -1. */
    private static long constant(Expr e) {
        Long v = e == null ? null : Relations.constant(e);
        return v != null && v > 0 && v < (1L << 31) ? v : -1;
    }

    private static boolean isNull(Expr e) { return Expr.uncast(e) instanceof Expr.IntConst k && k.value() == 0; }

    /** Every definition of each local or temporary of {@code fn} whose address is never taken and that is only ever written whole. */
    private static Map<Variable, List<Stmt>> localDefinitions(Function fn) {
        Map<Variable, List<Stmt>> defs = new HashMap<>();
        Set<Variable> excluded = new HashSet<>(FunctionFixpoint.Shape.addressTaken(fn));
        for (BasicBlock b : fn.blocks) {
            for (Stmt s : b.stmts) {
                Lvalue target = Stmt.target(s);
                if (target instanceof Lvalue.Var lv && (lv.var().kind == Variable.Kind.LOCAL || lv.var().kind == Variable.Kind.TEMP)) {
                    defs.computeIfAbsent(lv.var(), k -> new ArrayList<>()).add(s);
                } else if (target != null && ProgramAnalyzer.baseVar(target) instanceof Variable v) {
                    excluded.add(v);
                }
            }
        }
        defs.keySet().removeAll(excluded);
        return defs;
    }

    /** The fixed place of a global's member or of the global itself; null through an index. */
    private static Place place(Lvalue lv) {
        long off = 0;
        while (lv instanceof Lvalue.Field f) {
            off += f.offset();
            lv = f.base();
        }
        return lv instanceof Lvalue.Var v ? new Place(v.var(), off) : null;
    }

    /** How the source names the place: {@code lut.table}. */
    private static String path(Lvalue lv) {
        return switch (lv) {
            case Lvalue.Var v -> v.var().name;
            case Lvalue.Field f -> path(f.base()) + "." + f.name();
            default -> "?";
        };
    }
}
