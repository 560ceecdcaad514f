package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

/**
 * The lifetime of a heap block that has been released on some path: where it was freed, and
 * whether it is freed on every path that reaches the program point ({@code must}) or only on some
 * ({@code must == false}, "maybe freed"). A block absent from {@link State#freed} is allocated.
 * The checkers act on {@code must} only: a path-insensitive merge cannot tell a real "freed on one
 * path, used on another" bug from correlated branches, and a false alarm costs more than a miss.
 */
public record Lifetime(SourceLoc freedAt, boolean must) {
    /** The state after a join with a path on which the block is still allocated. */
    public Lifetime maybe() { return must ? new Lifetime(freedAt, false) : this; }

    public Lifetime join(Lifetime o) { return must && o.must ? this : maybe(); }
}
