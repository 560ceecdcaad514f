package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

/**
 * The lifetime of a heap block that has been released on some path: where it was freed, and
 * whether it is freed on every path that reaches the program point ({@code must}) or only on some
 * ({@code must == false}, "maybe freed"). A block absent from {@link State#freed} is allocated.
 * The checkers act on {@code must} only: a path-insensitive merge cannot tell a real "freed on one
 * path, used on another" bug from correlated branches, and a false alarm costs more than a miss.
 * <p>
 * {@code ifAllocated}: the block was handed to realloc, which released it exactly when it
 * returned a block (this region, at realloc's site) rather than NULL. Until a branch or a
 * dereference tells which, the block is "maybe freed"; on the paths where the result is known
 * non-NULL it is freed, on those where it is NULL it is still allocated. Null for every other
 * release. Any join with a path that does not share that correlation drops it.
 */
public record Lifetime(SourceLoc freedAt, boolean must, Region ifAllocated, SourceLoc via) {
    public Lifetime(SourceLoc freedAt, boolean must) { this(freedAt, must, null, null); }

    public Lifetime(SourceLoc freedAt, boolean must, Region ifAllocated) { this(freedAt, must, ifAllocated, null); }

    /**
     * Released inside a call made at {@code call} by the function analysed (the release itself is in a
     * callee, {@code freedAt}): where a finding's reader sees the block go. The outermost such call
     * is kept, as each caller's return replaces the callee's.
     */
    public Lifetime via(SourceLoc call) { return new Lifetime(freedAt, must, ifAllocated, call); }

    /** {@code via} explains, it does not distinguish: two lifetimes that differ only there are the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Lifetime l && must == l.must && java.util.Objects.equals(freedAt, l.freedAt) && java.util.Objects.equals(ifAllocated, l.ifAllocated);
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(freedAt, must, ifAllocated); }

    /** The state after a join with a path on which the block is still allocated. */
    public Lifetime maybe() { return must || ifAllocated != null ? new Lifetime(freedAt, false, null, via) : this; }

    public Lifetime join(Lifetime o) {
        if (must && o.must) return this;
        if (ifAllocated != null && ifAllocated.equals(o.ifAllocated)) return this;
        return maybe();
    }

    /** Released by a realloc whose result is still undecided (NULL or a new block). */
    public boolean pending() { return ifAllocated != null; }
}
