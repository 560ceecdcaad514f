package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Correlation;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The disjunctions a join would lose between two scalar locals of the function running, kept as
 * {@link Correlation}s: where two paths meet holding disjoint values of {@code x}, what each path
 * holds of another variable {@code y} that the join widens. A later test that decides {@code x}
 * narrows {@code y}, and one that excludes {@code y}'s values narrows {@code x}:
 * <pre>
 *   if (bytes > 16 || (bytes == 16 &amp;&amp; rest)) return;   // bytes == 16 only with rest == 0
 *   if (rest) use(address[bytes]);                      // so bytes &lt;= 15 here
 * </pre>
 * A path-sensitive analysis keeps such facts by not joining; this keeps at most {@link #MAX} of them,
 * made at joins that are not loop heads, and drops one as soon as a statement other than a test
 * changes either variable.
 */
final class Correlations {
    private Correlations() { }

    static final int MAX = 4;
    /** Variables that differ at a join looked at, at most. */
    private static final int MAX_CANDIDATES = 8;

    /** The correlations of {@code merged}, the join of {@code a} and {@code b} at a point that is no loop head. */
    static void atJoin(Interpreter in, Function fn, State a, State b, State merged) {
        if (a.bottom || b.bottom || merged.bottom || fn == null) return;
        List<Correlation> out = new ArrayList<>();
        List<Region> differ = differing(in, Interpreter.frameKeys(fn), a, b);
        for (Region x : differ) {
            if (in.temporaries.contains(x)) continue;
            Value xa = scalar(a, x), xb = scalar(b, x);
            if (!integer(xa) || !integer(xb) || !disjoint(xa.num, xb.num)) {
                outside(differ, x, a, xa, b, xb, out);
                outside(differ, x, b, xb, a, xa, out);
                continue;
            }
            if (xa.unknown || xb.unknown) {
                // the known parts are apart, but a side may also hold anything: what the exact side's values exclude
                outside(differ, x, a, xa, b, xb, out);
                outside(differ, x, b, xb, a, xa, out);
            }
            for (Region y : differ) {
                if (y.equals(x)) continue;
                Value ya = scalar(a, y), yb = scalar(b, y);
                if (ya == null || yb == null) continue;
                // each side's fact, where the other side's values are not all within it
                if (!yb.leq(ya) && !ya.isBottom()) add(out, new Correlation(x, xa.num, y, ya));
                if (!ya.leq(yb) && !yb.isBottom()) add(out, new Correlation(x, xb.num, y, yb));
            }
        }
        // the facts this join makes first, then those both paths still hold: the newest are the ones the
        // next tests are about (a conditional expression's value, the status just tested)
        List<Correlation> kept = new ArrayList<>();
        for (Correlation c : a.cor) if (holds(c, b)) kept.add(c);
        for (Correlation c : b.cor) if (!kept.contains(c) && holds(c, a)) kept.add(c);
        kept.sort(null);
        for (Correlation c : kept) add(out, c);
        merged.cor = firstMax(out);
    }

    /** The first {@link #MAX} of the facts, in region order. */
    private static List<Correlation> firstMax(List<Correlation> facts) {
        List<Correlation> chosen = new ArrayList<>(facts.size() > MAX ? facts.subList(0, MAX) : facts);
        chosen.sort(null);
        return List.copyOf(chosen);
    }

    /**
     * Where the path {@code e} holds exactly the values {@code xe} of {@code x} (nothing unknown) and the
     * path {@code o} holds others, or anything: outside those values {@code y} is what {@code o} holds.
     */
    private static void outside(List<Region> differ, Region x, State e, Value xe, State o, Value xo, List<Correlation> out) {
        if (!exact(xe) || xo == null || (exact(xo) && xo.num.leq(xe.num))) return;
        for (Region y : differ) {
            if (y.equals(x)) continue;
            Value ye = scalar(e, y), yo = scalar(o, y);
            if (ye == null || yo == null || yo.isBottom() || ye.leq(yo)) continue;
            add(out, new Correlation(x, xe.num, y, yo, true));
        }
    }

    /** An integer with a known part and nothing an unconstrained source gives. */
    private static boolean exact(Value v) { return integer(v) && !v.unknown; }

    private static void add(List<Correlation> out, Correlation c) { if (!out.contains(c)) out.add(c); }

    private static boolean disjoint(Interval p, Interval q) { return p.meet(q).isBottom(); }

    /**
     * An integer with a known part. Correlations are facts of the known parts (what checkers report
     * on): a value that may also be anything an unconstrained source gives keeps that flag.
     */
    private static boolean integer(Value v) { return v != null && v.pts.isEmpty() && !v.num.isBottom(); }

    /** Does {@code c} hold in {@code s}: {@code x} never in {@code when} there, or {@code y} always in {@code then}. */
    private static boolean holds(Correlation c, State s) {
        Value x = scalar(s, c.x()), y = scalar(s, c.y());
        if (c.outside()) return exact(x) && x.num.leq(c.when()) || y != null && y.leq(c.then());
        if (integer(x) && disjoint(x.num, c.when())) return true;
        return y != null && y.leq(c.then());
    }

    /**
     * The scalar locals of the frame whose contents the two states do not share, in region order. The
     * lowering's temporaries are among them (a conditional expression's value joins in one), as the
     * variable a fact is about, not the one deciding it.
     */
    private static List<Region> differing(Interpreter in, String frame, State a, State b) {
        List<Region> out = new ArrayList<>(), temporaries = new ArrayList<>();
        // the regions both hold, with other contents, in region order (what the two states share is skipped whole)
        a.mem.diff(b.mem, (r, ca, rb, cb) -> {
            if (r == null || rb == null) return true;
            if (ca != cb && r.kind == Region.Kind.STACK && r.key.startsWith(frame) && size(r) > 0) {
                // the variables first: temporaries only where there is room left
                if (!in.temporaries.contains(r)) out.add(r);
                else if (temporaries.size() < MAX_CANDIDATES) temporaries.add(r);
            }
            return out.size() < MAX_CANDIDATES;
        });
        for (Region t : temporaries) if (out.size() < MAX_CANDIDATES) out.add(t);
        return out;
    }

    /** The size of a scalar variable's region (1, 2, 4 or 8 bytes); 0 for anything else. */
    private static long size(Region r) {
        Long n = r.size.constant();
        return n != null && (n == 1 || n == 2 || n == 4 || n == 8) ? n : 0;
    }

    private static Value scalar(State s, Region r) {
        long n = size(r);
        return n == 0 ? null : s.contents(r).load(Interval.ZERO, n);
    }

    /** After a test: each correlation whose condition the test decided narrows the other variable. */
    static void apply(Interpreter in, State s) {
        for (int round = 0; round < 2 && !s.bottom; round++) {
            for (Correlation c : s.cor) {
                Value x = scalar(s, c.x()), y = scalar(s, c.y());
                if (x == null || y == null) continue;
                if (c.outside()) {
                    if (exact(x) && disjoint(x.num, c.when())) {
                        if (!narrow(s, c, y)) return;
                    } else if (!y.unknown && !(c.then().unknown && in.pointers.contains(c.x())) && meet(y, c.then()) == null) {
                        // y is not what the other path held: x is one of the exact values. Not a pointer made
                        // NULL that way when the other path may have held anything an unconstrained source
                        // gives (a status an unseen callback returned may be y too): that would be a
                        // dereference of NULL on every path, not a lost report
                        Interval n = x.unknown ? c.when() : x.num.meet(c.when());
                        if (n.isBottom()) { s.bottom = true; return; }
                        Value v = new Value(n, x.pts, false, x.taint, x.widened);
                        if (!v.equals(x)) s.set(c.x(), s.contents(c.x()).store(Interval.ZERO, size(c.x()), v, true));
                    }
                    continue;
                }
                // a value that may also be unknown may be anything: it decides nothing
                if (!integer(x) || x.unknown) continue;
                if (x.num.leq(c.when())) {
                    Value m = meet(y, c.then());
                    if (m == null && !y.unknown) { s.bottom = true; return; }
                    if (m != null && !m.equals(y)) s.set(c.y(), s.contents(c.y()).store(Interval.ZERO, size(c.y()), m, true));
                } else if (!y.unknown && !(c.then().unknown && in.pointers.contains(c.x())) && meet(y, c.then()) == null) {
                    Interval n = without(x.num, c.when());
                    if (n.isBottom()) { s.bottom = true; return; }
                    if (!n.equals(x.num)) s.set(c.x(), s.contents(c.x()).store(Interval.ZERO, size(c.x()), x.withNum(n), true));
                }
            }
        }
    }

    /** {@code y} narrowed to what {@code c} says it holds; false when that leaves nothing (the state is unreachable). */
    private static boolean narrow(State s, Correlation c, Value y) {
        Value m = meet(y, c.then());
        if (m == null && !y.unknown) { s.bottom = true; return false; }
        if (m != null && !m.equals(y)) s.set(c.y(), s.contents(c.y()).store(Interval.ZERO, size(c.y()), m, true));
        return true;
    }

    /**
     * A test {@code x op other} on the whole of the variable {@code x}: where it fails for every value
     * a correlation made "outside" of, x is outside them, even when x is otherwise unknown (the test
     * itself says so).
     */
    static void tested(State s, Region x, BinOp op, Value other) {
        if (s.cor.isEmpty() || other.unknown || !other.pts.isEmpty() || other.num.isBottom()) return;
        for (Correlation c : s.cor) {
            if (!c.outside() || !c.x().equals(x)) continue;
            if (!fails(c.when(), op, other.num)) continue;
            Value y = scalar(s, c.y());
            if (y != null && !narrow(s, c, y)) return;
        }
    }

    /** Does {@code x op o} fail for every {@code x} in {@code when} and {@code o} in {@code other}? */
    static boolean fails(Interval when, BinOp op, Interval other) {
        if (when.isBottom() || other.isBottom()) return false;
        return switch (op) {
            case LT -> when.lo() >= other.hi();
            case LE -> when.lo() > other.hi();
            case GT -> when.hi() <= other.lo();
            case GE -> when.hi() < other.lo();
            case EQ -> disjoint(when, other);
            case NE -> when.isSingleton() && other.isSingleton() && when.lo() == other.lo();
            default -> false;
        };
    }

    /** {@code v} minus {@code w}, where {@code w} covers one end of it. */
    private static Interval without(Interval v, Interval w) {
        if (w.lo() <= v.lo() && w.hi() >= v.hi()) return Interval.BOTTOM;
        if (w.lo() <= v.lo() && w.hi() >= v.lo()) return Interval.of(w.hi() + 1, v.hi());
        if (w.hi() >= v.hi() && w.lo() <= v.hi()) return Interval.of(v.lo(), w.lo() - 1);
        return v;
    }

    /** The values of {@code v} that {@code w} allows; null when none (unknown values only where both may be unknown). */
    private static Value meet(Value v, Value w) {
        Interval num = v.num.meet(w.num);
        TreeMap<Region, Interval> pts = new TreeMap<>();
        for (Map.Entry<Region, Interval> e : v.pts.entrySet()) {
            Interval o = w.pts.get(e.getKey());
            if (o == null) continue;
            Interval m = e.getValue().meet(o);
            if (!m.isBottom()) pts.put(e.getKey(), m);
        }
        // what an unconstrained source gives may be in both
        boolean unknown = v.unknown && w.unknown;
        if (num.isBottom() && pts.isEmpty() && !unknown) return null;
        return new Value(num, pts, unknown, v.taint, v.widened);
    }

    /** The contents of the correlated variables before a statement (to see what it changed). */
    static Map<Region, Contents> before(State s) {
        if (s.cor.isEmpty()) return null;
        Map<Region, Contents> m = new IdentityHashMap<>();
        for (Correlation c : s.cor) {
            m.put(c.x(), s.mem.get(c.x()));
            m.put(c.y(), s.mem.get(c.y()));
        }
        return m;
    }

    /** {@code to = from} copied a temporary into a variable: the temporary's facts are the variable's. */
    static void copied(State s, Region from, Region to) {
        if (s.cor.isEmpty() || from.equals(to)) return;
        List<Correlation> out = new ArrayList<>();
        for (Correlation c : s.cor) {
            if (c.y().equals(from) && !c.x().equals(to)) add(out, new Correlation(c.x(), c.when(), to, c.then(), c.outside()));
        }
        if (out.isEmpty()) return;
        // the variable's new facts first: they are what the next tests are about
        for (Correlation c : s.cor) add(out, c);
        s.cor = firstMax(out);
    }

    /** Drops the correlations of variables a statement changed. */
    static void forgetChanged(Map<Region, Contents> before, State s) {
        if (before == null || s.cor.isEmpty()) return;
        List<Correlation> kept = new ArrayList<>();
        for (Correlation c : s.cor) {
            if (s.mem.get(c.x()) == before.get(c.x()) && s.mem.get(c.y()) == before.get(c.y())) kept.add(c);
        }
        if (kept.size() != s.cor.size()) s.cor = List.copyOf(kept);
    }
}
