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
import io.memsafe.models.Effect;
import io.memsafe.models.FunctionModel;
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

    /** Before a deallocator model runs: gives an unknown global pointer it releases a block of its own. */
    static void materialize(Interpreter in, Stmt.Call c, List<Value> args, State s, Interpreter.Frame f) {
        FunctionModel m = LibraryModels.get(c.callee());
        if (m == null) return;
        for (Effect e : m.effects()) {
            if (!(e instanceof Effect.Deallocate d) || d.arg() >= args.size() || d.arg() >= c.args().size()) continue;
            Value v = args.get(d.arg());
            if (!v.unknown || !v.pts.isEmpty() || v.isDefinitelyNull()) continue;
            Expr a = c.args().get(d.arg());
            while (a instanceof Expr.Cast cast) a = cast.operand();
            if (!(a instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var gv) || !gv.var().isGlobalStorage()) continue;
            Variable g = gv.var();
            Region holder = in.region(g, f.fn());
            Region block = new Region("gblock:" + holder.key, Region.Kind.HEAP, Value.UNKNOWN,
                    "the block '" + g.name + "' designated", c.loc(), FAMILY);
            s.set(block, Contents.uninitialized());
            s.allocated(block, null);
            Value p = Value.pointer(block, Interval.ZERO);
            s.set(holder, s.contents(holder).store(Interval.ZERO, Math.max(1, g.type.size()), p, true));
            args.set(d.arg(), p);
        }
    }
}
