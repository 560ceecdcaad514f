package io.memsafe.analysis.engine;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

/**
 * Where a pointer that is NULL on every path to a dereference was set to NULL, for the finding's
 * trace: the last assignment of the dereferenced variable before the dereference in the same function,
 * followed through copies ({@code section = section_headers}) and steps ({@code section++}) back to a
 * NULL constant. A hint read from the code, not from the paths: when the last assignment found is
 * anything else, there is no hint.
 */
final class NullOrigins {
    private static final int MAX_COPIES = 4;

    private NullOrigins() { }

    /** The step "'p' is set to NULL here" for the pointer {@code lv} dereferences, or null. */
    static TraceStep of(Lvalue lv, Function fn) {
        if (fn == null || !(lv instanceof Lvalue.Deref d)) return null;
        Variable v = pointerVariable(d.pointer());
        SourceLoc at = lv.loc();
        for (int i = 0; v != null && i < MAX_COPIES; i++) {
            Stmt.Assign last = lastAssignment(fn, v, at);
            if (last == null) return null;
            Expr rhs = Expr.uncast(last.value());
            if (rhs instanceof Expr.IntConst c && c.value() == 0) {
                return v.kind == Variable.Kind.TEMP ? null : new TraceStep(last.loc(), "'" + v.name + "' is set to NULL here");
            }
            v = pointerVariable(rhs);
            at = last.loc();
        }
        return null;
    }

    /** The variable a pointer expression reads: {@code p}, {@code (T *) p}, {@code p + k}. */
    private static Variable pointerVariable(Expr e) {
        return Expr.loadedVariable(Expr.basePointer(e));
    }

    /**
     * The assignment of NULL to {@code v} in {@code fn} written last before {@code at}, or null when
     * the function assigns it none there. Where a join holds {@code v} NULL on one path, this tells an
     * assigned NULL from one a test made, which may be a path an earlier test ruled out: the intervals
     * cannot say "not NULL" of a pointer they know nothing else of.
     */
    static Stmt.Assign nullAssigned(Function fn, Variable v, SourceLoc at) {
        Stmt.Assign best = null;
        for (BasicBlock b : fn.blocks) {
            for (Stmt s : b.stmts) {
                if (!(s instanceof Stmt.Assign a) || !(a.target() instanceof Lvalue.Var t) || t.var() != v) continue;
                if (!(Expr.uncast(a.value()) instanceof Expr.IntConst c) || c.value() != 0) continue;
                SourceLoc l = a.loc();
                if (l == null || !l.file().equals(at.file()) || l.compareTo(at) >= 0) continue;
                if (best == null || best.loc().compareTo(l) < 0) best = a;
            }
        }
        return best;
    }

    /** The assignment of {@code v} in {@code fn} written last before {@code at} in the same file. */
    private static Stmt.Assign lastAssignment(Function fn, Variable v, SourceLoc at) {
        Stmt.Assign best = null;
        for (BasicBlock b : fn.blocks) {
            for (Stmt s : b.stmts) {
                if (!(s instanceof Stmt.Assign a) || !(a.target() instanceof Lvalue.Var t) || t.var() != v) continue;
                SourceLoc l = a.loc();
                if (l == null || !l.file().equals(at.file()) || l.compareTo(at) >= 0) continue;
                if (best == null || best.loc().compareTo(l) < 0) best = a;
            }
        }
        return best;
    }
}
