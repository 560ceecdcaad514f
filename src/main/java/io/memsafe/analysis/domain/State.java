package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * The abstract memory at a program point: the contents of every region that exists there.
 * {@code bottom} marks an unreachable point. Regions absent from the map hold unknown contents.
 * Beside the contents, the heap lifetime: {@code freed} holds the blocks released on some path
 * (see {@link Lifetime}), and {@code unchecked} the blocks returned by an allocator that may fail
 * (malloc, calloc, realloc, strdup) whose result has not been compared with NULL on any path yet,
 * with the allocation site.
 */
public final class State {
    /** Shared with the states this one was copied from or to, until either writes ({@link RegionMap}). */
    public final RegionMap<Contents> mem;
    public final RegionMap<Lifetime> freed;
    public final RegionMap<SourceLoc> unchecked;
    public boolean bottom;
    /**
     * Relations between the function's integer variables (index, length, offset, room), keyed by the
     * region key of each variable: what intervals cannot keep ({@code n + used <= size}). Top in a
     * callee's entry state; the engine forgets a variable whenever its storage changes in a way the
     * relation does not describe.
     */
    public Octagon<String> rel = Octagon.top();
    /**
     * Right after a call whose result the caller tests next: the caller's state for each group of
     * the callee's exits by return value (their join is this state), and the variables holding the
     * result. Not part of the state's value (equality, order); joins drop it.
     */
    public Cases cases;
    /**
     * Correlations between two scalars of the function running ({@link Correlation}), sorted: each
     * holds in every concrete state this one stands for. Joins, widenings and narrowings here drop
     * them, but a join keeps those both sides hold; the fixpoint engine also keeps those one side
     * holds and the other satisfies, and makes new ones.
     */
    public java.util.List<Correlation> cor = java.util.List.of();

    public record Cases(java.util.List<State> states, java.util.Set<Region> tested) { }

    /**
     * Storage that some of the paths meeting at a join left unwritten (a scalar local), NULL (a local
     * pointer) or freed (a heap block), with no test assumed since the join: a read, dereference or use
     * of it is reached whichever way the branch went, so on that path it reads an indeterminate value,
     * dereferences NULL or uses freed memory (Clang's -Wsometimes-uninitialized; a check for NULL that
     * falls through to the dereference). Each with what it held at the join (its contents, or its
     * lifetime): a store or a release since replaces that. Not part of the state's value (equality,
     * order): it only decides reports.
     */
    public java.util.Map<Region, OnSomePaths> partly = java.util.Map.of();

    /**
     * True when every path to here took a test to say that a pointer the analysis knew nothing of is
     * NULL ({@code if (!end) return;} after a call that always sets it): the intervals cannot say "not
     * NULL" of such a pointer, so such a path may be one the program never takes. What those paths
     * alone leave unwritten is no evidence for {@link #partly}.
     */
    public boolean nullAssumed;

    /** What {@link #partly} keeps: unwritten, NULL or freed on some of the paths that met. */
    public enum OnSome { UNWRITTEN, NULL, FREED }

    /**
     * What {@link #partly} keeps of a region: its contents (its lifetime, when freed) where the paths
     * met, that place, and what it is on some; for a structure or array unwritten in part on some
     * paths, those bytes ({@code null}: the whole region).
     */
    public record OnSomePaths(Object held, SourceLoc joinedAt, OnSome what, ByteRanges bytes, NullReturn returned) {
        public OnSomePaths(Object held, SourceLoc joinedAt, OnSome what) { this(held, joinedAt, what, null, null); }
        public OnSomePaths(Object held, SourceLoc joinedAt, OnSome what, ByteRanges bytes) { this(held, joinedAt, what, bytes, null); }
    }

    /**
     * A fact on some paths that a call left: a pointer NULL on some paths because the function it was
     * returned by returns NULL on some of its own (which one, where), or what a callee's paths that met
     * inside it left unwritten or freed ({@code at} null); what memory held before the call (a
     * shared copy); and, for the latter, the caller's variables its arguments read or point to (the
     * callee's paths may have gone the way their values said).
     */
    public record NullReturn(String callee, SourceLoc at, RegionMap<Contents> beforeCall, java.util.Set<Region> passed) { }

    /** Where the paths met of which some freed {@code r}, if no test and no release came since; else null. */
    public OnSomePaths freedOnSomePaths(Region r) {
        OnSomePaths w = partly.get(r);
        return w != null && w.what() == OnSome.FREED && w.held().equals(freed.get(r)) ? w : null;
    }

    public State(Map<Region, Contents> mem, boolean bottom) {
        this(RegionMap.of(mem), new RegionMap<>(), new RegionMap<>(), bottom);
    }

    public State(Map<Region, Contents> mem, Map<Region, Lifetime> freed, Map<Region, SourceLoc> unchecked, boolean bottom) {
        this(RegionMap.of(mem), RegionMap.of(freed), RegionMap.of(unchecked), bottom);
    }

    private State(RegionMap<Contents> mem, RegionMap<Lifetime> freed, RegionMap<SourceLoc> unchecked, boolean bottom) {
        this.mem = mem;
        this.freed = freed;
        this.unchecked = unchecked;
        this.bottom = bottom;
    }

    public static State empty() { return new State(new RegionMap<>(), new RegionMap<>(), new RegionMap<>(), false); }

    public static State unreachable() { return new State(new RegionMap<>(), new RegionMap<>(), new RegionMap<>(), true); }

    /** An independent state equal to this one, in constant time (the maps are shared until written). */
    public State copy() {
        State c = new State(mem.copy(), freed.copy(), unchecked.copy(), bottom);
        c.rel = rel;
        c.cases = cases;
        c.cor = cor;
        c.partly = partly;
        c.nullAssumed = nullAssumed;
        return c;
    }

    /** Makes this state equal to {@code o} (in place: callers hold this object). */
    public void assign(State o) {
        mem.assign(o.mem);
        freed.assign(o.freed);
        unchecked.assign(o.unchecked);
        bottom = o.bottom;
        rel = o.rel;
        cases = o.cases;
        cor = o.cor;
        partly = o.partly;
        nullAssumed = o.nullAssumed;
    }

    /** The lifetime of a region here; null while it is allocated (or not a heap block). */
    public Lifetime lifetime(Region r) { return freed.get(r); }

    /** A fresh allocation at a site: whatever an earlier block from the same site went through is forgotten. */
    public void allocated(Region r, SourceLoc mayFailAt) {
        freed.remove(r);
        if (mayFailAt != null) unchecked.put(r, mayFailAt);
        else unchecked.remove(r);
    }

    /** Does the region exist on this path? A heap block that does not was never allocated here. */
    private boolean exists(Region r) { return mem.containsKey(r) || r.initial != null; }

    public Contents contents(Region r) {
        Contents c = mem.get(r);
        if (c != null) return c;
        return r.initial != null ? r.initial : Contents.uninitialized();
    }

    public void set(Region r, Contents c) { mem.set(r, c); }

    public State join(State o) {
        State j = withRelations(combine(o, Value::join, false, null), o, bottom || o.bottom ? null : rel.join(o.rel));
        if (!bottom && !o.bottom) j.nullAssumed = nullAssumed && o.nullAssumed;
        // a correlation both sides keep holds of their union
        if (!bottom && !o.bottom && !cor.isEmpty() && !o.cor.isEmpty()) {
            java.util.List<Correlation> both = new java.util.ArrayList<>(cor);
            both.retainAll(o.cor);
            j.cor = java.util.List.copyOf(both);
        }
        return j;
    }

    public State widen(State o, long[] thresholds) { return widen(o, thresholds, java.util.Set.of()); }

    /**
     * The join at a loop head of a value the loop does not change: kept exact, but marked as widening
     * marks what it extrapolates when it grew (an earlier part of the function not settled yet), so that
     * it counts as a bound no more than a widened one does.
     */
    private static Value joinGrown(Value a, Value b) {
        Value j = a.join(b);
        return a.isBottom() || j.equals(a) || j.widened ? j : new Value(j.num, j.pts, j.unknown, j.taint, true);
    }

    /** Widening, except for the regions in {@code joinOnly} (what a loop does not change), which are joined. */
    public State widen(State o, long[] thresholds, java.util.Set<Region> joinOnly) {
        return withRelations(combine(o, (a, b) -> a.widen(b, thresholds), true, thresholds, joinOnly), o,
                bottom || o.bottom ? null : rel.widen(o.rel, thresholds));
    }

    public State narrow(State o) { return withRelations(combine(o, Value::narrow, false, null), o, bottom || o.bottom ? null : rel.narrow(o.rel)); }

    /** The relations of a combination: {@code r}, computed only when neither side is bottom (else the other side's). */
    private State withRelations(State combined, State o, Octagon<String> r) {
        if (bottom) combined.rel = o.rel;
        else if (o.bottom) combined.rel = rel;
        else combined.rel = r;
        return combined;
    }

    private State combine(State o, BinaryOperator<Value> op, boolean widen, long[] thresholds) { return combine(o, op, widen, thresholds, java.util.Set.of()); }

    private State combine(State o, BinaryOperator<Value> op, boolean widen, long[] thresholds, java.util.Set<Region> joinOnly) {
        if (bottom) return o.copy();
        if (o.bottom) return copy();
        RegionMap<Lifetime> f = joinFreed(o);
        RegionMap<SourceLoc> u = joinUnchecked(o);
        // most regions hold the same contents on both sides: start from this side (a copy shares it
        // whole) and put only what differs
        RegionMap<Contents> m = mem.copy();
        // one walk over the regions the two sides do not share (what both hold, the same, is skipped whole)
        mem.diff(o.mem, (mine, x0, theirs, y0) -> {
            Region r = mine != null ? mine : theirs;
            // a region missing on one side was not allocated on that path: nothing points to it there
            Contents x = mine != null ? x0 : r.initial, y = theirs != null ? y0 : r.initial;
            Contents joined = x == null ? y : y == null || x == y ? x : x.combine(y, joinOnly.contains(r) ? State::joinGrown : op);
            // a block from one site reached with another size on the other side: both sizes
            Region sized = mine != null && theirs != null ? r.withSizeOf(theirs, widen, thresholds) : r;
            if (sized != r) {
                m.remove(r);
                m.put(sized, joined);
            } else if (mine == null || joined != x) m.put(r, joined);
            return true;
        });
        return new State(m, f, u, false);
    }

    /**
     * Freed on both paths stays as it is (must only if must on both); freed on one path only is
     * "maybe freed", unless the block does not exist on the other path at all (nothing can point
     * to it there), in which case that path says nothing about it.
     */
    private RegionMap<Lifetime> joinFreed(State o) {
        if (freed.isEmpty() && o.freed.isEmpty()) return new RegionMap<>();
        RegionMap<Lifetime> f = new RegionMap<>();
        for (Map.Entry<Region, Lifetime> e : freed.entrySet()) {
            Lifetime other = o.freed.get(e.getKey());
            f.put(e.getKey(), other != null ? e.getValue().join(other) : o.exists(e.getKey()) ? e.getValue().maybe() : e.getValue());
        }
        for (Map.Entry<Region, Lifetime> e : o.freed.entrySet()) {
            if (f.containsKey(e.getKey())) continue;
            f.put(e.getKey(), exists(e.getKey()) ? e.getValue().maybe() : e.getValue());
        }
        return f;
    }

    /** Unchecked on every path on which the block exists. */
    private RegionMap<SourceLoc> joinUnchecked(State o) {
        if (unchecked.isEmpty() && o.unchecked.isEmpty()) return new RegionMap<>();
        RegionMap<SourceLoc> u = new RegionMap<>();
        for (Map.Entry<Region, SourceLoc> e : unchecked.entrySet()) {
            if (o.unchecked.containsKey(e.getKey()) || !o.exists(e.getKey())) u.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<Region, SourceLoc> e : o.unchecked.entrySet()) {
            if (!u.containsKey(e.getKey()) && !exists(e.getKey())) u.put(e.getKey(), e.getValue());
        }
        return u;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        return o instanceof State st && st.bottom == bottom && sameEntries(st.mem, mem) && sameEntries(st.freed, freed) && sameEntries(st.unchecked, unchecked)
                && st.cor.equals(cor) && st.rel.equals(rel);
    }

    /** Everything equals compares (states are keys of callee results: states that differ in their relations only must not collide). */
    @Override
    public int hashCode() { return Objects.hash(mem, freed, unchecked, bottom, cor, rel); }

    /** Map equality, with what the two maps share compared by identity ({@link RegionMap#sameEntries}). */
    private static <V> boolean sameEntries(RegionMap<V> a, RegionMap<V> b) { return a == b || a.sameEntries(b); }

    public boolean leq(State o) {
        if (bottom) return true;
        if (o.bottom) return false;
        if (!rel.leq(o.rel)) return false;
        // what o knows of correlated scalars must hold here too
        if (!o.cor.isEmpty() && !cor.containsAll(o.cor)) return false;
        // the lifetime lattice is finite: this is below o when joining it into o changes nothing there
        if ((!freed.isEmpty() || !o.freed.isEmpty()) && !sameEntries(joinFreed(o), o.freed)) return false;
        if ((!unchecked.isEmpty() || !o.unchecked.isEmpty()) && !sameEntries(joinUnchecked(o), o.unchecked)) return false;
        // the regions the two do not share: each here must be below its contents there (what o holds alone says nothing)
        return mem.diff(o.mem, (mine, x, theirs, y) -> {
            if (mine == null) return true;
            if (theirs != null && !mine.sizeWithin(theirs)) return false;
            Contents other = theirs != null ? y : mine.initial;
            if (other == null) return false;
            return other == x || x.leq(other);
        });
    }
}
