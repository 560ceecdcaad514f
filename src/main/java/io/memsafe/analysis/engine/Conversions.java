package io.memsafe.analysis.engine;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Calls of conversion functions tested right away. C code hides integer conversions in small
 * functions ({@code static inline size_t make_size_t(int x) { return (size_t) x; }}), and a
 * {@code MIN(size, make_size_t(n))} macro calls one twice: once for the test, once for the value.
 * The test bounds the first call's result only; what bounds the second is that both convert the same
 * {@code n}. So a test of the result of a call that converts one argument (the callee's body is one
 * {@code return} of casts of a parameter) is also a test of that argument, converted the same way —
 * when nothing runs between the call and the test (the call ends its block and the test starts the
 * next one), as in the code a condition lowers to.
 */
final class Conversions {
    private Conversions() { }

    /**
     * The temporaries of {@code fn} assigned once, by a call that ends its block, and read only by the
     * tests that start the blocks following it.
     */
    static Map<Variable, Stmt.Call> testedCallResults(Function fn) {
        Map<Variable, Stmt.Call> defs = new HashMap<>();
        Map<Variable, BasicBlock> defBlock = new HashMap<>();
        Set<Variable> bad = new HashSet<>();
        for (BasicBlock b : fn.blocks) {
            for (int i = 0; i < b.stmts.size(); i++) {
                if (b.stmts.get(i) instanceof Stmt.Call c && c.result() instanceof Lvalue.Var v && v.var().kind == Variable.Kind.TEMP) {
                    if (defs.containsKey(v.var()) || i != b.stmts.size() - 1) bad.add(v.var());
                    defs.put(v.var(), c);
                    defBlock.put(v.var(), b);
                }
            }
        }
        if (defs.isEmpty()) return Map.of();
        for (BasicBlock b : fn.blocks) {
            for (int i = 0; i < b.stmts.size(); i++) {
                Stmt st = b.stmts.get(i);
                if (st instanceof Stmt.Call c && c.result() instanceof Lvalue.Var v && defs.containsKey(v.var())) {
                    for (Expr a : c.args()) reads(a, defs.keySet(), bad);
                    continue;
                }
                Set<Variable> read = new HashSet<>();
                ProgramAnalyzer.forEachExpr(st, e -> {
                    if (e instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v && defs.containsKey(v.var())) read.add(v.var());
                });
                for (Variable v : read) {
                    boolean testRightAfter = st instanceof Stmt.Assume && i == 0 && b.preds.size() == 1 && b.preds.get(0) == defBlock.get(v);
                    if (!testRightAfter) bad.add(v);
                }
            }
        }
        Map<Variable, Stmt.Call> out = new HashMap<>();
        for (Map.Entry<Variable, Stmt.Call> e : defs.entrySet()) if (!bad.contains(e.getKey())) out.put(e.getKey(), e.getValue());
        return out;
    }

    private static void reads(Expr e, Set<Variable> temps, Set<Variable> bad) {
        if (e instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v && temps.contains(v.var())) bad.add(v.var());
    }

    /**
     * What the call computes when its callee converts one argument: the callee's returned casts
     * around that argument's expression; null otherwise.
     */
    static Expr converted(Program program, Function caller, Stmt.Call c) {
        if (c.callee() == null) return null;
        Function g = program.resolve(caller.unit, c.callee());
        if (g == null || g.params.size() != c.args().size()) return null;
        Expr returned = null;
        for (BasicBlock b : g.blocks) {
            for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Return r && r.value() != null && returned == null) returned = r.value();
                else return null;
            }
        }
        if (returned == null) return null;
        return substitute(returned, g, c);
    }

    private static Expr substitute(Expr e, Function g, Stmt.Call c) {
        if (e instanceof Expr.Cast cast) {
            Expr inner = substitute(cast.operand(), g, c);
            return inner == null ? null : new Expr.Cast(inner, cast.type());
        }
        if (e instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v && v.var().kind == Variable.Kind.PARAM) {
            int i = g.params.indexOf(v.var());
            return i < 0 ? null : new Expr.Cast(c.args().get(i), v.var().type);
        }
        return null;
    }
}
