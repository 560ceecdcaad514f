package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where heap blocks are lost, in three places, so that a leak is reported where the code loses it:
 * <ul>
 * <li>at a store that overwrites the only pointer to a block no path has freed ({@link #soleTarget},
 * {@link #overwritten}): the block can never be freed from there on, and it leaves the state (nothing
 * can reach it), so the function's exit does not report it again;</li>
 * <li>at a return on a path that still holds the block in a local while other paths free it or hand
 * it on ({@link #atReturns}): the leak is on that path only, which the function's merged exit cannot
 * tell;</li>
 * <li>at the function's exit, for blocks freed on no path and reachable from nothing that outlives
 * the frame ({@link #atExit}).</li>
 * </ul>
 * Only blocks the path certainly holds count: a pointer that may be NULL because the block was
 * allocated on some paths only (not because the allocator may fail) says nothing of this path.
 */
final class Leaks {
    private Leaks() { }

    /** Allocation families whose blocks the program must release itself. */
    static boolean mustBeReleased(Region r) {
        return released(r) || (r.kind == Region.Kind.HEAP && io.memsafe.models.KernelModels.countedStringBuffer(r.family));
    }

    /**
     * Blocks an allocator returns, which exist exactly when the pointer to them is not NULL (not a
     * counted string's buffer, whose allocation the routine's status reports, not the pointer).
     */
    private static boolean released(Region r) {
        return r.kind == Region.Kind.HEAP && ("malloc".equals(r.family) || "new".equals(r.family) || "new[]".equals(r.family));
    }

    /**
     * Before a store of {@code v} through {@code address}: the block whose only designation the stored
     * cell holds now, if the store may lose it (a pointer cell written exactly, designating one live
     * block, certainly not NULL, that no path released); else null.
     */
    static Region soleTarget(Interpreter in, Lvalue lv, Value address, long size, Value v, State s) {
        if (!(lv.type() instanceof Type.Pointer) || address.pts.size() != 1 || !address.nullOrKnownRegions()) return null;
        Map.Entry<Region, Interval> cell = address.pts.entrySet().iterator().next();
        if (!cell.getValue().isSingleton() || cell.getKey().kind == Region.Kind.UNKNOWN) return null;
        Contents c = s.mem.get(cell.getKey());
        if (c == null) return null;
        Value old = c.load(cell.getValue(), size);
        if (old.unknown || old.pts.size() != 1 || !old.num.isBottom()) return null;
        Region b = old.pts.keySet().iterator().next();
        if (!released(b) || v.pts.containsKey(b) || !s.mem.containsKey(b) || s.freed.containsKey(b)
                || in.severalLive.contains(b.key) || awaitedByRealloc(b, s)) return null;
        return b;
    }

    /**
     * After the store {@link #soleTarget} looked at: when no pointer to {@code block} remains anywhere,
     * the block is lost here. It is reported, and dropped from the state: nothing can reach it again.
     */
    static void overwritten(Interpreter in, Region block, Lvalue lv, SourceLoc at, State s, Interpreter.Frame f) {
        if (held(in, block, liveTemporaries(in, f), s)) return;
        s.mem.remove(block);
        s.unchecked.remove(block);
        if (!f.report() || in.forced != null) return;
        String pointer = named(lv);
        for (Checker c : in.checkers) c.onOverwritten(at, block, pointer, in.withCalls(f));
    }

    /**
     * At the returns of {@code fn}: each block a path still holds in one of the function's own
     * variables when it returns, while the merged exit ({@code exit}) shows it freed or kept on other
     * paths. (A block freed on no path and kept on none is {@link #atExit}'s.)
     */
    static void atReturns(Interpreter in, Function fn, State exit, List<Map.Entry<SourceLoc, State>> returns, Interpreter.Frame f) {
        if (!f.report() || in.forced != null || exit == null || exit.bottom || returns.isEmpty()) return;
        String frame = Interpreter.frameKeys(fn);
        Set<Region> keptAtExit = null;
        for (Map.Entry<SourceLoc, State> ret : returns) {
            State s = ret.getValue();
            if (s.bottom) continue;
            Set<Region> kept = null;
            // (a block two locals hold is one leak)
            Set<Region> reported = new java.util.HashSet<>();
            for (Map.Entry<Region, Contents> e : s.mem.entrySet()) {
                Region local = e.getKey();
                if (!local.key.startsWith(frame) || in.temporaries.contains(local)) continue;
                for (Contents.Cell cell : e.getValue().cells.values()) {
                    Value v = cell.value();
                    if (v.unknown || v.pts.size() != 1 || !v.num.isBottom()) continue;
                    Region b = v.pts.keySet().iterator().next();
                    if (!released(b) || s.freed.containsKey(b) || in.severalLive.contains(b.key) || awaitedByRealloc(b, s)) continue;
                    if (kept == null) kept = Interpreter.reachableFrom(s, outlivesFrame(fn));
                    if (kept.contains(b)) continue;
                    if (keptAtExit == null) keptAtExit = Interpreter.reachableFrom(exit, outlivesFrame(fn));
                    Lifetime elsewhere = exit.freed.get(b);
                    if ((elsewhere == null && !keptAtExit.contains(b)) || !reported.add(b)) continue;
                    String pointer = in.variableOf(local);
                    for (Checker c : in.checkers) c.onLeakOnPath(ret.getKey(), b, fn.name, pointer, elsewhere == null ? null : elsewhere.freedAt(), in.withCalls(f));
                }
            }
        }
    }

    /**
     * Heap blocks lost when {@code fn} returns: allocated, freed on no path, and reachable from
     * no region that outlives its frame. Reported to the checkers at {@code at}.
     */
    static void atExit(Interpreter in, Function fn, State exit, SourceLoc at, Interpreter.Frame f) {
        if (!f.report() || exit.bottom || fn == null) return;
        for (Region r : lost(fn, exit)) for (Checker c : in.checkers) c.onLeak(at, r, fn.name, in.withCalls(f));
    }

    /** The blocks of {@code exit} freed on no path and reachable from nothing that outlives {@code fn}'s frame. */
    private static List<Region> lost(Function fn, State exit) {
        List<Region> out = new java.util.ArrayList<>();
        Set<Region> reached = null;
        for (Region r : exit.mem.keySet()) {
            if (!mustBeReleased(r) || exit.freed.containsKey(r)) continue;
            if (reached == null) reached = Interpreter.reachableFrom(exit, outlivesFrame(fn));
            if (!reached.contains(r)) out.add(r);
        }
        return out;
    }

    /** The regions that outlive an activation of {@code fn}: all but its own variables and the heap. */
    private static java.util.function.Predicate<Region> outlivesFrame(Function fn) {
        String frame = Interpreter.frameKeys(fn);
        return r -> r.kind != Region.Kind.HEAP && !r.key.startsWith(frame);
    }

    /** The blocks of a test's operands whose allocation may have failed (not yet compared with NULL), or null. */
    static Set<Region> unchecked(Value left, Value right, State s) {
        if (s.unchecked.isEmpty()) return null;
        Set<Region> out = null;
        for (Value v : List.of(left, right)) {
            for (Region r : v.pts.keySet()) {
                if (!s.unchecked.containsKey(r)) continue;
                if (out == null) out = new java.util.HashSet<>();
                out.add(r);
            }
        }
        return out;
    }

    /**
     * After a test of an allocation's result against NULL: on the branch where the operand that held
     * the block ({@code before}) is NULL ({@code after}), the allocation failed, so there is no block.
     * It leaves the state unless something else (a copy made before the test) still designates it; a
     * later join then knows the block exists on the other branch only.
     */
    static void failed(Interpreter in, Set<Region> mayFail, Value before, Value after, State s) {
        if (!after.isDefinitelyNull()) return;
        for (Region b : mayFail) {
            if (b.kind != Region.Kind.HEAP || !before.pts.containsKey(b) || !s.mem.containsKey(b)) continue;
            if (in.severalLive.contains(b.key) || s.freed.containsKey(b)) continue;
            if (held(in, b, Set.of(), s)) continue;
            s.mem.remove(b);
            s.unchecked.remove(b);
        }
    }

    /** Drops from a function's exit state the blocks {@link #atExit} reports (or would): nothing can reach them. */
    static void collect(Function fn, State exit) {
        if (exit == null || exit.bottom || fn == null) return;
        for (Region r : lost(fn, exit)) {
            exit.mem.remove(r);
            exit.unchecked.remove(r);
        }
    }

    /**
     * Does a pointer to {@code block} remain anywhere in {@code s}? A temporary counts only when it is
     * among {@code liveTemporaries}: the others belong to expressions already done.
     */
    private static boolean held(Interpreter in, Region block, Set<Region> liveTemporaries, State s) {
        for (Map.Entry<Region, Contents> e : s.mem.entrySet()) {
            if ((!in.temporaries.contains(e.getKey()) || liveTemporaries.contains(e.getKey())) && designates(e.getValue(), block)) return true;
        }
        return false;
    }

    private static boolean designates(Contents c, Region block) {
        if (c.rest.pts.containsKey(block)) return true;
        for (Contents.Cell cell : c.cells.values()) if (cell.value().pts.containsKey(block)) return true;
        return false;
    }

    /**
     * The temporaries the rest of the statement being executed may still read: those loaded later in
     * its block ({@code raw = p.release()} holds the block in one while the member is cleared). Every
     * other temporary belongs to an expression already done and is never read again.
     */
    private static Set<Region> liveTemporaries(Interpreter in, Interpreter.Frame f) {
        if (in.block == null || f.fn() == null) return Set.of();
        Set<Region> live = new java.util.HashSet<>();
        List<io.memsafe.ir.Stmt> stmts = in.block.stmts;
        for (int i = in.index + 1; i < stmts.size(); i++) {
            ProgramAnalyzer.forEachExpr(stmts.get(i), e -> {
                Lvalue read = e instanceof Expr.Load l ? l.lv() : e instanceof Expr.AddressOf a ? a.lv() : null;
                if (read instanceof Lvalue.Var v && v.var().kind == Variable.Kind.TEMP) live.add(in.region(v.var(), f.fn()));
            });
        }
        return live;
    }

    /** A block realloc returned while the old one's fate is still open: the old one's lifetime names it. */
    private static boolean awaitedByRealloc(Region b, State s) {
        for (Lifetime l : s.freed.values()) if (b.equals(l.ifAllocated())) return true;
        return false;
    }

    /** The pointer a store writes, as the source spells it, or null when it has no short name. */
    static String named(Lvalue lv) {
        return switch (lv) {
            case Lvalue.Var v -> v.var().kind == Variable.Kind.TEMP ? null : v.var().name;
            // (the pointer a smart pointer owns is a member the prelude names: the smart pointer is what the source shows)
            case Lvalue.Field fl -> { String base = named(fl.base()); yield base == null || fl.name().startsWith("__memsafe_") ? base : base + "." + fl.name(); }
            case Lvalue.Index ix -> { String base = named(ix.base()); yield base == null ? null : base + "[...]"; }
            case Lvalue.Deref d -> null;
        };
    }
}
