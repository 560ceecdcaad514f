package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The relations of two states about to be joined, made comparable first: a place only one of them
 * relates, an element count of a block only one of them can reach, a pointer that is NULL on one side.
 * The octagons' join keeps only what both say, so each side is first given what it can say without
 * saying anything new of its own places.
 */
final class JoinedRelations {
    private JoinedRelations() { }

    /**
     * Before two states are joined: a place related in one only gets, in the other, the bounds its
     * value has there, so that the join keeps what both know (a counter first related inside a loop
     * keeps, at the loop head, the bound it had before the loop).
     */
    static void align(Interpreter in, State a, State b, Set<Region> deadLocals) {
        if (a.bottom || b.bottom) return;
        Octagon<String> ra = a.rel, rb = b.rel;
        a.rel = deadCounts(in, rb, a, deadLocals);
        b.rel = deadCounts(in, ra, b, deadLocals);
        if (a.rel == b.rel || a.rel.variables().equals(b.rel.variables())) return;
        b.rel = withBoundsOf(in, a.rel, b);
        a.rel = withBoundsOf(in, b.rel, a);
    }

    /**
     * The element count of a block that no pointer in {@code s} can reach (freed and forgotten, or not
     * allocated on this path) says nothing of any access here: it takes, here, the other state's relations
     * to the places both have, as long as that tells nothing new of those places. The join then keeps what
     * the other path knows of it: an array grown in a loop ({@code if (n >= cap) { cap *= 2; p = realloc(p,
     * cap * sizeof *p); }}) is the first block on one path and the grown one on the other, and each is as
     * long as {@code cap} wherever a pointer can reach it. The relation to the place the block was
     * allocated with is taken first; then the other equalities and relations tighter than the two places'
     * bounds (the others say nothing of the block, and taken first they would make the ones that do look
     * like news).
     */
    private static Octagon<String> deadCounts(Interpreter in, Octagon<String> from, State s, Set<Region> deadLocals) {
        Octagon<String> r = s.rel;
        Set<String> reachable = null;
        for (String k : from.variables()) {
            if (!BlockCounts.isCount(k) || r.variables().isEmpty()) continue;
            if (reachable == null) {
                reachable = new HashSet<>();
                // (a local no path reads again holds nothing that keeps a block alive)
                for (Region g : Interpreter.reachableFromRoots(s, in.temporaries, deadLocals)) reachable.add(g.key);
            }
            if (reachable.contains(BlockCounts.countedBlock(k))) continue;
            Octagon<String> base = r.variables().contains(k) ? r.forget(k) : r, x = base;
            Interval kb = from.bounds(k);
            // the place the block was allocated with first: its relation is the one the count was made with
            // (two constants of the other path look just as equal)
            List<String> places = new ArrayList<>(base.variables());
            Set<String> definedBy = in.countDefinedBy.getOrDefault(k, Set.of());
            places.sort(java.util.Comparator.comparing(v -> !definedBy.contains(v)));
            for (String v : places) {
                if (!from.variables().contains(v) || BlockCounts.isCount(v)) continue;
                Interval vb = from.bounds(v);
                long d = from.upperDiff(k, v), e = from.upperDiff(v, k);
                boolean equal = d != Octagon.INF && e != Octagon.INF && d + e == 0;
                if (d != Octagon.INF && (equal || d < Relations.satAdd(kb.hi(), Interval.satNeg(vb.lo())))) x = vacuous(base, x, x.addConstraint(k, v, d));
                if (e != Octagon.INF && (equal || e < Relations.satAdd(vb.hi(), Interval.satNeg(kb.lo())))) x = vacuous(base, x, x.addConstraint(v, k, e));
            }
            r = x;
        }
        return r;
    }

    private static Octagon<String> withBoundsOf(Interpreter in, Octagon<String> from, State s) {
        Octagon<String> r = s.rel;
        for (String k : from.variables()) {
            if (r.variables().contains(k)) continue;
            Interval b = Relations.known(in, k, s);
            if (b == null) {
                r = nullWithRelationsOf(in, k, from, r, s);
                continue;
            }
            r = r.meetInterval(k, b);
            if (r.isBottom()) return s.rel;
        }
        return r;
    }

    /**
     * A pointer place that holds NULL here, related in the other state: its relations describe it only
     * when it points somewhere ({@link #assigned}), so it may take, here, the other state's relations to
     * the places both have, as long as that tells nothing new of those places (an offset that satisfies
     * them exists whatever values they hold here). The join then keeps them: a search result that is
     * NULL before a loop and before the end inside it stays before the end at the loop's head.
     */
    private static Octagon<String> nullWithRelationsOf(Interpreter in, String k, Octagon<String> from, Octagon<String> r, State s) {
        Relations.Place p = in.relatedPlaces.get(k);
        if (p == null || !p.pointer() || !Relations.isNull(Relations.held(p, s)) || r.variables().isEmpty()) return r;
        Octagon<String> x = r;
        // one constraint at a time, each kept only when it leaves what r says as it was (two of them may
        // not both hold here: p <= match < end with p == end)
        for (String v : r.variables()) {
            if (!from.variables().contains(v) || BlockCounts.isCount(v)) continue;
            long d = from.upperDiff(k, v), e = from.upperDiff(v, k), hi = from.upperSum(k, v), lo = from.lowerSum(k, v);
            if (d != Octagon.INF) x = vacuous(r, x, x.addConstraint(k, v, d));
            if (e != Octagon.INF) x = vacuous(r, x, x.addConstraint(v, k, e));
            if (hi != Octagon.INF && hi != Interval.NEG_INF) x = vacuous(r, x, x.addSumConstraint(k, v, hi));
            if (lo != Interval.NEG_INF && lo != Interval.POS_INF) x = vacuous(r, x, x.addSumLowerBound(k, v, lo));
        }
        return x;
    }

    /** {@code next} if it says nothing more than {@code r} of r's own places, else {@code x}. */
    private static Octagon<String> vacuous(Octagon<String> r, Octagon<String> x, Octagon<String> next) {
        return !next.isBottom() && r.leq(next.project(r.variables())) ? next : x;
    }

}
