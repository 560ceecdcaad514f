package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.ByteRanges;
import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defects on some of the paths that meet at a join, reported only where the join alone decides: a
 * scalar local one path wrote and another did not, a pointer one path holds as NULL (assigned so by
 * the function: a NULL a test made may be one an earlier test rules out, which the intervals cannot
 * keep) and another as something else, or a heap block one path freed (still pointed to there), read,
 * dereferenced or used after the join with no test assumed since ({@link State#partly}).
 * <pre>
 *   int v;  if (c &gt; 0) v = 1;  return v;            // v is garbage whenever c &lt;= 0
 *   p = NULL;  if (have) p = buf;  return p[0];       // NULL whenever have is 0
 *   if (c) free(p);  return p[0];                     // freed whenever c is not 0
 * </pre>
 * A path-insensitive join cannot tell such a path from one a later test rules out
 * ({@code if (c) v = 1; if (c) use(v);}); a test between the join and the use might be that test, so
 * any test makes the use quiet. What is left is reached whichever way the branch went — what Clang's
 * -Wsometimes-uninitialized and its NULL checks report without path conditions to solve. Joins at
 * loop heads make none (a loop that may run zero times is reported at its exit, where the two ways
 * out meet), nor joins in a function with a statement the parser could not read (it may be the test,
 * the store, or a call that never returns).
 */
final class SomePaths {
    private SomePaths() { }

    /** The most variables {@link State#partly} keeps. */
    private static final int MAX = 16;

    /**
     * Where two paths meet (not at a loop head): the scalar locals of the frame one path left unwritten
     * or NULL and the other wrote (with something else), the heap blocks one path freed and the other
     * did not, and those either side already had so that the join kept as they were, go to
     * {@code merged}'s {@link State#partly}.
     */
    static void atJoin(Interpreter in, Function fn, State a, State b, State merged, SourceLoc at) {
        atJoin(in, fn, a, b, merged, at, false);
    }

    /**
     * Where the states after the several functions a call through a callback member may reach meet
     * ({@link MemberCallbacks}): a block one of them frees is freed on some of the paths, as at any join.
     * Only that: which of them wrote a caller's local is the callee's business, not a path of the caller's.
     */
    static void atCallees(Interpreter in, Function fn, State a, State b, State merged, SourceLoc at) {
        atJoin(in, fn, a, b, merged, at, true);
    }

    private static void atJoin(Interpreter in, Function fn, State a, State b, State merged, SourceLoc at, boolean freedOnly) {
        // (a statement the parser could not read may be the test, the store or the end of the path)
        if (a.bottom || b.bottom || merged.bottom || fn == null || fn.unread) return;
        Map<Region, State.OnSomePaths> out = new TreeMap<>();
        // what a side still holds as it was where its own paths met: so on a path of the join too
        for (State side : List.of(a, b)) {
            for (Map.Entry<Region, State.OnSomePaths> e : side.partly.entrySet()) {
                State.OnSomePaths w = e.getValue();
                Object now = held(merged, e.getKey(), w.what());
                if (now != null && on(side, e.getKey(), held(side, e.getKey(), w.what()), w.what())) {
                    out.putIfAbsent(e.getKey(), new State.OnSomePaths(now, w.joinedAt(), w.what(), w.bytes(), w.returned()));
                }
            }
        }
        String frame = Interpreter.frameKeys(fn);
        if (!freedOnly) a.mem.diff(b.mem, (r, ca, rb, cb) -> {
            // a caller's local the function writes through a pointer on some paths only counts too
            // (and a heap block's members: a structure one path filled in part, read after the paths met)
            boolean heap = r != null && r.kind == Region.Kind.HEAP;
            if (r == null || rb == null || ca == cb || r.kind != Region.Kind.STACK && !heap || in.temporaries.contains(r)) return true;
            Long n = r.size.constant();
            if (n == null || !(merged.mem.get(r) instanceof Contents c) || c.written.isEmpty()) return true;
            if (heap || n != 1 && n != 2 && n != 4 && n != 8) {
                // a structure (or array) with members one side wrote and the other did not
                ByteRanges some = (a.nullAssumed ? ByteRanges.NONE : unwrittenOn(a, r, ca, cb)).union(b.nullAssumed ? ByteRanges.NONE : unwrittenOn(b, r, cb, ca));
                if (!some.isEmpty()) out.putIfAbsent(r, new State.OnSomePaths(c, at, State.OnSome.UNWRITTEN, some));
                return out.size() < MAX;
            }
            // unwritten on some path of either side: nothing written there, or written in part already
            if (!a.nullAssumed && (ca.written.isEmpty() || on(a, r, ca, State.OnSome.UNWRITTEN)) || !b.nullAssumed && (cb.written.isEmpty() || on(b, r, cb, State.OnSome.UNWRITTEN))) {
                out.putIfAbsent(r, new State.OnSomePaths(c, at, State.OnSome.UNWRITTEN));
            } else if (n == 8 && r.key.startsWith(frame) && (nullOrNot(a, r, ca, cb) || nullOrNot(b, r, cb, ca))) {
                out.putIfAbsent(r, new State.OnSomePaths(c, at, State.OnSome.NULL));
            }
            return out.size() < MAX;
        });
        freedOrNot(in, a, b, merged, at, out);
        freedOrNot(in, b, a, merged, at, out);
        merged.partly = out.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The bytes of {@code r} that a path of the side holding {@code mine} leaves unwritten and that the
     * other side ({@code theirs}) may have written: those outside every byte {@code mine} may have
     * written, and those the side already kept as unwritten on some of its own paths.
     */
    private static ByteRanges unwrittenOn(State side, Region r, Contents mine, Contents theirs) {
        ByteRanges out = ByteRanges.NONE;
        if (theirs.written.isAll()) return out;
        for (int k = 0; k < theirs.written.size(); k++) out = out.union(mine.written.missing(theirs.written.lo(k), theirs.written.hi(k)));
        State.OnSomePaths w = side.partly.get(r);
        if (w != null && w.bytes() != null && on(side, r, mine, State.OnSome.UNWRITTEN)) out = out.union(w.bytes());
        return out;
    }

    /**
     * The member or element {@code size} bytes long that {@code p} designates, at one offset, when
     * {@link State#partly} keeps all of its bytes as unwritten on some path of a structure or array
     * nothing has stored to since; else null.
     */
    static State.OnSomePaths unwrittenPart(Value p, long size, State s) {
        if (s.partly.isEmpty() || p.pts.size() != 1 || p.unknown || !p.num.isBottom()) return null;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        State.OnSomePaths w = s.partly.get(e.getKey());
        if (w == null || w.what() != State.OnSome.UNWRITTEN || w.bytes() == null || !e.getValue().isSingleton() || w.held() != s.mem.get(e.getKey())) return null;
        long off = e.getValue().lo();
        return w.bytes().covers(off, off + size - 1) ? w : null;
    }

    /**
     * What {@code partly} keeps of paths that met inside the functions a call of {@code fn} analysed: past a
     * test of that call's result run on one group of its outcomes ({@link ReturnCases}), which the group
     * decides, those hold still; paths that met in {@code fn} itself before the call may be told apart by
     * the test (the callee's result may depend on the same condition).
     */
    static Map<Region, State.OnSomePaths> metInCallees(Map<Region, State.OnSomePaths> partly, Function fn) {
        if (fn == null || fn.loc == null) return Map.of();
        int first = fn.loc.line(), last = first;
        for (io.memsafe.ir.BasicBlock b : fn.blocks) for (io.memsafe.ir.Stmt st : b.stmts) {
            if (st.loc() != null && fn.loc.file().equals(st.loc().file())) last = Math.max(last, st.loc().line());
        }
        Map<Region, State.OnSomePaths> out = null;
        for (Map.Entry<Region, State.OnSomePaths> e : partly.entrySet()) {
            SourceLoc at = e.getValue().joinedAt();
            if (at != null && at.file() != null && at.file().equals(fn.loc.file()) && at.line() >= first && at.line() <= last) continue;
            if (out == null) out = new TreeMap<>();
            out.put(e.getKey(), e.getValue());
        }
        return out == null ? Map.of() : java.util.Collections.unmodifiableMap(out);
    }

    /** The blocks {@code a} frees (on some path) that {@code b} holds allocated. */
    private static void freedOrNot(Interpreter in, State a, State b, State merged, SourceLoc at, Map<Region, State.OnSomePaths> out) {
        for (Map.Entry<Region, io.memsafe.analysis.domain.Lifetime> e : a.freed.entrySet()) {
            if (out.size() >= MAX) return;
            Region r = e.getKey();
            io.memsafe.analysis.domain.Lifetime l = e.getValue(), m = merged.freed.get(r);
            boolean freed = l.must() && !l.pending() || on(a, r, l, State.OnSome.FREED);
            if (freed && m != null && !m.must() && !m.pending() && b.freed.get(r) == null && b.mem.containsKey(r) && dangling(in, a, r)) {
                out.putIfAbsent(r, new State.OnSomePaths(m, at, State.OnSome.FREED));
            }
        }
    }

    /**
     * Does anything in {@code s} still point to the freed block {@code r}? A path that freed it and
     * cleared its pointers ({@code kfree(o); o = NULL;}) uses nothing of it later.
     */
    private static boolean dangling(Interpreter in, State s, Region r) {
        for (Map.Entry<Region, Contents> e : s.mem.entrySet()) {
            // (not the lowering's temporaries: the allocation's result, an argument copied for the call)
            if (!e.getKey().equals(r) && !in.temporaries.contains(e.getKey()) && e.getValue().pointees().contains(r)) return true;
        }
        return false;
    }

    /** What {@code s} holds of {@code r} that a {@link State.OnSomePaths} of this kind records. */
    private static Object held(State s, Region r, State.OnSome what) {
        return what == State.OnSome.FREED ? s.freed.get(r) : s.mem.get(r);
    }

    /** Is the pointer {@code r} NULL on (some path of) the side holding {@code mine}, and not NULL on the other? */
    private static boolean nullOrNot(State s, Region r, Contents mine, Contents theirs) {
        Value m = mine.load(Interval.ZERO, 8), t = theirs.load(Interval.ZERO, 8);
        boolean isNull = m.isDefinitelyNull() || on(s, r, mine, State.OnSome.NULL);
        return isNull && !t.isBottom() && !t.isDefinitelyNull();
    }

    /**
     * Does {@code s} keep {@code r} as {@code what} on some path, holding {@code held} still? Contents by
     * identity (every store makes new contents, even of an equal value), a lifetime by value.
     */
    private static boolean on(State s, Region r, Object held, State.OnSome what) {
        State.OnSomePaths w = s.partly.get(r);
        if (w == null || w.what() != what || held == null) return false;
        return what == State.OnSome.FREED ? w.held().equals(held) : w.held() == held;
    }

    /** The variable {@code p} designates, when it is one {@link State#partly} keeps as {@code what} (unwritten or NULL) on some path; else null. */
    static State.OnSomePaths of(Value p, State.OnSome what, State s) {
        if (s.partly.isEmpty() || p.pts.size() != 1 || p.unknown || !p.num.isBottom()) return null;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        State.OnSomePaths w = s.partly.get(e.getKey());
        if (w == null || w.what() != what || !Interval.ZERO.equals(e.getValue()) || w.held() != s.mem.get(e.getKey())) return null;
        return w;
    }

    /** The storage {@code p} points to (the variable it designates) is no longer one that {@link State#partly} keeps. */
    static void forget(Value p, State s) {
        if (s.partly.isEmpty() || p.pts.isEmpty()) return;
        Map<Region, State.OnSomePaths> rest = null;
        for (Region r : p.pts.keySet()) {
            if (!s.partly.containsKey(r)) continue;
            if (rest == null) rest = new TreeMap<>(s.partly);
            rest.remove(r);
        }
        if (rest != null) s.partly = rest.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(rest);
    }

    /**
     * After a use of a block {@code p} points to that one of the paths that met freed: that path has ended (one report).
     * Not a use through a pointer that may designate another block too: the path that freed the block may be the
     * one that made the pointer designate the other ({@code el->pool} after a call that may have moved it).
     */
    static void forgetFreed(Value p, State s) {
        if (p.pts.size() != 1) return;
        for (Region r : p.pts.keySet()) {
            if (s.freedOnSomePaths(r) != null) {
                forget(p, s);
                return;
            }
        }
    }

    /**
     * After a call: what the callee's exit keeps as unwritten or freed on some of its paths, of the
     * storage the caller held before the call ({@code before}) and holds as the callee left it (its own
     * locals, heap blocks), is so in the caller too ({@code void drop(int c) { if (c) free(cache); }} then
     * a use of the cache). Not a block the callee allocated and freed on a failing path: what it returns
     * there is another pointer (NULL, mostly), not the freed block. Each fact carries the call
     * ({@code call}, with what the caller's memory held before it): a test of the caller's that reads only
     * variables the call left as they were cannot tell the callee's paths apart and keeps it
     * ({@link ReturnedNull#pastTest}: {@code rc = send(...); put(p); if (rc == 0) use(p)}).
     */
    static void fromCallee(State exit, State s, java.util.Set<Region> before, State.NullReturn call) {
        if (exit.partly.isEmpty()) return;
        Map<Region, State.OnSomePaths> out = null;
        for (Map.Entry<Region, State.OnSomePaths> e : exit.partly.entrySet()) {
            State.OnSomePaths w = e.getValue();
            if (w.what() == State.OnSome.NULL || !before.contains(e.getKey()) || !on(exit, e.getKey(), held(exit, e.getKey(), w.what()), w.what())) continue;
            Object mine = held(s, e.getKey(), w.what());
            if (mine == null || (w.what() == State.OnSome.FREED ? !mine.equals(w.held()) : mine != w.held())) continue;
            if (out == null) out = new TreeMap<>(s.partly);
            out.put(e.getKey(), new State.OnSomePaths(w.held(), w.joinedAt(), w.what(), w.bytes(), call));
        }
        if (out != null) s.partly = java.util.Collections.unmodifiableMap(out);
    }
}
