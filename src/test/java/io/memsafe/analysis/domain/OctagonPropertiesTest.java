package io.memsafe.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link Octagon} against brute force: small random constraint systems over three variables in a
 * box of integer points, where the set of points is the exact meaning. Closure must be exact (each
 * bound reached by a point), transfer functions sound (every concrete result inside), and the
 * lattice laws hold. Seeds are fixed: a failure names the seed that reproduces it.
 */
class OctagonPropertiesTest {
    private static final String[] V = {"a", "b", "c"};
    private static final int BOX = 3;
    private static final int MAX_POINTS = 300;

    /** One of {@code x - y <= c}, {@code x + y <= c}, {@code -x - y <= c}, {@code x <= c}, {@code x >= c}. */
    private record Constraint(int kind, int x, int y, long c) {
        static Constraint random(Random r) {
            return new Constraint(r.nextInt(5), r.nextInt(3), r.nextInt(3), r.nextInt(9) - 4);
        }

        boolean holds(long[] p) {
            return switch (kind) {
                case 0 -> p[x] - p[y] <= c;
                case 1 -> p[x] + p[y] <= c;
                case 2 -> -p[x] - p[y] <= c;
                case 3 -> p[x] <= c;
                default -> p[x] >= c;
            };
        }

        Octagon<String> apply(Octagon<String> o) {
            return switch (kind) {
                case 0 -> o.addConstraint(V[x], V[y], c);
                case 1 -> o.addSumConstraint(V[x], V[y], c);
                case 2 -> o.addSumLowerBound(V[x], V[y], -c);
                case 3 -> o.addUpper(V[x], c);
                default -> o.addLower(V[x], c);
            };
        }
    }

    private static Octagon<String> box() {
        Octagon<String> o = Octagon.top();
        for (String v : V) o = o.meetInterval(v, Interval.of(-BOX, BOX));
        return o;
    }

    private static List<long[]> boxPoints() {
        List<long[]> pts = new ArrayList<>();
        for (long a = -BOX; a <= BOX; a++) for (long b = -BOX; b <= BOX; b++) for (long c = -BOX; c <= BOX; c++) pts.add(new long[]{a, b, c});
        return pts;
    }

    private static long max(List<long[]> pts, ToLongFunction<long[]> f) {
        return pts.stream().mapToLong(f).max().orElseThrow();
    }

    @Test
    void closureIsExactOnIntegerPoints() {
        for (int seed = 0; seed < 1000; seed++) {
            Random r = new Random(seed);
            List<Constraint> cs = new ArrayList<>();
            for (int k = 1 + r.nextInt(5); k > 0; k--) cs.add(Constraint.random(r));
            Octagon<String> incremental = box(), full = box();
            for (Constraint c : cs) {
                incremental = c.apply(incremental);
                full = full.meet(c.apply(Octagon.top()));
            }
            List<long[]> pts = boxPoints().stream().filter(p -> cs.stream().allMatch(c -> c.holds(p))).toList();
            int sd = seed;
            Supplier<String> at = () -> "seed " + sd + " " + cs;
            expect(incremental.equals(full), at, "incremental and full closure differ");
            expect(incremental.isBottom() == pts.isEmpty(), at, "bottom iff no integer point");
            if (pts.isEmpty()) continue;
            for (int x = 0; x < 3; x++) {
                int i = x;
                expectEqual(incremental.bounds(V[x]), Interval.of(-max(pts, p -> -p[i]), max(pts, p -> p[i])), at);
                for (int y = 0; y < 3; y++) {
                    int j = y;
                    expectEqual(incremental.upperDiff(V[x], V[y]), max(pts, p -> p[i] - p[j]), at);
                    expectEqual(incremental.upperSum(V[x], V[y]), max(pts, p -> p[i] + p[j]), at);
                    expectEqual(incremental.lowerSum(V[x], V[y]), -max(pts, p -> -p[i] - p[j]), at);
                }
            }
        }
    }

    private static void expect(boolean ok, Supplier<String> at, String what) {
        if (!ok) fail(at.get() + ": " + what);
    }

    private static void expectEqual(Object actual, Object expected, Supplier<String> at) {
        if (!actual.equals(expected)) fail(at.get() + ": expected " + expected + " but was " + actual);
    }

    /** {@code bound} is at least (at most, when {@code upper} is false) the concrete {@code extreme}. */
    private static void expectBound(long bound, long extreme, boolean upper, Supplier<String> at) {
        if (upper ? bound < extreme : bound > extreme) fail(at.get() + ": bound " + bound + " misses " + extreme);
    }

    /** An octagon and the concrete points it must contain. */
    private record Abstraction(Octagon<String> oct, Set<List<Long>> pts) {
        Abstraction map(java.util.function.UnaryOperator<Octagon<String>> f, java.util.function.Function<List<Long>, List<List<Long>>> g) {
            // a havoc multiplies the points: keeping some of them is enough to test soundness
            Set<List<Long>> out = new LinkedHashSet<>();
            for (List<Long> p : pts) {
                if (out.size() >= MAX_POINTS) break;
                out.addAll(g.apply(p));
            }
            return new Abstraction(f.apply(oct), out);
        }
    }

    private static List<Long> with(List<Long> p, int x, long v) {
        List<Long> q = new ArrayList<>(p);
        q.set(x, v);
        return q;
    }

    private static List<List<Long>> anyOf(List<Long> p, int x, long lo, long hi) {
        List<List<Long>> out = new ArrayList<>();
        for (long v = lo; v <= hi; v++) out.add(with(p, x, v));
        return out;
    }

    /** One random transfer function applied to both sides. */
    private static Abstraction step(Abstraction s, Random r) {
        int x = r.nextInt(3), y = r.nextInt(3), z = r.nextInt(3);
        long c = r.nextInt(5) - 2;
        String vx = V[x], vy = V[y], vz = V[z];
        return switch (r.nextInt(12)) {
            case 0 -> s.map(o -> o.assign(vx, vy, c), p -> List.of(with(p, x, p.get(y) + c)));
            case 1 -> s.map(o -> o.assignConst(vx, c), p -> List.of(with(p, x, c)));
            case 2 -> s.map(o -> o.assignInterval(vx, Interval.of(c, c + 2)), p -> anyOf(p, x, c, c + 2));
            case 3 -> s.map(o -> o.assignSum(vx, vy, vz), p -> List.of(with(p, x, p.get(y) + p.get(z))));
            case 4, 5 -> s.map(o -> o.assignDifference(vx, vy, vz), p -> List.of(with(p, x, p.get(y) - p.get(z))));
            case 6 -> s.map(o -> o.assignMin(vx, vy, vz), p -> List.of(with(p, x, Math.min(p.get(y), p.get(z)))));
            case 7 -> s.map(o -> o.assignMax(vx, vy, vz), p -> List.of(with(p, x, Math.max(p.get(y), p.get(z)))));
            // the havoc'd variable takes a few of its infinitely many values: a subset suffices for soundness
            case 8 -> s.map(o -> o.forget(vx), p -> anyOf(p, x, -BOX, BOX));
            case 9 -> x == y ? s : s.map(o -> o.rename(vx, vy), p -> anyOf(with(p, y, p.get(x)), x, -1, 1));
            case 10 -> r.nextInt(3) == 0 ? assumeSumLe(s, x, y, z, c) : assume(s, Constraint.random(r));
            default -> {
                Abstraction a = step(s, r), b = step(s, r);
                Set<List<Long>> both = new LinkedHashSet<>(a.pts);
                both.addAll(b.pts);
                yield new Abstraction(r.nextBoolean() ? a.oct.join(b.oct) : a.oct.widen(b.oct), both);
            }
        };
    }

    private static Abstraction assume(Abstraction s, Constraint k) {
        Set<List<Long>> kept = new LinkedHashSet<>();
        for (List<Long> p : s.pts) if (k.holds(p.stream().mapToLong(Long::longValue).toArray())) kept.add(p);
        return new Abstraction(k.apply(s.oct), kept);
    }

    private static Abstraction assumeSumLe(Abstraction s, int x, int y, int z, long c) {
        Set<List<Long>> kept = new LinkedHashSet<>();
        for (List<Long> p : s.pts) if (p.get(x) + p.get(y) - p.get(z) <= c) kept.add(p);
        return new Abstraction(s.oct.assumeSumLe(V[x], V[y], V[z], c), kept);
    }

    private static void assertSound(Abstraction s, Supplier<String> at) {
        if (s.pts.isEmpty()) return;
        expect(!s.oct.isBottom(), at, "bottom with concrete points");
        List<long[]> pts = s.pts.stream().map(p -> p.stream().mapToLong(Long::longValue).toArray()).toList();
        for (int x = 0; x < 3; x++) {
            int i = x;
            Interval b = s.oct.bounds(V[x]);
            expectBound(b.hi(), max(pts, p -> p[i]), true, at);
            expectBound(b.lo(), -max(pts, p -> -p[i]), false, at);
            for (int y = 0; y < 3; y++) {
                int j = y;
                expectBound(s.oct.upperDiff(V[x], V[y]), max(pts, p -> p[i] - p[j]), true, at);
                expectBound(s.oct.upperSum(V[x], V[y]), max(pts, p -> p[i] + p[j]), true, at);
                expectBound(s.oct.lowerSum(V[x], V[y]), -max(pts, p -> -p[i] - p[j]), false, at);
                for (int z = 0; z < 3; z++) {
                    int k = z;
                    expectBound(s.oct.upperSumMinus(V[x], V[y], V[z]), max(pts, p -> p[i] + p[j] - p[k]), true, at);
                }
            }
        }
    }

    @Test
    void transferFunctionsAreSound() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            List<Constraint> cs = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) cs.add(Constraint.random(r));
            Octagon<String> o = box();
            for (Constraint c : cs) o = c.apply(o);
            Set<List<Long>> pts = new LinkedHashSet<>();
            for (long[] p : boxPoints()) if (cs.stream().allMatch(c -> c.holds(p))) pts.add(List.of(p[0], p[1], p[2]));
            Abstraction s = new Abstraction(o, pts);
            for (int k = 0; k < 5; k++) {
                s = step(s, r);
                Abstraction now = s;
                int sd = seed, st = k;
                assertSound(s, () -> "seed " + sd + " step " + st + " " + now.oct);
            }
        }
    }

    /** A random octagon over a b c: a few constraints, not boxed (so it can be unbounded). */
    private static Octagon<String> random(Random r) {
        Octagon<String> o = Octagon.top();
        for (int k = r.nextInt(5); k > 0; k--) o = Constraint.random(r).apply(o);
        return o;
    }

    @Test
    void latticeLaws() {
        for (int seed = 0; seed < 1000; seed++) {
            Random r = new Random(seed);
            Octagon<String> a = random(r), b = random(r), c = random(r);
            String at = "seed " + seed + ": " + a + " / " + b + " / " + c;
            Octagon<String> ab = a.join(b);
            assertThat(a.leq(a)).as(at).isTrue();
            assertThat(a.leq(ab) && b.leq(ab)).as(at).isTrue();
            assertThat(ab).as(at).isEqualTo(b.join(a));
            assertThat(a.join(a)).as(at).isEqualTo(a);
            assertThat(a.meet(a)).as(at).isEqualTo(a);
            Octagon<String> m = a.meet(b);
            assertThat(m.leq(a) && m.leq(b)).as(at).isTrue();
            assertThat(m).as(at).isEqualTo(b.meet(a));
            // transitivity along a <= a|b <= (a|b)|c
            assertThat(a.leq(ab.join(c))).as(at).isTrue();
            // leq is inclusion: mutual inclusion is equality
            if (a.leq(b) && b.leq(a)) assertThat(a).as(at).isEqualTo(b);
            Octagon<String> w = a.widen(b);
            assertThat(a.leq(w) && b.leq(w)).as(at).isTrue();
            // narrowing stays between the meet and the widened value
            Octagon<String> n = w.narrow(m);
            assertThat(m.leq(n) && n.leq(w)).as(at).isTrue();
        }
    }

    @Test
    void wideningStabilisesOnAGrowingChain() {
        for (int seed = 0; seed < 100; seed++) {
            Random r = new Random(seed);
            Octagon<String> chain = random(r), w = chain;
            int changes = 0;
            for (int k = 0; k < 60; k++) {
                // the chain grows forever: a variable moves by one, the old value is kept by the join
                String v = V[r.nextInt(3)];
                chain = chain.join(chain.assign(v, v, r.nextBoolean() ? 1 : -1)).join(random(r).meet(chain));
                Octagon<String> next = w.widen(chain);
                if (!chain.leq(next)) fail("seed " + seed + ": widening below its argument");
                if (!next.equals(w)) changes++;
                w = next;
            }
            // each change drops one of the 6x6 entries for good, or loses a variable
            assertThat(changes).as("seed " + seed).isLessThanOrEqualTo(36 + 3);
        }
    }
}
