package io.memsafe.analysis.engine;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The functions the program stores into each function-pointer member of a structure type
 * ({@code c->on_read = line_read}, {@code static const struct ops o = { .close = file_close }}, or through
 * a setter whose parameter is stored there, {@code conn_set_reader(c, line_read)}): a field-based call
 * graph, as points-to analyses of C programs build for callbacks (a member is one abstract location for
 * every object of its type). A call through such a member whose value the analysis does not know
 * ({@code c->on_read(c, data, n)} in a library function whose {@code c} the caller passes) may go to
 * any of them; with few enough, each is followed in context, so what a callback does to the object
 * (closes it, frees it) is seen at the call.
 */
final class MemberCallbacks {
    /** More functions than this in one member: a dispatch table the scan cannot narrow, left unknown. */
    static final int MAX_TARGETS = 3;

    private final Map<String, TreeSet<Function>> stored = new HashMap<>();
    /** Members something other than a known function is stored into (NULL, a value from elsewhere): their set is not all they hold. */
    private final java.util.Set<String> open = new java.util.HashSet<>();

    private static final Comparator<Function> ORDER = Comparator.comparing((Function f) -> f.unit).thenComparing(f -> f.name)
            .thenComparing(f -> f.loc.line());

    MemberCallbacks(Program program) {
        // (setter, parameter index) -> members the parameter is stored into
        Map<Function, Map<Integer, List<String>>> setters = new HashMap<>();
        for (Function f : program.functions) {
            for (BasicBlock b : f.blocks) for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Assign a) assigned(program, f.unit, f, a.target(), a.value(), setters);
                else if (st instanceof Stmt.InitAggregate ia) initialised(program, f.unit, ia);
            }
        }
        for (Map.Entry<Variable, List<Stmt>> g : program.globalInits.entrySet()) {
            String unit = g.getKey().declared.file();
            for (Stmt st : g.getValue()) {
                if (st instanceof Stmt.Assign a) assigned(program, unit, null, a.target(), a.value(), setters);
                else if (st instanceof Stmt.InitAggregate ia) initialised(program, unit, ia);
            }
        }
        if (setters.isEmpty()) return;
        for (Function f : program.functions) {
            for (BasicBlock b : f.blocks) for (Stmt st : b.stmts) {
                if (!(st instanceof Stmt.Call c) || c.callee() == null) continue;
                Function callee = program.resolve(f.unit, c.callee());
                Map<Integer, List<String>> params = callee == null ? null : setters.get(callee);
                if (params == null) continue;
                for (Map.Entry<Integer, List<String>> e : params.entrySet()) {
                    if (e.getKey() >= c.args().size()) continue;
                    List<Function> given = functions(program, f, c.args().get(e.getKey()));
                    for (String m : e.getValue()) {
                        if (given.isEmpty()) open.add(m);
                        for (Function target : given) add(m, target);
                    }
                }
            }
        }
    }

    /** The functions a call through {@code callee} (a member loaded from a structure) may reach, or an empty list. */
    List<Function> targets(Expr callee) {
        Expr e = Expr.uncast(callee);
        String m = e instanceof Expr.Load l ? member(l.lv()) : null;
        TreeSet<Function> t = m == null || open.contains(m) ? null : stored.get(m);
        return t == null || t.size() > MAX_TARGETS ? List.of() : new ArrayList<>(t);
    }

    private void assigned(Program program, String unit, Function in, Lvalue target, Expr value, Map<Function, Map<Integer, List<String>>> setters) {
        String m = member(target);
        if (m == null) return;
        Function f = function(program, unit, value);
        if (f != null) {
            add(m, f);
            return;
        }
        // a setter: its parameter is stored into the member
        if (in != null && Expr.uncast(value) instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v && v.var().kind == Variable.Kind.PARAM) {
            int i = in.params.indexOf(v.var());
            if (i >= 0) {
                setters.computeIfAbsent(in, k -> new HashMap<>()).computeIfAbsent(i, k -> new ArrayList<>()).add(m);
                return;
            }
        }
        open.add(m);
    }

    /** {@code struct ops o = { read_fn, close_fn }}: each function initialising a member of the structure. */
    private void initialised(Program program, String unit, Stmt.InitAggregate ia) {
        if (!(ia.target().type() instanceof Type.Struct st) || st.name() == null || st.name().isEmpty()) return;
        List<Expr> elems = ia.elements();
        for (int i = 0; i < elems.size() && i < st.fields().size(); i++) {
            Type.Field fd = st.fields().get(i);
            if (!callback(fd.type())) continue;
            Function f = function(program, unit, elems.get(i));
            if (f != null) add(st.name() + "." + fd.offset(), f);
            else open.add(st.name() + "." + fd.offset());
        }
        // members the initialiser does not name are NULL
        for (int i = elems.size(); i < st.fields().size(); i++) {
            if (callback(st.fields().get(i).type())) open.add(st.name() + "." + st.fields().get(i).offset());
        }
    }

    private void add(String member, Function f) {
        stored.computeIfAbsent(member, k -> new TreeSet<>(ORDER)).add(f);
    }

    /**
     * The functions an argument may be: a function named there, or those assigned anywhere in {@code in}
     * to the local it reads ({@code lines ? line_reader : count_reader} becomes such a temporary).
     */
    private static List<Function> functions(Program program, Function in, Expr arg) {
        Function direct = function(program, in.unit, arg);
        if (direct != null) return List.of(direct);
        Variable v = Expr.loadedVariable(Expr.uncast(arg));
        if (v == null || v.kind == Variable.Kind.PARAM || v.isGlobalStorage()) return List.of();
        List<Function> out = new ArrayList<>();
        for (BasicBlock b : in.blocks) for (Stmt st : b.stmts) {
            if (!(st instanceof Stmt.Assign a) || !(a.target() instanceof Lvalue.Var t) || t.var() != v) continue;
            // anything else assigned to it: the argument is not only these functions
            if (!(function(program, in.unit, a.value()) instanceof Function f)) return List.of();
            out.add(f);
        }
        return out;
    }

    private static Function function(Program program, String unit, Expr e) {
        return Expr.uncast(e) instanceof Expr.FunctionRef fr ? program.resolve(unit, fr.name()) : null;
    }

    private static boolean callback(Type t) { return t instanceof Type.Pointer p && p.pointee() instanceof Type.Function; }

    /** "struct.offset" for a function-pointer member of a named structure type ({@code o.read}, {@code c->on_read}), else null. */
    private static String member(Lvalue lv) {
        if (!callback(lv.type())) return null;
        Type.Struct st = null;
        long off = 0;
        if (lv instanceof Lvalue.Field f && f.base().type() instanceof Type.Struct s) {
            st = s;
            off = f.offset();
        } else if (lv instanceof Lvalue.Deref d && d.pointer().type() instanceof Type.Pointer p && p.pointee() instanceof Type.Struct s) {
            st = s;
            off = d.byteOffset();
        }
        return st == null || st.name() == null || st.name().isEmpty() ? null : st.name() + "." + off;
    }
}
