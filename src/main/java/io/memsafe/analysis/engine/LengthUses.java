package io.memsafe.analysis.engine;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether an integer parameter that follows a buffer parameter is used as that buffer's length, for
 * the attack surface's inferred entry points. It is when the function reads it anywhere but as the
 * index of a table (an array of static storage): passed to a call, compared, copied, used in
 * arithmetic, indexing the buffer or a local array. An integer read only to select an entry of a table ({@code png_pass_inc[pass]}) is a
 * selector: the function does not take a buffer and its length, and the integer is no untrusted
 * length (an index into a table the caller picks is the caller's to bound). An integer the function
 * never reads at all is the size of a buffer it ignores ({@code upper_copy(out, out_size, in, in_len)}
 * writing {@code in_len} bytes): what it writes there is bounded by nothing. And whether a byte pointer
 * that follows a buffer parameter marks where its bytes end ({@link #usedAsEnd}).
 */
final class LengthUses {
    private LengthUses() { }

    static boolean usedAsLength(Function fn, Variable length, Variable buffer) {
        boolean read = false;
        for (BasicBlock b : fn.blocks) {
            for (Stmt st : b.stmts) {
                for (Expr e : roots(st, length)) {
                    if (counts(e, length, buffer)) return true;
                    read |= counts(e, length, null);
                }
            }
        }
        // never read at all: the function was handed the buffer's size and ignores it (what it writes
        // there is bounded by nothing), which is no selector either
        return !read && !fn.blocks.isEmpty();
    }

    /** The expressions a statement reads (the index expressions of what it writes included; not a plain write of the parameter). */
    private static List<Expr> roots(Stmt st, Variable p) {
        List<Expr> out = new ArrayList<>();
        switch (st) {
            case Stmt.Assign a -> { out.add(a.value()); target(a.target(), out); }
            case Stmt.Call c -> { out.addAll(c.args()); if (c.calleeExpr() != null) out.add(c.calleeExpr()); if (c.result() != null) target(c.result(), out); }
            case Stmt.Assume a -> out.add(a.cond());
            case Stmt.Return r -> { if (r.value() != null) out.add(r.value()); }
            case Stmt.InitAggregate ia -> { out.addAll(ia.elements()); target(ia.target(), out); }
            case Stmt.Allocate al -> { if (al.size() != null) out.add(al.size()); if (al.result() != null) target(al.result(), out); }
            case Stmt.Free fr -> out.add(fr.pointer());
            default -> { }
        }
        return out;
    }

    /** A written lvalue reads the expressions that locate it: as the address of what it designates. */
    private static void target(Lvalue lv, List<Expr> out) {
        if (!(lv instanceof Lvalue.Var)) out.add(new Expr.AddressOf(lv, new Type.Pointer(lv.type(), 8)));
    }

    private static boolean counts(Expr e, Variable p, Variable buf) {
        return switch (e) {
            case Expr.Load l -> lvalue(l.lv(), p, buf);
            case Expr.AddressOf a -> lvalue(a.lv(), p, buf);
            case Expr.Binary b -> b.left().type() instanceof Type.Pointer != b.right().type() instanceof Type.Pointer
                    ? offset(b.left(), b.right(), p, buf) : counts(b.left(), p, buf) || counts(b.right(), p, buf);
            case Expr.Unary u -> counts(u.operand(), p, buf);
            case Expr.Cast c -> counts(c.operand(), p, buf);
            default -> false;
        };
    }

    /** {@code pointer +/- integer}: the integer counts only as an offset into the buffer (or into what is not known to be another object). */
    private static boolean offset(Expr l, Expr r, Variable p, Variable buf) {
        Expr ptr = l.type() instanceof Type.Pointer ? l : r, off = ptr == l ? r : l;
        return counts(ptr, p, buf) || (!otherObject(ptr, buf) && counts(off, p, buf));
    }

    private static boolean lvalue(Lvalue lv, Variable p, Variable buf) {
        return switch (lv) {
            case Lvalue.Var v -> v.var() == p;
            case Lvalue.Field f -> lvalue(f.base(), p, buf);
            case Lvalue.Index i -> lvalue(i.base(), p, buf) || (!otherArray(i.base(), buf) && counts(i.index(), p, buf));
            case Lvalue.Deref d -> counts(d.pointer(), p, buf);
        };
    }

    /** A table: an array of static storage (a global or a static local) that is not the buffer (none without a buffer: any read counts). */
    private static boolean otherArray(Lvalue base, Variable buf) {
        while (base instanceof Lvalue.Field f) base = f.base();
        return buf != null && base instanceof Lvalue.Var v && v.var() != buf && v.var().type instanceof Type.Array && v.var().isGlobalStorage();
    }

    /** A pointer expression that designates a table ({@code table + i}). */
    private static boolean otherObject(Expr ptr, Variable buf) {
        while (ptr instanceof Expr.Cast c) ptr = c.operand();
        return ptr instanceof Expr.AddressOf a && otherArray(a.lv(), buf)
                || ptr instanceof Expr.Load l && otherArray(l.lv(), buf);
    }

    /**
     * Whether a byte pointer parameter that follows another marks where that one's bytes end (the
     * {@code (ptr, end)} form of a buffer and its length, as tokenizers take them): the function compares
     * it with the start or a pointer moved from it, or subtracts one from it ({@code p < end},
     * {@code end - p}), and never reads or writes through it at or past itself ({@code *end}, {@code end[1]};
     * {@code end[-1]} is the last byte).
     */
    static boolean usedAsEnd(Function fn, Variable start, Variable end) {
        java.util.Set<Variable> walk = walkers(fn, start);
        boolean[] bounds = {false}, through = {false};
        for (BasicBlock b : fn.blocks) {
            for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Deref d && atOrPast(d, end)) return false;
                ProgramAnalyzer.forEachExpr(st, e -> {
                    if (e instanceof Expr.Binary bin && (bin.op().isComparison() || bin.op() == Expr.BinOp.PTRDIFF)
                            && (is(bin.left(), end) && walker(bin.right(), walk) || is(bin.right(), end) && walker(bin.left(), walk))) bounds[0] = true;
                    if (e instanceof Expr.Load l && l.lv() instanceof Lvalue.Deref d && atOrPast(d, end)) through[0] = true;
                });
                if (through[0]) return false;
            }
        }
        return bounds[0];
    }

    /** The start parameter and the local pointers assigned only from it or from one another, moved or not ({@code p = ptr + 1}). */
    private static java.util.Set<Variable> walkers(Function fn, Variable start) {
        java.util.Set<Variable> out = new java.util.HashSet<>(java.util.Set.of(start));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (BasicBlock b : fn.blocks) {
                for (Stmt st : b.stmts) {
                    if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var t && t.var().type instanceof Type.Pointer
                            && !out.contains(t.var()) && walker(a.value(), out)) grew |= out.add(t.var());
                }
            }
        }
        return out;
    }

    /** A pointer expression based on one of {@code vars}, moved by an integer or not. */
    private static boolean walker(Expr e, java.util.Set<Variable> vars) {
        e = Expr.uncast(e);
        while (e instanceof Expr.Binary b && (b.op() == Expr.BinOp.ADD || b.op() == Expr.BinOp.SUB) && b.left().type() instanceof Type.Pointer) e = Expr.uncast(b.left());
        return e instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v && vars.contains(v.var());
    }

    private static boolean is(Expr e, Variable v) {
        return Expr.uncast(e) instanceof Expr.Load l && l.lv() instanceof Lvalue.Var lv && lv.var() == v;
    }

    /** {@code *v}, {@code v[k]} with k >= 0. */
    private static boolean atOrPast(Lvalue.Deref d, Variable v) {
        if (d.byteOffset() < 0) return false;
        Expr p = Expr.uncast(d.pointer());
        if (is(p, v)) return true;
        return p instanceof Expr.Binary b && b.op() == Expr.BinOp.ADD && is(b.left(), v) && !(Expr.uncast(b.right()) instanceof Expr.IntConst k && k.value() < 0);
    }
}
