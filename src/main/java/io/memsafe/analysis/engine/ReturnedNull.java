package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.RegionMap;
import io.memsafe.analysis.domain.State;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A search that returns NULL when it finds nothing: the pointer its caller keeps is NULL on some of the
 * paths meeting at the call ({@link State#partly}, with {@link State.NullReturn}), and a dereference of it
 * with no test of it in between is reported ({@code Interpreter}'s NULL-on-some-paths check), as Infer
 * reports "object returned by {@code find()} could be null and is dereferenced".
 * <ul>
 * <li>Only a {@code return NULL;} the function spells out right after a loop ran out counts, on a
 *     path its analysis in this call's context reached, when another reached return gives an object
 *     ({@link #at}). A NULL returned for a NULL argument ({@code if (!list) return NULL;}) or for a
 *     state the function looks up is one a caller may know it never gets.</li>
 * <li>A test between the call and the dereference keeps the fact only when it reads nothing but
 *     variables that hold what they held before the call ({@link #pastTest}): it cannot tell the
 *     callee's outcomes apart.</li>
 * <li>The same lookup done and tested before, with the same arguments, finds what it found then
 *     ({@link #foundBefore}).</li>
 * </ul>
 */
final class ReturnedNull {
    private ReturnedNull() { }

    /**
     * After {@code v = f(...)}: where the callee returns NULL on some of its paths reachable with the
     * arguments of this call and an object on others, and the NULL is a {@code return NULL} it spells
     * out (its contract, not a test's leftover: {@link #at}), the variable is NULL on some of
     * the paths meeting at the call, as if the caller had written both returns there. Infer's "object
     * returned by f() could be null and is dereferenced".
     */
    static void atCall(Interpreter in, Function callee, SourceLoc at, RegionMap<Contents> beforeCall, Stmt.Call c, State s,
                       Interpreter.Frame f) {
        // (the lowering's temporary, mostly, which copied() hands on to the variable)
        if (at == null || s.bottom || f.fn() == null || !(c.result() instanceof Lvalue.Var v)
                || !(v.type() instanceof Type.Pointer)) return;
        Region r = in.region(v.var(), f.fn());
        if (!(s.mem.get(r) instanceof Contents held) || foundBefore(f.fn(), c)) return;
        Map<Region, State.OnSomePaths> out = new TreeMap<>(s.partly);
        out.put(r, new State.OnSomePaths(held, c.loc(), State.OnSome.NULL, null, new State.NullReturn(callee.name, at, beforeCall, Set.of())));
        s.partly = Collections.unmodifiableMap(out);
    }

    /**
     * Does {@code fn} look the same thing up before {@code c} and test what it found: an earlier call of
     * the same function with the same arguments (variables not assigned between the two calls), its
     * result copied to a variable that a test reads before {@code c}? The second lookup finds what the
     * first one did ({@code tgt = find(t, name); if (!tgt) return; add(t, ...); tgt = find(t, name);}).
     */
    private static boolean foundBefore(Function fn, Stmt.Call c) {
        List<Stmt> all = new ArrayList<>();
        for (BasicBlock b : fn.blocks) all.addAll(b.stmts);
        for (Stmt st : all) {
            if (!(st instanceof Stmt.Call e) || e == c || !c.callee().equals(e.callee()) || e.loc() == null || c.loc() == null
                    || e.loc().compareTo(c.loc()) >= 0 || e.args().size() != c.args().size()) continue;
            boolean same = true;
            Set<Variable> vars = new HashSet<>();
            for (int i = 0; i < c.args().size() && same; i++) same = sameExpr(e.args().get(i), c.args().get(i), vars);
            if (!same || !(e.result() instanceof Lvalue.Var rv)) continue;
            Set<Variable> results = new HashSet<>(List.of(rv.var()));
            boolean assigned = false, tested = false;
            for (Stmt x : all) {
                if (!(x instanceof Stmt.Assign a) || !(a.target() instanceof Lvalue.Var t)) continue;
                // (the copy of the result to the variable a declaration initialises may sit before the call's place)
                if (Expr.loadedVariable(a.value()) instanceof Variable from && results.contains(from)) results.add(t.var());
                if (vars.contains(t.var()) && x.loc() != null && x.loc().compareTo(e.loc()) >= 0 && x.loc().compareTo(c.loc()) < 0) assigned = true;
            }
            for (Stmt x : all) {
                if (x instanceof Stmt.Assume a && x.loc() != null && x.loc().compareTo(e.loc()) >= 0 && x.loc().compareTo(c.loc()) < 0
                        && ReturnCases.reads(a.cond(), results::contains)) tested = true;
            }
            if (!assigned && tested) return true;
        }
        return false;
    }

    /** The same expression of constants and variables (those it reads added to {@code vars}). */
    private static boolean sameExpr(Expr a, Expr b, Set<Variable> vars) {
        return switch (a) {
            case Expr.IntConst k -> b instanceof Expr.IntConst l && k.value() == l.value();
            case Expr.StringLit k -> b instanceof Expr.StringLit l && k.text().equals(l.text());
            case Expr.Cast k -> b instanceof Expr.Cast l && sameExpr(k.operand(), l.operand(), vars);
            case Expr.Load k -> b instanceof Expr.Load l && k.lv() instanceof Lvalue.Var x
                    && l.lv() instanceof Lvalue.Var y && x.var() == y.var() && vars.add(x.var()) | true;
            case Expr.AddressOf k -> b instanceof Expr.AddressOf l && k.lv() instanceof Lvalue.Var x
                    && l.lv() instanceof Lvalue.Var y && x.var() == y.var();
            default -> false;
        };
    }

    /**
     * Where a function returning a pointer spells out {@code return NULL} on a path its analysis
     * reached ({@code exits}: the state at the end of each block that returns) as a search that found
     * nothing does: right after a loop ran out ({@link #afterLoop}), when another reached return gives
     * something that is not NULL; else null. Not a NULL returned for a NULL argument
     * ({@code if (!list) return NULL;}, which a caller that tested its pointer never gets but the
     * intervals cannot tell), nor one for a state the function looks up (a caller may know it holds).
     */
    static SourceLoc at(Function fn, List<BasicBlock> blocks, Set<BasicBlock> loopHeads, Map<BasicBlock, State> exits) {
        if (fn.type == null || !(fn.type.returnType() instanceof Type.Pointer)) return null;
        Region ret = Interpreter.returnRegion(fn);
        SourceLoc at = null;
        boolean object = false;
        for (BasicBlock b : blocks) {
            State x = exits.get(b);
            if (x == null || x.bottom) continue;
            Stmt.Return r = null;
            for (Stmt st : b.stmts) if (st instanceof Stmt.Return rs) r = rs;
            if (r == null || r.value() == null) continue;
            if (Expr.uncast(r.value()) instanceof Expr.IntConst k && k.value() == 0) {
                if (afterLoop(b, loopHeads) && r.loc() != null && r.loc().line() > 0 && (at == null || r.loc().compareTo(at) < 0)) at = r.loc();
            } else if (!x.contents(ret).load(Interval.ZERO, 8).isDefinitelyNull()) {
                object = true;
            }
        }
        return object ? at : null;
    }

    /**
     * What {@link State#partly} keeps past the test {@code cond}: the pointers a callee may have
     * returned NULL in, and what a callee left unwritten or freed on some of its paths, where the test
     * reads nothing but local variables that hold what they held before that call (and, for the latter,
     * that the call was not handed: its paths may have gone the way they said), and not the pointer
     * itself ({@code arg = sp ? sp + 1 : ""} between the lookup
     * and the dereference). Such a test cannot tell the callee's outcomes apart: what it reads was set
     * before the call. Anything else a test reads (memory, a variable written since, an out-parameter
     * the callee set) may decide it.
     */
    static Map<Region, State.OnSomePaths> pastTest(Interpreter in, Expr cond, State s, Interpreter.Frame f) {
        Map<Region, State.OnSomePaths> kept = null;
        Set<Region> read = new HashSet<>();
        if (!localsRead(in, cond, f, read)) return Map.of();
        for (Map.Entry<Region, State.OnSomePaths> e : s.partly.entrySet()) {
            State.NullReturn nr = e.getValue().returned();
            if (nr == null || read.contains(e.getKey()) || !Collections.disjoint(read, nr.passed())) continue;
            boolean same = true;
            for (Region r : read) same &= s.mem.get(r) != null && s.mem.get(r) == nr.beforeCall().get(r);
            if (!same) continue;
            if (kept == null) kept = new TreeMap<>();
            kept.put(e.getKey(), e.getValue());
        }
        return kept == null ? Map.of() : Collections.unmodifiableMap(kept);
    }

    /** The regions of the caller's variables that the call's arguments read or take the address of. */
    static Set<Region> passed(Interpreter in, Stmt.Call c, Interpreter.Frame f) {
        Set<Region> out = new HashSet<>();
        ProgramAnalyzer.forEachExpr(c, e -> {
            Lvalue lv = e instanceof Expr.Load l ? l.lv() : e instanceof Expr.AddressOf a ? a.lv() : null;
            if (ProgramAnalyzer.baseVar(lv) instanceof Variable v) out.add(in.region(v, f.fn()));
        });
        return out;
    }

    /** Adds the regions of the variables {@code e} reads to {@code out}; false if it reads memory, or takes an address. */
    private static boolean localsRead(Interpreter in, Expr e, Interpreter.Frame f, Set<Region> out) {
        return switch (e) {
            case Expr.IntConst k -> true;
            case Expr.Load l -> l.lv() instanceof Lvalue.Var v && out.add(in.region(v.var(), f.fn())) | true;
            case Expr.Unary u -> localsRead(in, u.operand(), f, out);
            case Expr.Cast c -> localsRead(in, c.operand(), f, out);
            case Expr.Binary b -> localsRead(in, b.left(), f, out) && localsRead(in, b.right(), f, out);
            default -> false;
        };
    }

    /**
     * Is block {@code b} reached only by leaving a loop because its condition failed: the first block
     * that begins with a test, going back from {@code b} through blocks of one predecessor, is the
     * branch out of a loop head?
     */
    private static boolean afterLoop(BasicBlock b, Set<BasicBlock> loopHeads) {
        BasicBlock x = b;
        for (int i = 0; i < 16 && x.preds.size() == 1 && !(!x.stmts.isEmpty() && x.stmts.get(0) instanceof Stmt.Assume); i++) x = x.preds.get(0);
        if (!x.stmts.isEmpty() && x.stmts.get(0) instanceof Stmt.Assume a) return x.preds.size() == 1 && loopHeads.contains(x.preds.get(0));
        // where the lowering tests a loop's condition once before its head (a loop that may run zero
        // times), the two ways out meet: each a branch out on that condition, one of them from the head
        Stmt.Assume out = null;
        boolean fromHead = false;
        for (BasicBlock p : x.preds) {
            if (p.preds.size() != 1 || p.stmts.isEmpty() || !(p.stmts.get(0) instanceof Stmt.Assume a)) return false;
            if (out != null && (a.truth() != out.truth() || !a.cond().equals(out.cond()))) return false;
            out = a;
            fromHead |= loopHeads.contains(p.preds.get(0));
        }
        return fromHead;
    }

    /** {@code to = from} just stored: a NULL some callee may have returned in {@code from} may be in {@code to}. */
    static void copied(State s, Region from, Region to) {
        State.OnSomePaths w = s.partly.get(from);
        if (w == null || w.returned() == null || !(s.mem.get(to) instanceof Contents held)) return;
        Map<Region, State.OnSomePaths> out = new TreeMap<>(s.partly);
        out.remove(from);
        out.put(to, new State.OnSomePaths(held, w.joinedAt(), w.what(), null, w.returned()));
        s.partly = Collections.unmodifiableMap(out);
    }
}
