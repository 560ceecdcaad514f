package io.memsafe.analysis.engine;

import io.memsafe.ir.Function;
import io.memsafe.ir.Variable;

import java.util.Set;

/** What the interprocedural analysis needs to know about who may call whom, computed once per scan. */
interface CallGraph {
    /** Every global (and static local) a function, or anything it may call, names. */
    Set<Variable> globals(Function f);

    /**
     * The globals (and static locals) that {@code f}, or anything it calls by name, stores into or
     * takes the address of, in a deterministic order. What a call through a pointer below {@code f}
     * may reach is not among them: with it every global an allocator hook or a callback table is kept
     * in would count, and each call not followed would lose them all.
     */
    Set<Variable> writtenBelow(Function f);

    /**
     * The longest chain of calls below {@code f} (0 for a function that calls no function of the
     * program); {@link Integer#MAX_VALUE} when it is unbounded (recursion) or unknown (a call through
     * a pointer).
     */
    int height(Function f);

    /** May {@code from}, or anything it calls, call {@code to}? */
    boolean mayCall(Function from, Function to);

    /**
     * The functions a call through a function-pointer member ({@code c->on_read(...)}) may reach, by what
     * the program stores into that member of that structure type ({@link MemberCallbacks}); empty when
     * it is not such a call or too many may.
     */
    java.util.List<Function> memberTargets(io.memsafe.ir.Expr callee);
}
