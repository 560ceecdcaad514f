package io.memsafe.analysis.engine;

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
 * scalar local one path wrote and another did not, or a pointer one path holds as NULL and another
 * as an object, read (dereferenced) after the join with no test assumed since ({@link State#partly}).
 * <pre>
 *   int v;  if (c &gt; 0) v = 1;  return v;            // v is garbage whenever c &lt;= 0
 *   if (p == NULL) log("none");  return p-&gt;len;      // the check falls through to the dereference
 * </pre>
 * A path-insensitive join cannot tell such a path from one a later test rules out
 * ({@code if (c) v = 1; if (c) use(v);}); a test between the join and the use might be that test, so
 * any test makes the use quiet. What is left is reached whichever way the branch went — what Clang's
 * -Wsometimes-uninitialized and its NULL checks report without path conditions to solve. Joins at
 * loop heads make none (a loop that may run zero times is reported at its exit, where the two ways
 * out meet).
 */
final class SomePaths {
    private SomePaths() { }

    /** The most variables {@link State#partly} keeps. */
    private static final int MAX = 16;

    /**
     * Where two paths meet (not at a loop head): the scalar locals of the frame one path left unwritten
     * or NULL and the other wrote (with something else), and those either side already had so whose contents
     * the join kept, go to {@code merged}'s {@link State#partly}.
     */
    static void atJoin(Interpreter in, Function fn, State a, State b, State merged, SourceLoc at) {
        if (a.bottom || b.bottom || merged.bottom || fn == null) return;
        Map<Region, State.OnSomePaths> out = new TreeMap<>();
        for (Map<Region, State.OnSomePaths> side : List.of(a.partly, b.partly)) {
            for (Map.Entry<Region, State.OnSomePaths> e : side.entrySet()) {
                if (merged.mem.get(e.getKey()) == e.getValue().contents()) out.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        String frame = Interpreter.frameKeys(fn);
        a.mem.diff(b.mem, (r, ca, rb, cb) -> {
            if (r == null || rb == null || ca == cb || r.kind != Region.Kind.STACK || !r.key.startsWith(frame) || in.temporaries.contains(r)) return true;
            Long n = r.size.constant();
            if (n == null || (n != 1 && n != 2 && n != 4 && n != 8) || !(merged.mem.get(r) instanceof Contents c) || c.written.isEmpty()) return true;
            // unwritten on some path of either side: nothing written there, or written in part already
            if (ca.written.isEmpty() || cb.written.isEmpty() || on(a, r, ca, false) || on(b, r, cb, false)) {
                out.putIfAbsent(r, new State.OnSomePaths(c, at, false));
            } else if (n == 8 && (nullOrObject(a, r, ca, cb) || nullOrObject(b, r, cb, ca))) {
                out.putIfAbsent(r, new State.OnSomePaths(c, at, true));
            }
            return out.size() < MAX;
        });
        merged.partly = out.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(out);
    }

    /** Is the pointer {@code r} NULL on (some path of) the side holding {@code mine}, and not NULL on the other? */
    private static boolean nullOrObject(State s, Region r, Contents mine, Contents theirs) {
        Value m = mine.load(Interval.ZERO, 8), t = theirs.load(Interval.ZERO, 8);
        boolean isNull = m.isDefinitelyNull() || on(s, r, mine, true);
        return isNull && !t.isBottom() && !t.isDefinitelyNull() && !on(s, r, theirs, true);
    }

    private static boolean on(State s, Region r, Contents c, boolean isNull) {
        State.OnSomePaths w = s.partly.get(r);
        return w != null && w.contents() == c && w.isNull() == isNull;
    }

    /** The variable {@code p} designates, when it is one {@link State#partly} keeps as unwritten ({@code isNull} false) or NULL on some path; else null. */
    static State.OnSomePaths of(Value p, boolean isNull, State s) {
        if (s.partly.isEmpty() || p.pts.size() != 1 || p.unknown || !p.num.isBottom()) return null;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        State.OnSomePaths w = s.partly.get(e.getKey());
        if (w == null || w.isNull() != isNull || !Interval.ZERO.equals(e.getValue()) || s.mem.get(e.getKey()) != w.contents()) return null;
        return w;
    }

    /** The variable {@code p} designates is no longer one that {@link State#partly} keeps. */
    static void forget(Value p, State s) {
        if (s.partly.isEmpty() || p.pts.size() != 1) return;
        Region r = p.pts.keySet().iterator().next();
        if (!s.partly.containsKey(r)) return;
        Map<Region, State.OnSomePaths> rest = new TreeMap<>(s.partly);
        rest.remove(r);
        s.partly = rest.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(rest);
    }
}
