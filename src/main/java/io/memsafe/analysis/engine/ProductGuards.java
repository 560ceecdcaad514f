package io.memsafe.analysis.engine;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The division check that makes a product of two variables safe: {@code if (w > INT_MAX / h) fail;
 * size = w * h}. Intervals cannot keep it (the bound on {@code w} depends on {@code h}), so the
 * multiplication asks here whether a branch that took the check's passing side dominates it: a test
 * {@code a > K / b} taken false (or {@code a <= K / b} taken true, either operand order) on every path
 * to the product {@code a * b}, with {@code K} no larger than the product's type can hold. A read of
 * the function's own code, not of the paths: it does not see a variable assigned again between the
 * check and the product, and it answers only for products of two plain variables.
 */
final class ProductGuards {
    private ProductGuards() { }

    /** Dominators per function: for each block (by index in {@link Function#blocks}), the blocks that dominate it. */
    private static final Map<Function, BitSet[]> DOMINATORS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Is the product {@code mul}, evaluated in block {@code at} of {@code fn}, guarded by a division check up to {@code max}? */
    static boolean checked(Function fn, BasicBlock at, Expr.Binary mul, long max) {
        if (fn == null || at == null || mul.op() != BinOp.MUL) return false;
        Variable a = Expr.loadedVariable(mul.left()), b = Expr.loadedVariable(mul.right());
        if (a == null || b == null) return false;
        BitSet[] dom = null;
        int here = fn.blocks.indexOf(at);
        if (here < 0) return false;
        for (int i = 0; i < fn.blocks.size(); i++) {
            for (Stmt st : fn.blocks.get(i).stmts) {
                if (!(st instanceof Stmt.Assume as) || !guards(as.cond(), as.truth(), a, b, max)) continue;
                if (dom == null) dom = DOMINATORS.computeIfAbsent(fn, ProductGuards::dominators);
                if (dom[here].get(i)) return true;
            }
        }
        return false;
    }

    /** Does assuming {@code cond} is {@code truth} mean {@code x <= K / y} for {x, y} = {a, b} and K <= max? */
    private static boolean guards(Expr cond, boolean truth, Variable a, Variable b, long max) {
        cond = Expr.uncast(cond);
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) return guards(u.operand(), !truth, a, b, max);
        if (!(cond instanceof Expr.Binary t) || !t.op().isComparison() || t.op() == BinOp.EQ || t.op() == BinOp.NE) return false;
        BinOp op = truth ? t.op() : t.op().negate();
        // x op (K / y), or (K / y) op x turned around
        Variable onRight = quotient(t.right(), a, b, max), onLeft = quotient(t.left(), a, b, max);
        if (onRight != null && (op == BinOp.LE || op == BinOp.LT)) return isOther(t.left(), onRight, a, b);
        if (onLeft != null && (op == BinOp.GE || op == BinOp.GT)) return isOther(t.right(), onLeft, a, b);
        return false;
    }

    /** For {@code K / y} with y one of a, b and 0 <= K <= max: y; else null. */
    private static Variable quotient(Expr e, Variable a, Variable b, long max) {
        if (!(Expr.uncast(e) instanceof Expr.Binary d) || d.op() != BinOp.DIV) return null;
        if (!(Expr.uncast(d.left()) instanceof Expr.IntConst ic) || ic.value() < 0 || ic.value() > max) return null;
        Variable y = Expr.loadedVariable(d.right());
        return y == a || y == b ? y : null;
    }

    private static boolean isOther(Expr x, Variable divisor, Variable a, Variable b) {
        Variable v = Expr.loadedVariable(x);
        return v != null && (divisor == a ? v == b : v == a);
    }

    /** The classic iterative dominator sets over the function's blocks (entry first). */
    private static BitSet[] dominators(Function fn) {
        List<BasicBlock> blocks = fn.blocks;
        int n = blocks.size();
        Map<BasicBlock, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(blocks.get(i), i);
        int entry = index.getOrDefault(fn.entry, 0);
        // blocks no path reaches (the code after a return) constrain nothing
        BitSet reached = new BitSet(n);
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(List.of(entry));
        reached.set(entry);
        while (!work.isEmpty()) {
            for (BasicBlock s : blocks.get(work.poll()).succs) {
                Integer si = index.get(s);
                if (si != null && !reached.get(si)) { reached.set(si); work.add(si); }
            }
        }
        BitSet[] dom = new BitSet[n];
        for (int i = 0; i < n; i++) {
            dom[i] = new BitSet(n);
            if (i == entry) dom[i].set(i);
            else dom[i].set(0, n);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (i == entry) continue;
                BitSet d = null;
                for (BasicBlock p : blocks.get(i).preds) {
                    Integer pi = index.get(p);
                    if (pi == null || !reached.get(pi)) continue;
                    if (d == null) d = (BitSet) dom[pi].clone();
                    else d.and(dom[pi]);
                }
                if (d == null) d = new BitSet(n);
                d.set(i);
                if (!d.equals(dom[i])) {
                    dom[i] = d;
                    changed = true;
                }
            }
        }
        return dom;
    }
}
