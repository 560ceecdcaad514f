package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;
import io.memsafe.models.LibraryModels;

import java.util.List;

/**
 * The block a global pointer designates when the analysis starts without knowing it (a root's globals
 * are whatever earlier calls left there). Released through the global ({@code free(g)},
 * {@code ExFreePoolWithTag(g, tag)}), that block becomes one of its own: a heap block the global
 * designates, freed from then on, so a later use through the global in the same activation is a use
 * after free, and a global still holding it when a request handler returns is reported
 * ({@link FrameEscapes}): the next request reads freed memory.
 */
final class GlobalBlocks {
    private GlobalBlocks() { }

    /** The family of such blocks: no allocator of the scan made them, so no deallocator is the wrong one and no leak is theirs. */
    static final String FAMILY = "global-block";

    /**
     * Before a call that releases an argument: gives an unknown global pointer passed there a block of
     * its own. Releasing calls are the deallocator models and the program's functions that hand a
     * parameter to one directly ({@code fwl_free_session(fwl_cur)} with {@code kfree(s)} inside).
     */
    static void materialize(Interpreter in, Stmt.Call c, List<Value> args, State s, Interpreter.Frame f) {
        if (LibraryModels.get(c.callee()) != null) {
            int released = LibraryModels.releasedArgument(c.callee());
            if (released >= 0) materialize(in, c, released, args, s, f);
            return;
        }
        io.memsafe.ir.Function callee = f.fn() == null ? null : in.program.resolve(f.fn().unit, c.callee());
        if (callee == null) return;
        for (int i = 0; i < callee.params.size() && i < args.size(); i++) {
            if (releasesParameter(callee, callee.params.get(i))) materialize(in, c, i, args, s, f);
        }
    }

    /** Does {@code fn} hand its parameter {@code p} to a deallocator model itself (not through another call)? */
    private static boolean releasesParameter(io.memsafe.ir.Function fn, Variable p) {
        if (!(p.type instanceof io.memsafe.ir.Type.Pointer)) return false;
        for (io.memsafe.ir.BasicBlock b : fn.blocks) {
            for (Stmt st : b.stmts) {
                if (!(st instanceof Stmt.Call call)) continue;
                int released = LibraryModels.releasedArgument(call.callee());
                if (released >= 0 && released < call.args().size() && Expr.loadedVariable(call.args().get(released)) == p) return true;
            }
        }
        return false;
    }

    /** Gives the global pointer passed as argument {@code arg}, when its value is not known, a block of its own. */
    private static void materialize(Interpreter in, Stmt.Call c, int arg, List<Value> args, State s, Interpreter.Frame f) {
        if (arg >= args.size() || arg >= c.args().size()) return;
        Value v = args.get(arg);
        if (!v.unknown || !v.pts.isEmpty() || v.isDefinitelyNull()) return;
        Expr a = c.args().get(arg);
        while (a instanceof Expr.Cast cast) a = cast.operand();
        if (!(a instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var gv) || !gv.var().isGlobalStorage()) return;
        Variable g = gv.var();
        Region holder = in.region(g, f.fn());
        Region block = new Region("gblock:" + holder.key, Region.Kind.HEAP, Value.UNKNOWN,
                "the block '" + g.name + "' pointed to", c.loc(), FAMILY);
        s.set(block, Contents.uninitialized());
        s.allocated(block, null);
        Value p = Value.pointer(block, Interval.ZERO);
        s.set(holder, s.contents(holder).store(Interval.ZERO, Math.max(1, g.type.size()), p, true));
        args.set(arg, p);
    }
}
