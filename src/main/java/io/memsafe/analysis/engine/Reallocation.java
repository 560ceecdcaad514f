package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * realloc's two outcomes, kept apart until the program tells them apart: on success the old block
 * is released and the result designates the new one; on failure the result is NULL and the old
 * block is untouched. The old block's {@link Lifetime} names the result block; a test of the
 * result against NULL (or a dereference of it) decides which outcome the path took. On the NULL
 * path the old block is allocated again, and if no pointer to it is left anywhere (the classic
 * {@code p = realloc(p, n)}), it can never be freed: the leak is reported there.
 */
final class Reallocation {
    private Reallocation() { }

    /**
     * After {@code realloc(old, ...)} returned the block {@code result}: the old block is released
     * exactly when the result is not NULL. Only for an old pointer that designates one heap block
     * and is not NULL (realloc(NULL, n) releases nothing).
     */
    static void returned(Value old, Region result, SourceLoc loc, State s, Set<String> several) {
        // an earlier correlation with this site's block is stale: that block is a new one now
        s.freed.replaceAll((r, l) -> result.equals(l.ifAllocated()) ? l.maybe() : l);
        // (a caller's block may be NULL as far as the analysis knows: realloc(NULL) releases nothing then either)
        if (old.pts.size() != 1 || !old.nullOrKnownRegions() || !old.num.isBottom() && !CallerObjects.only(old)) return;
        Region o = old.pts.keySet().iterator().next();
        if (o.kind != Region.Kind.HEAP && !CallerObjects.is(o) || o.equals(result) || several.contains(o.key)) return;
        Lifetime l = s.freed.get(o);
        if (l == null || l.must() || l.pending() || !l.freedAt().equals(loc)) return;
        s.freed.put(o, new Lifetime(loc, false, result));
    }

    /**
     * A branch or a dereference told what the pointer expression's value is now ({@code after});
     * {@code before} is its value before. Decides the reallocations whose result it designated.
     */
    static void decided(Value before, Value after, State s, Interpreter in, SourceLoc at, Interpreter.Frame f) {
        if (s.bottom || s.freed.isEmpty() || before.pts.isEmpty()) return;
        boolean nonNull = !after.pts.isEmpty() && after.num.isBottom() && !after.unknown;
        boolean isNull = after.isDefinitelyNull();
        if (!nonNull && !isNull) return;
        List<Map.Entry<Region, Lifetime>> restored = new ArrayList<>();
        for (Map.Entry<Region, Lifetime> e : new ArrayList<>(s.freed.entrySet())) {
            Lifetime l = e.getValue();
            if (!l.pending() || !before.pts.containsKey(l.ifAllocated())) continue;
            if (nonNull && after.pts.size() == 1 && after.pts.containsKey(l.ifAllocated())) {
                s.freed.put(e.getKey(), new Lifetime(l.freedAt(), true));
            } else if (isNull) {
                s.freed.remove(e.getKey());
                restored.add(e);
            }
        }
        for (Map.Entry<Region, Lifetime> e : restored) {
            if (!reachable(e.getKey(), s, in.temporaries)) in.lostReference(e.getValue().freedAt(), at, e.getKey(), f);
        }
    }

    /**
     * {@code p = realloc(p, n)} with p a local variable: the heap blocks p may designate that no other
     * storage holds a pointer to (found before the call). Empty for any other call.
     */
    static List<Region> heldOnlyByResultVariable(Interpreter in, io.memsafe.ir.Stmt.Call c, int arg, Value old, State s, Interpreter.Frame f) {
        if (arg >= c.args().size()) return List.of();
        io.memsafe.ir.Variable v = resultVariable(in, c, f);
        if (v == null || v != io.memsafe.ir.Expr.loadedVariable(c.args().get(arg))) return List.of();
        Region holder = in.region(v, f.fn());
        Set<Region> elsewhere = Interpreter.reachableFromRoots(s, in.temporaries, Set.of(holder));
        List<Region> out = new ArrayList<>();
        for (Region r : old.pts.keySet()) if (r.kind == Region.Kind.HEAP && "malloc".equals(r.family) && !elsewhere.contains(r)) out.add(r);
        return out;
    }

    /**
     * {@code v = call(..)} with v a local variable or parameter: v, which the call's result replaces (the
     * lowering calls into a temporary, then assigns it in the statement after the call); else null.
     */
    static io.memsafe.ir.Variable resultVariable(Interpreter in, io.memsafe.ir.Stmt.Call c, Interpreter.Frame f) {
        if (in.block == null || f.fn() == null || c.result() == null || in.index + 1 >= in.block.stmts.size()) return null;
        if (!(in.block.stmts.get(in.index + 1) instanceof io.memsafe.ir.Stmt.Assign a) || !(a.target() instanceof io.memsafe.ir.Lvalue.Var t)
                || !(c.result() instanceof io.memsafe.ir.Lvalue.Var tmp) || io.memsafe.ir.Expr.loadedVariable(a.value()) != tmp.var()) return null;
        io.memsafe.ir.Variable v = t.var();
        return v.kind == io.memsafe.ir.Variable.Kind.LOCAL || v.kind == io.memsafe.ir.Variable.Kind.PARAM ? v : null;
    }

    /**
     * The leak of {@code p = realloc(p, n)} where {@link #returned} cannot follow the two outcomes: the old
     * block is the one this call made on an earlier turn of a loop (one abstract block for both; p may
     * also still be NULL, on the first turn). On failure the NULL result overwrites the only pointer to it.
     */
    static void overwrittenOnFailure(Interpreter in, List<Region> onlyThere, Region result, SourceLoc loc, State s, Interpreter.Frame f) {
        for (Region o : onlyThere) {
            if (o.equals(result)) {
                in.lostReference(loc, null, o, f);
                return;
            }
        }
    }

    /** A dereference of {@code p} succeeded: p is not NULL there. */
    static void dereferenced(Value p, State s, Interpreter in, SourceLoc at, Interpreter.Frame f) {
        if (s.freed.isEmpty() || p.pts.size() != 1 || !p.nullOrKnownRegions()) return;
        decided(p, p.withNum(io.memsafe.analysis.domain.Interval.BOTTOM), s, in, at, f);
    }

    /** Can a pointer to {@code target} still be loaded from storage that is not itself only reachable through the heap? */
    static boolean reachable(Region target, State s, Set<Region> temporaries) {
        // a temporary of an earlier full expression is never read again
        return Interpreter.reachableFromRoots(s, temporaries, Set.of()).contains(target);
    }
}
