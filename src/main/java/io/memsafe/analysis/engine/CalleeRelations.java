package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Relations across a call ({@link Relations} are otherwise per activation): the caller's constraints
 * between its arguments and the memory the callee reaches become the callee's starting relations.
 */
final class CalleeRelations {
    private CalleeRelations() { }

    /**
     * The relations a callee starts with: what the caller's say of the callee's integer parameters (each
     * the caller's place its argument is, plus a constant) and of the places and block counts of the
     * memory the callee can reach ({@code foot}). Only constraints that tie a block's element count to
     * one of them and that their intervals do not imply are passed ({@code len <= the buffer's size}),
     * so a call whose arguments are merely in range, or related to each other only, starts with none, as
     * before, and its analysis is shared as before. A buffer handed to a helper with its length thus
     * stays as long as its length there.
     */
    static Octagon<String> intoCallee(Interpreter in, Function callee, List<Expr> argExprs, State s, Set<Region> foot,
                                      Interpreter.Frame f) {
        Octagon<String> o = s.rel;
        if (o.variables().isEmpty() || f.fn() == null || s.bottom) return Octagon.top();
        Set<String> reached = new HashSet<>();
        for (Region r : foot) reached.add(r.key);
        TreeSet<String> candidates = new TreeSet<>();
        for (String k : o.variables()) {
            String rk = regionKeyOf(in, k);
            if (rk != null && reached.contains(rk)) candidates.add(k);
        }
        for (int i = 0; i < callee.params.size() && i < argExprs.size(); i++) {
            Variable p = callee.params.get(i);
            if (!(p.type instanceof Type.Int t)) continue;
            Relations.Linear l = Relations.linear(in, argExprs.get(i), s, f);
            if (l == null || l.x() == null || l.y() != null || l.sx() != 1 || !o.variables().contains(l.x()) || !Relations.fits(Relations.exact(in, l, s), t)) continue;
            Relations.Place pp = new Relations.Place(in.region(p, callee), -1, t.size(), Interval.ofType(t.size(), t.signed()), 0);
            in.relatedPlaces.putIfAbsent(pp.key(), pp);
            o = ScaledCopies.dropCopiesOf(o.assign(pp.key(), l.x(), l.c()), pp.key());
            candidates.add(pp.key());
        }
        TreeSet<String> keep = new TreeSet<>();
        List<String> cs = new ArrayList<>(candidates);
        for (int a = 0; a < cs.size(); a++) {
            for (int b = a + 1; b < cs.size(); b++) {
                // only what bounds a block's count, and what relates two pointer members (an object's cursor
                // and its end): the relations between two integers alone would split the callee's contexts
                // (and its shared analyses) for little
                if (!BlockCounts.isCount(cs.get(a)) && !BlockCounts.isCount(cs.get(b)) && !(member(in, cs.get(a)) && member(in, cs.get(b)))) continue;
                if (tied(o, cs.get(a), cs.get(b))) {
                    keep.add(cs.get(a));
                    keep.add(cs.get(b));
                }
            }
        }
        return keep.isEmpty() ? Octagon.top() : o.project(keep);
    }

    /**
     * The relations a callee leaves between the pointer members of memory its caller has: a method that
     * moves an object's cursor keeps it before the object's end ({@code line_end_ < buf_end_}), which the
     * next call of the method, from the caller's loop, needs as much as this one did. Null when none.
     */
    static Octagon<String> outOfCallee(Interpreter in, Function callee, State exit, State entry) {
        if (exit.bottom || exit.rel.variables().isEmpty()) return null;
        String frame = Interpreter.frameKeys(callee);
        List<String> keep = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        List<String> fromInput = new ArrayList<>();
        for (String k : exit.rel.variables()) {
            Relations.Place p = in.relatedPlaces.get(k);
            if (member(in, k) && !p.region().key.startsWith(frame)) keep.add(k);
            else if (BlockCounts.isCount(k) ? !BlockCounts.countedBlock(k).startsWith(frame)
                    : p != null && !p.pointer() && !p.region().key.startsWith(frame)) {
                if (readFromInput(in, Relations.value(in, k, exit))) fromInput.add(k);
                else counted.add(k);
            }
        }
        // a value read from the input that is the element count of a block the callee allocated for it
        // ({@code pal->rgba = malloc(nc * sizeof *pal->rgba); pal->ncolors = nc}): whatever its source, it
        // is that block's count, the bound the caller's index into the block is checked against
        for (String v : fromInput) {
            for (String c : counted) {
                if (!BlockCounts.isCount(c) || blockAt(entry, BlockCounts.countedBlock(c)) || !equal(exit.rel, v, c)) continue;
                if (!keep.contains(v)) keep.add(v);
                if (!keep.contains(c)) keep.add(c);
            }
        }
        // an integer of the caller's memory the callee kept within a block's count, and that count: a
        // helper that advances the caller's offset through its input ({@code while (b->offset < b->length
        // && ...) b->offset++}) leaves it at most the input's length, which the caller's next read of
        // {@code content + offset + k} needs (an integer alone, not bound to a count, stays the callee's).
        // Not a value read from the input (a length field the helper stored): what bounds an untrusted
        // length is judged where it is used, by the checks there (a bound the helper drew from a sum the
        // relations keep loosely made a length checked against what is left of the input look checked
        // against the whole of it)
        for (int a = 0; a < counted.size(); a++) {
            for (int b = 0; b < counted.size(); b++) {
                if (a != b && BlockCounts.isCount(counted.get(b)) && !BlockCounts.isCount(counted.get(a)) && tied(exit.rel, counted.get(a), counted.get(b))) {
                    if (!keep.contains(counted.get(a))) keep.add(counted.get(a));
                    if (!keep.contains(counted.get(b))) keep.add(counted.get(b));
                }
            }
        }
        if (keep.size() < 2) return null;
        Octagon<String> o = exit.rel.project(keep);
        return o.isBottom() || o.isTop() ? null : o;
    }

    /** Does {@code s} hold a region of key {@code key} (the callee got it from its caller)? */
    private static boolean blockAt(State s, String key) {
        if (s == null) return true;
        for (io.memsafe.analysis.domain.Region r : s.mem.keySet()) if (r.key.equals(key)) return true;
        return false;
    }

    /** Does {@code o} say x == y? */
    private static boolean equal(Octagon<String> o, String x, String y) {
        return o.upperDiff(x, y) <= 0 && o.upperDiff(y, x) <= 0;
    }

    /** A value read from the input: untrusted, from another source than an input's own length parameter. */
    private static boolean readFromInput(Interpreter in, io.memsafe.analysis.domain.Value v) {
        if (v.taint == null) return false;
        for (io.memsafe.analysis.domain.Origin length : in.inputLengths.values()) if (length.sameSource(v.taint)) return false;
        return true;
    }

    /** The caller's state after the call takes what the callee left ({@link #outOfCallee}; null: nothing). */
    static void add(State s, Octagon<String> left) {
        if (left == null || s.bottom) return;
        Octagon<String> m = s.rel.meet(left);
        if (!m.isBottom()) s.rel = m;
    }

    /** A pointer member of an object (not a local pointer, nor an integer). */
    private static boolean member(Interpreter in, String k) {
        Relations.Place p = in.relatedPlaces.get(k);
        return p != null && p.pointer() && p.field();
    }

    /** The region a relation variable is about: a place's, or the block a count variable counts. */
    private static String regionKeyOf(Interpreter in, String k) {
        if (BlockCounts.isCount(k)) return BlockCounts.countedBlock(k);
        Relations.Place p = in.relatedPlaces.get(k);
        return p == null ? null : p.region().key;
    }

    /** Does {@code o} bound x and y together more tightly than their intervals do? */
    private static boolean tied(Octagon<String> o, String x, String y) {
        Interval bx = o.bounds(x), by = o.bounds(y);
        if (bx.isBottom() || by.isBottom()) return false;
        return o.upperDiff(x, y) < Relations.satAdd(bx.hi(), Interval.satNeg(by.lo())) || o.upperDiff(y, x) < Relations.satAdd(by.hi(), Interval.satNeg(bx.lo()))
                || o.upperSum(x, y) < Relations.satAdd(bx.hi(), by.hi()) || o.lowerSum(x, y) > Relations.satAdd(bx.lo(), by.lo());
    }
}
