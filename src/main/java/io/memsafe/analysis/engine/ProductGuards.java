package io.memsafe.analysis.engine;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The division check that makes a product of two variables safe: {@code if (w > INT_MAX / h) fail;
 * size = w * h}, also written {@code if (h && w > INT_MAX / h) fail;} (a zero h makes a zero product).
 * Intervals cannot keep it (the bound on {@code w} depends on {@code h}), so the multiplication asks
 * here whether every path to the product {@code a * b} passes the check's passing side — a test
 * {@code a > K / b} taken false (or {@code a <= K / b} taken true, either operand order), with
 * {@code K} no larger than the product's type can hold — or a test that makes a or b zero. The
 * operands are variables or members reached the same way ({@code g->width * g->height}). A read of
 * the function's own code, not of the paths: it does not see an operand assigned again between the
 * check and the product.
 */
final class ProductGuards {
    private ProductGuards() { }

    /** Dominators per function: for each block (by index in {@link Function#blocks}), the blocks that dominate it. */
    private static final Map<Function, BitSet[]> DOMINATORS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Is the product {@code mul}, evaluated in block {@code at} of {@code fn}, guarded by a division check up to {@code max}? */
    static boolean checked(Function fn, BasicBlock at, Expr.Binary mul, long max) {
        if (fn == null || at == null || mul.op() != BinOp.MUL) return false;
        Lvalue a = operand(mul.left()), b = operand(mul.right());
        if (a == null || b == null) return false;
        int here = fn.blocks.indexOf(at);
        if (here < 0) return false;
        BitSet guard = new BitSet(), zero = new BitSet();
        for (int i = 0; i < fn.blocks.size(); i++) {
            for (Stmt st : fn.blocks.get(i).stmts) {
                if (!(st instanceof Stmt.Assume as)) continue;
                if (guards(as.cond(), as.truth(), a, b, max)) guard.set(i);
                else if (zero(as.cond(), as.truth(), a) || zero(as.cond(), as.truth(), b)) zero.set(i);
            }
        }
        if (guard.isEmpty()) return false;
        BitSet[] dom = DOMINATORS.computeIfAbsent(fn, ProductGuards::dominators);
        if (dom[here].intersects(guard)) return true;
        // no one check dominates it: every path from the entry passes a check or a zero operand
        if (zero.isEmpty()) return false;
        BitSet cut = (BitSet) guard.clone();
        cut.or(zero);
        int entry = Math.max(0, fn.blocks.indexOf(fn.entry));
        if (cut.get(entry)) return true;
        BitSet seen = new BitSet();
        java.util.ArrayDeque<BasicBlock> work = new java.util.ArrayDeque<>(List.of(fn.blocks.get(entry)));
        seen.set(entry);
        while (!work.isEmpty()) {
            BasicBlock x = work.poll();
            if (x == at) return false;
            for (BasicBlock n : x.succs) {
                int ni = fn.blocks.indexOf(n);
                if (ni < 0 || seen.get(ni) || cut.get(ni)) continue;
                seen.set(ni);
                work.add(n);
            }
        }
        return true;
    }

    /** A product's operand: a variable or a member, read as it is ({@code w}, {@code g->width}); else null. */
    private static Lvalue operand(Expr e) {
        return Expr.uncast(e) instanceof Expr.Load l && plain(l.lv()) ? l.lv() : null;
    }

    private static boolean plain(Lvalue lv) {
        return switch (lv) {
            case Lvalue.Var v -> true;
            case Lvalue.Field f -> plain(f.base());
            case Lvalue.Deref d -> Expr.uncast(d.pointer()) instanceof Expr.Load l && plain(l.lv());
            default -> false;
        };
    }

    /** The same variable or member, reached the same way (locations aside). */
    private static boolean same(Lvalue x, Lvalue y) {
        if (x instanceof Lvalue.Var a && y instanceof Lvalue.Var b) return a.var() == b.var();
        if (x instanceof Lvalue.Field a && y instanceof Lvalue.Field b) return a.offset() == b.offset() && same(a.base(), b.base());
        if (x instanceof Lvalue.Deref a && y instanceof Lvalue.Deref b) {
            return a.byteOffset() == b.byteOffset() && a.type().size() == b.type().size()
                    && Expr.uncast(a.pointer()) instanceof Expr.Load la && Expr.uncast(b.pointer()) instanceof Expr.Load lb && same(la.lv(), lb.lv());
        }
        return false;
    }

    private static boolean is(Expr e, Lvalue lv) {
        Lvalue o = operand(e);
        return o != null && same(o, lv);
    }

    /** Does assuming {@code cond} is {@code truth} make {@code x} zero ({@code !h}, {@code h == 0}, {@code h} false)? */
    private static boolean zero(Expr cond, boolean truth, Lvalue x) {
        cond = Expr.uncast(cond);
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) return zero(u.operand(), !truth, x);
        if (cond instanceof Expr.Binary t && (t.op() == BinOp.EQ || t.op() == BinOp.NE)) {
            boolean eq = (t.op() == BinOp.EQ) == truth;
            return eq && (is(t.left(), x) && isZero(t.right()) || is(t.right(), x) && isZero(t.left()));
        }
        return !truth && is(cond, x);
    }

    private static boolean isZero(Expr e) {
        return Relations.constant(e) instanceof Long k && k == 0;
    }

    /** Does assuming {@code cond} is {@code truth} mean {@code x <= K / y} for {x, y} = {a, b} and K <= max? */
    private static boolean guards(Expr cond, boolean truth, Lvalue a, Lvalue b, long max) {
        cond = Expr.uncast(cond);
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) return guards(u.operand(), !truth, a, b, max);
        if (!(cond instanceof Expr.Binary t) || !t.op().isComparison() || t.op() == BinOp.EQ || t.op() == BinOp.NE) return false;
        BinOp op = truth ? t.op() : t.op().negate();
        // x op (K / y), or (K / y) op x turned around
        Lvalue onRight = quotient(t.right(), a, b, max), onLeft = quotient(t.left(), a, b, max);
        if (onRight != null && (op == BinOp.LE || op == BinOp.LT)) return is(t.left(), onRight == a ? b : a);
        if (onLeft != null && (op == BinOp.GE || op == BinOp.GT)) return is(t.right(), onLeft == a ? b : a);
        return false;
    }

    /** For {@code K / y} with y one of a, b and 0 <= K <= max: that operand (a or b itself); else null. */
    private static Lvalue quotient(Expr e, Lvalue a, Lvalue b, long max) {
        if (!(Expr.uncast(e) instanceof Expr.Binary d) || d.op() != BinOp.DIV) return null;
        Long k = Relations.constant(d.left());
        if (k == null || k < 0 || k > max) return null;
        return is(d.right(), a) ? a : is(d.right(), b) ? b : null;
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
