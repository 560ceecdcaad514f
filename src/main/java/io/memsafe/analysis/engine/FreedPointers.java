package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;
import io.memsafe.models.LibraryModels;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Local pointer variables that hold a pointer released on every path to a statement, and not
 * assigned since: {@code for (n = head; n; n = n->next) free(n);} reads {@code n->next} from the
 * block just freed. The heap lifetime cannot say so when the block is one of several from the same
 * allocation site (the nodes of a list built in a loop): releasing one of them releases none of the
 * others, so the site's region is only "maybe freed". The variable itself can: it still designates
 * the one block that was released. A must-analysis over the function's code (sets of variables,
 * intersected where paths meet); a variable whose address is taken is never counted.
 */
final class FreedPointers {
    private FreedPointers() { }

    /** Per function: for each block, the variables freed (and where) on entry; null for an unreachable block. */
    private static final Map<Function, Map<BasicBlock, Map<Variable, SourceLoc>>> FACTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** The same, freed on some path. */
    private static final Map<Function, Map<BasicBlock, Map<Variable, SourceLoc>>> MAY_FACTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * A dereference through {@code lv}: when its pointer is a variable that holds a released pointer on
     * every path here while the heap lifetime does not show its block freed on every path (one of several
     * blocks of a site, or a block the analysis did not see allocated: a list entry reached through a
     * parameter), the use is reported; the lifetime's own report covers the other case.
     */
    static void dereferenced(Interpreter in, Lvalue lv, Value p, State s, Interpreter.Frame f) {
        if (!f.report() || s == null || f.fn() == null || in.block == null || !(lv instanceof Lvalue.Deref d)) return;
        Variable v = Expr.loadedVariable(d.pointer());
        // (a pointer the analysis knows nothing of, such as a parameter, is the block the call released all the same)
        if (v == null || p.isDefinitelyNull()) return;
        boolean lifetimeSays = !p.pts.isEmpty() && p.nullOrKnownRegions();
        for (Region r : p.pts.keySet()) {
            Lifetime l = s.freed.get(r);
            if (l == null || !l.must()) lifetimeSays = false;
        }
        if (lifetimeSays) return;
        FunctionFixpoint.Shape shape = in.shape(f.fn());
        SourceLoc freedAt = at(f.fn(), shape, in.block, in.index, true).get(v);
        // a loop's step that reads the entry one path of the body released: list_for_each_entry(pos, ...) { ...
        // kfree(pos); } reads pos->member.next after the kfree (the _safe form reads it first)
        if (freedAt == null && endsIteration(shape, in.block)) freedAt = at(f.fn(), shape, in.block, in.index, false).get(v);
        if (freedAt == null) return;
        for (Checker c : in.checkers) c.onUseThroughFreedPointer(lv.loc(), p, v.name, freedAt, in.withCalls(f));
    }

    /** Does {@code b} end an iteration of a loop: does it go back to a loop head before it in reverse post-order? */
    private static boolean endsIteration(FunctionFixpoint.Shape shape, BasicBlock b) {
        Integer i = shape.index().get(b);
        if (i == null) return false;
        for (BasicBlock n : b.succs) {
            Integer j = shape.index().get(n);
            if (j != null && j <= i && shape.loopHeads().contains(n)) return true;
        }
        return false;
    }

    /** The variables freed (on every path if {@code must}, else on some path) before statement {@code index} of {@code block}. */
    private static Map<Variable, SourceLoc> at(Function fn, FunctionFixpoint.Shape shape, BasicBlock block, int index, boolean must) {
        Map<BasicBlock, Map<Variable, SourceLoc>> facts = (must ? FACTS : MAY_FACTS).computeIfAbsent(fn, x -> compute(x, shape.addressTaken(), must));
        Map<Variable, SourceLoc> in = facts.get(block);
        if (in == null) return Map.of();
        Map<Variable, SourceLoc> cur = new HashMap<>(in);
        for (int i = 0; i < index && i < block.stmts.size(); i++) transfer(block.stmts.get(i), cur, shape.addressTaken());
        return cur;
    }

    private static Map<BasicBlock, Map<Variable, SourceLoc>> compute(Function fn, Set<Variable> addressed, boolean must) {
        Map<BasicBlock, Map<Variable, SourceLoc>> in = new HashMap<>();
        Map<BasicBlock, Map<Variable, SourceLoc>> out = new HashMap<>();
        in.put(fn.entry, new HashMap<>());
        java.util.ArrayDeque<BasicBlock> work = new java.util.ArrayDeque<>(List.of(fn.entry));
        int steps = 0;
        while (!work.isEmpty() && steps++ < 50 * (fn.blocks.size() + 1)) {
            BasicBlock b = work.poll();
            Map<Variable, SourceLoc> o = new HashMap<>(in.get(b));
            for (Stmt st : b.stmts) transfer(st, o, addressed);
            if (o.equals(out.get(b))) continue;
            out.put(b, o);
            for (BasicBlock n : b.succs) {
                Map<Variable, SourceLoc> old = in.get(n);
                Map<Variable, SourceLoc> met;
                if (old == null) met = new HashMap<>(o);
                else if (must) {
                    met = new HashMap<>();
                    for (Map.Entry<Variable, SourceLoc> e : old.entrySet()) {
                        SourceLoc other = o.get(e.getKey());
                        if (other != null) met.put(e.getKey(), other.compareTo(e.getValue()) < 0 ? other : e.getValue());
                    }
                } else {
                    met = new HashMap<>(old);
                    for (Map.Entry<Variable, SourceLoc> e : o.entrySet()) met.merge(e.getKey(), e.getValue(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                }
                if (!met.equals(old)) {
                    in.put(n, met);
                    work.add(n);
                }
            }
        }
        // a function too large to settle here counts nothing
        if (!work.isEmpty()) return Map.of();
        return in;
    }

    private static void transfer(Stmt st, Map<Variable, SourceLoc> freed, Set<Variable> addressed) {
        switch (st) {
            case Stmt.Assign a -> { if (a.target() instanceof Lvalue.Var v) freed.remove(v.var()); }
            case Stmt.Allocate al -> { if (al.result() instanceof Lvalue.Var v) freed.remove(v.var()); }
            case Stmt.Free fr -> release(fr.pointer(), st.loc(), freed, addressed);
            case Stmt.Call c -> {
                if (c.result() instanceof Lvalue.Var v) freed.remove(v.var());
                int arg = LibraryModels.releasedArgument(c.callee());
                if (arg >= 0 && arg < c.args().size()) release(c.args().get(arg), st.loc(), freed, addressed);
            }
            default -> { }
        }
    }

    private static void release(Expr pointer, SourceLoc loc, Map<Variable, SourceLoc> freed, Set<Variable> addressed) {
        Variable v = Expr.loadedVariable(pointer);
        if (v != null && v.kind != Variable.Kind.TEMP && !addressed.contains(v) && !v.isGlobalStorage()) freed.put(v, loc);
    }
}
