package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The automatic locals of a function that are dead where each block starts: no path from there reads
 * them before they are declared again or assigned whole. A pointer such a local still holds can never be
 * used again, so it keeps no block alive: a block-scoped {@code arr} that held a loop's grown array in an
 * earlier round does not make that block reachable in the next one. Locals whose address is taken are
 * never dead (a pointer may read them). Classic backward liveness over the blocks.
 */
final class LiveLocals {
    private LiveLocals() { }

    /** For each block, the candidate locals dead at its start; blocks with none are absent. */
    static Map<BasicBlock, Set<Variable>> deadAtStart(Function fn, Set<Variable> addressTaken) {
        Set<Variable> candidates = new HashSet<>();
        for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
            if (st instanceof Stmt.Declare d && candidate(d.var(), addressTaken)) candidates.add(d.var());
            if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var v && candidate(v.var(), addressTaken)) candidates.add(v.var());
        }
        if (candidates.isEmpty()) return Map.of();
        // per block: what it reads before writing (gen) and what it writes whole (kill)
        Map<BasicBlock, Set<Variable>> gen = new HashMap<>(), kill = new HashMap<>();
        for (BasicBlock b : fn.blocks) {
            Set<Variable> g = new HashSet<>(), k = new HashSet<>();
            for (Stmt st : b.stmts) {
                Set<Variable> read = new HashSet<>();
                reads(st, read);
                for (Variable v : read) if (candidates.contains(v) && !k.contains(v)) g.add(v);
                Variable w = written(st);
                if (w != null && candidates.contains(w)) k.add(w);
            }
            gen.put(b, g);
            kill.put(b, k);
        }
        Map<BasicBlock, Set<Variable>> liveIn = new HashMap<>();
        for (BasicBlock b : fn.blocks) liveIn.put(b, new HashSet<>(gen.get(b)));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = fn.blocks.size() - 1; i >= 0; i--) {
                BasicBlock b = fn.blocks.get(i);
                Set<Variable> in = liveIn.get(b);
                for (BasicBlock s : b.succs) {
                    Set<Variable> sin = liveIn.get(s);
                    if (sin == null) continue;
                    for (Variable v : sin) if (!kill.get(b).contains(v) && in.add(v)) changed = true;
                }
            }
        }
        Map<BasicBlock, Set<Variable>> dead = new HashMap<>();
        for (BasicBlock b : fn.blocks) {
            Set<Variable> d = new HashSet<>(candidates);
            d.removeAll(liveIn.get(b));
            if (!d.isEmpty()) dead.put(b, d);
        }
        return dead;
    }

    /**
     * Before a join: the dead locals of {@code s} that hold pointers forget them, as long as every block such a
     * pointer reaches is still reachable without them (a block only they hold has leaked, and is left for the
     * leak checks to find). A stale {@code arr} of an earlier round then gives no block to a path that never
     * made one. Returns {@code s} itself when nothing changes, else a changed copy.
     */
    static State forgetDead(Set<Region> dead, State s, Set<Region> temporaries) {
        if (dead.isEmpty() || s.bottom) return s;
        List<Region> holding = new ArrayList<>();
        for (Region r : dead) {
            Contents c = s.mem.get(r);
            if (c != null && c.pointees().stream().anyMatch(t -> t.kind == Region.Kind.HEAP)) holding.add(r);
        }
        if (holding.isEmpty()) return s;
        Set<Region> elsewhere = Interpreter.reachableFromRoots(s, temporaries, dead);
        State out = s;
        for (Region r : holding) {
            // (every pointee, heap or not, must be reached from the live roots: what is not is kept)
            if (!elsewhere.containsAll(s.mem.get(r).pointees())) continue;
            // (a copy: the state is the one its block hands every successor, where the local may be live)
            if (out == s) out = s.copy();
            out.set(r, Contents.unwritten(r.size));
        }
        return out;
    }

    private static boolean candidate(Variable v, Set<Variable> addressTaken) {
        return (v.kind == Variable.Kind.LOCAL || v.kind == Variable.Kind.TEMP) && !addressTaken.contains(v);
    }

    /** The local a statement gives a whole new value (a declaration, an assignment to it, a call's result in it). */
    private static Variable written(Stmt st) {
        return switch (st) {
            case Stmt.Declare d -> d.var();
            case Stmt.Assign a -> a.target() instanceof Lvalue.Var v ? v.var() : null;
            case Stmt.Call c -> c.result() instanceof Lvalue.Var v ? v.var() : null;
            case Stmt.Allocate a -> a.result() instanceof Lvalue.Var v ? v.var() : null;
            default -> null;
        };
    }

    /** Every variable a statement mentions other than as the whole target it writes. */
    private static void reads(Stmt st, Set<Variable> out) {
        List<Expr> exprs = new ArrayList<>();
        List<Lvalue> targets = new ArrayList<>();
        switch (st) {
            case Stmt.Assign a -> { exprs.add(a.value()); targets.add(a.target()); }
            case Stmt.Assume a -> exprs.add(a.cond());
            case Stmt.Call c -> {
                exprs.addAll(c.args());
                if (c.calleeExpr() != null) exprs.add(c.calleeExpr());
                if (c.result() != null) targets.add(c.result());
            }
            case Stmt.Return r -> { if (r.value() != null) exprs.add(r.value()); }
            case Stmt.Allocate a -> { exprs.add(a.size()); if (a.result() != null) targets.add(a.result()); }
            case Stmt.Free f -> exprs.add(f.pointer());
            case Stmt.InitAggregate ia -> { exprs.addAll(ia.elements()); targets.add(ia.target()); if (ia.stringLiteral() != null) exprs.add(ia.stringLiteral()); }
            default -> { }
        }
        for (Expr e : exprs) if (e != null) expr(e, out);
        // a target that is not the whole variable reads the variable it is part of (a field, an element)
        for (Lvalue t : targets) if (!(t instanceof Lvalue.Var)) lvalue(t, out);
    }

    private static void expr(Expr e, Set<Variable> out) {
        switch (e) {
            case Expr.Load l -> lvalue(l.lv(), out);
            case Expr.AddressOf a -> lvalue(a.lv(), out);
            case Expr.Binary b -> { expr(b.left(), out); expr(b.right(), out); }
            case Expr.Unary u -> expr(u.operand(), out);
            case Expr.Cast c -> expr(c.operand(), out);
            default -> { }
        }
    }

    private static void lvalue(Lvalue lv, Set<Variable> out) {
        switch (lv) {
            case Lvalue.Var v -> out.add(v.var());
            case Lvalue.Index i -> { expr(i.index(), out); lvalue(i.base(), out); }
            case Lvalue.Deref d -> expr(d.pointer(), out);
            case Lvalue.Field f -> lvalue(f.base(), out);
        }
    }
}
