package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transfer functions of the relational domain ({@link Octagon} in {@link State#rel}) over a
 * function's integer variables: what makes correct code correct when the bound is another variable —
 * {@code room = size - used; n = MIN(len, room); memcpy(buf + used, src, n)} — which intervals lose.
 * <ul>
 * <li>An assignment {@code x = y + c}, {@code x = c - y}, {@code x = y - z}, {@code x = y + z} to an
 *     integer local relates x to y and z; any other assignment keeps only x's interval.</li>
 * <li>Any other change to a variable's storage (a store through a pointer, a call that writes it)
 *     forgets the variable: the relations only describe what they saw.</li>
 * <li>A branch condition between variables ({@code i < n}, {@code used + n <= size}) constrains them;
 *     a contradiction makes the path unreachable.</li>
 * <li>A library access {@code memcpy(buf + k, src, n)} into an object of constant size S is proven
 *     to end inside it when {@code k + n <= S} holds.</li>
 * </ul>
 * The cost is bounded by the domain's cap on variables; relations are per function activation (a
 * callee starts with none).
 */
final class Relations {
    private Relations() { }

    /** A variable the relations track: an integer local, parameter or temporary of the function running. */
    static String cell(Interpreter in, Expr e, Interpreter.Frame f) {
        e = strip(e);
        if (!(e instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var v)) return null;
        return tracked(in, v.var(), f);
    }

    private static String tracked(Interpreter in, Variable v, Interpreter.Frame f) {
        if (v.isGlobalStorage() || !(v.type instanceof Type.Int) || f.fn() == null) return null;
        Region r = in.region(v, f.fn());
        in.relatedRegions.putIfAbsent(r.key, r);
        return r.key;
    }

    /** Casts that keep the value (to a type at least as wide) do not matter to a relation. */
    private static Expr strip(Expr e) {
        while (e instanceof Expr.Cast c && c.type() instanceof Type.Int to && c.operand().type() instanceof Type.Int from
                && to.size() >= from.size() && (to.signed() || !from.signed())) e = c.operand();
        return e;
    }

    /** A linear form {@code sign1*x + sign2*y + c} over at most two tracked variables. */
    record Linear(String x, int sx, String y, int sy, long c) {
        static Linear constant(long c) { return new Linear(null, 0, null, 0, c); }
    }

    static Linear linear(Interpreter in, Expr e, Interpreter.Frame f) {
        e = strip(e);
        if (e instanceof Expr.IntConst k) return Linear.constant(k.value());
        // a non-negative constant converted to any integer type wide enough keeps its value
        if (e instanceof Expr.Cast c && c.operand() instanceof Expr.IntConst k && k.value() >= 0 && c.type() instanceof Type.Int t
                && (t.size() >= 8 || k.value() < (1L << (8 * t.size() - 1)))) return Linear.constant(k.value());
        String c = cell(in, e, f);
        if (c != null) return new Linear(c, 1, null, 0, 0);
        if (e instanceof Expr.Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB) && b.type() instanceof Type.Int) {
            Linear l = linear(in, b.left(), f), r = linear(in, b.right(), f);
            if (l == null || r == null) return null;
            int s = b.op() == BinOp.ADD ? 1 : -1;
            if (r.y != null || (l.y != null && r.x != null)) return null;
            long k = satAdd(l.c, s == 1 ? r.c : -r.c);
            if (r.x == null) return new Linear(l.x, l.sx, l.y, l.sy, k);
            if (l.x == null) return new Linear(r.x, s * r.sx, null, 0, k);
            return new Linear(l.x, l.sx, r.x, s * r.sx, k);
        }
        return null;
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }

    /** After {@code target = value} was stored: the relation of the target to the variables of value. */
    static void assigned(Interpreter in, Lvalue target, Expr value, Value computed, State s, Interpreter.Frame f) {
        if (!(target instanceof Lvalue.Var tv)) return;
        String x = tracked(in, tv.var(), f);
        if (x == null) return;
        Octagon<String> r = s.rel;
        Linear l = linear(in, value, f);
        // the relation holds of mathematical values: only when the exact result fits the type (no wrap)
        if (l != null && fits(exact(in, l, s), tv.var().type)) {
            if (l.x == null) r = r.assignConst(x, l.c);
            else if (l.y == null && l.sx == 1) r = r.assign(x, l.x, l.c);
            else if (l.y == null) r = r.forget(x).addSumConstraint(x, l.x, l.c).addSumLowerBound(x, l.x, l.c);
            else if (l.c == 0 && l.sx == 1 && l.sy == 1) r = r.assignSum(x, l.x, l.y);
            else if (l.c == 0 && l.sx == 1 && l.sy == -1) r = r.assignDifference(x, l.x, l.y);
            else r = r.forget(x);
        } else r = r.forget(x);
        // the interval the value analysis computed is a fact too, for the relations x is in
        if (r.variables().contains(x) && !computed.num.isBottom() && computed.pts.isEmpty() && !computed.unknown) r = r.meetInterval(x, computed.num);
        s.rel = r;
    }

    private static boolean fits(Interval exact, Type t) {
        return t instanceof Type.Int i && !exact.isBottom() && exact.leq(Interval.ofType(i.size(), i.signed()));
    }

    /** The mathematical range of a linear form over the values its variables hold (bottom when one is unknown). */
    private static Interval exact(Interpreter in, Linear l, State s) {
        Interval r = Interval.of(l.c);
        for (int k = 0; k < 2; k++) {
            String v = k == 0 ? l.x : l.y;
            if (v == null) continue;
            Region reg = in.relatedRegions.get(v);
            Value val = reg == null ? Value.UNKNOWN : s.contents(reg).load(Interval.ZERO, Math.max(1, sizeOf(reg)));
            if (val.unknown || val.isPointer() || val.num.isBottom()) return Interval.BOTTOM;
            r = (k == 0 ? l.sx : l.sy) > 0 ? r.add(val.num) : r.sub(val.num);
        }
        return r;
    }

    private static long sizeOf(Region r) {
        Long size = r.size.constant();
        return size == null ? 8 : size;
    }

    /** The contents of each region holding a related variable, before a statement (to see what it changed). */
    static Map<Region, Contents> before(Interpreter in, State s) {
        if (s.rel.variables().isEmpty()) return null;
        Map<Region, Contents> m = new IdentityHashMap<>();
        for (String k : s.rel.variables()) {
            Region r = in.relatedRegions.get(k);
            if (r != null) m.put(r, s.mem.get(r));
        }
        return m;
    }

    /** Forgets the related variables whose storage a statement changed (other than by the assignment it relates). */
    static void forgetChanged(Map<Region, Contents> before, Lvalue assigned, Interpreter in, State s, Interpreter.Frame f) {
        if (before == null) return;
        String keep = assigned instanceof Lvalue.Var v ? tracked(in, v.var(), f) : null;
        Octagon<String> r = s.rel;
        for (Map.Entry<Region, Contents> e : before.entrySet()) {
            if (e.getKey().key.equals(keep)) continue;
            if (s.mem.get(e.getKey()) != e.getValue()) r = r.forget(e.getKey().key);
        }
        s.rel = r;
    }

    /** A branch condition {@code left op right} holds: constrain the related variables; bottom if it cannot. */
    static void assume(Interpreter in, Expr left, BinOp op, Expr right, State s, Interpreter.Frame f) {
        Linear l = linear(in, left, f), r = linear(in, right, f);
        if (l == null || r == null || (l.x == null && r.x == null)) return;
        // move everything to the left: l - r op 0
        List<Object[]> terms = new ArrayList<>();
        if (l.x != null) terms.add(new Object[] {l.x, l.sx});
        if (l.y != null) terms.add(new Object[] {l.y, l.sy});
        if (r.x != null) terms.add(new Object[] {r.x, -r.sx});
        if (r.y != null) terms.add(new Object[] {r.y, -r.sy});
        long c = satAdd(r.c, -l.c); // sum(terms) op c
        Octagon<String> o = s.rel;
        switch (op) {
            case LT -> o = le(o, terms, c == Long.MIN_VALUE ? c : c - 1);
            case LE -> o = le(o, terms, c);
            case GT -> o = le(o, negate(terms), c == Long.MIN_VALUE ? Long.MAX_VALUE : satAdd(-c, -1));
            case GE -> o = le(o, negate(terms), c == Long.MIN_VALUE ? Long.MAX_VALUE : -c);
            case EQ -> o = le(le(o, terms, c), negate(terms), c == Long.MIN_VALUE ? Long.MAX_VALUE : -c);
            default -> { }
        }
        if (o.isBottom()) s.bottom = true;
        else s.rel = o;
    }

    private static List<Object[]> negate(List<Object[]> terms) {
        List<Object[]> n = new ArrayList<>();
        for (Object[] t : terms) n.add(new Object[] {t[0], -(int) t[1]});
        return n;
    }

    /** sum(terms) <= c, for the forms octagons (and their anchors) hold. */
    private static Octagon<String> le(Octagon<String> o, List<Object[]> terms, long c) {
        if (c == Long.MAX_VALUE) return o;
        if (terms.size() == 1) {
            String x = (String) terms.get(0)[0];
            int sx = (int) terms.get(0)[1];
            return sx == 1 ? o.addUpper(x, c) : o.addLower(x, c == Long.MIN_VALUE ? Long.MAX_VALUE : -c);
        }
        if (terms.size() == 2) {
            String x = (String) terms.get(0)[0], y = (String) terms.get(1)[0];
            int sx = (int) terms.get(0)[1], sy = (int) terms.get(1)[1];
            if (x.equals(y)) return o;
            if (sx == 1 && sy == -1) return o.addConstraint(x, y, c);
            if (sx == -1 && sy == 1) return o.addConstraint(y, x, c);
            if (sx == 1 && sy == 1) return o.addSumConstraint(x, y, c);
            return o.addSumLowerBound(x, y, c == Long.MIN_VALUE ? Long.MAX_VALUE : -c);
        }
        if (terms.size() == 3) {
            // x + y - z <= c: the anchor form of a checked sum (used + n <= size)
            List<String> plus = new ArrayList<>(), minus = new ArrayList<>();
            for (Object[] t : terms) ((int) t[1] == 1 ? plus : minus).add((String) t[0]);
            if (plus.size() == 2 && minus.size() == 1) return o.assumeSumLe(plus.get(0), plus.get(1), minus.get(0), c);
        }
        return o;
    }

    /**
     * Pointer arguments of a library call whose byte access, by the model's (pointer, length) pairs,
     * the relations prove to end inside the object: {@code memcpy(buf + k, src, n)} with
     * {@code k + n <= sizeof buf}. Keyed by the argument's value (each argument a distinct instance).
     */
    static Map<Value, Boolean> provenEnds(Interpreter in, List<int[]> pairs, List<Expr> exprs, List<Value> args, State s, Interpreter.Frame f) {
        if (s.rel.variables().isEmpty() || pairs.isEmpty()) return Map.of();
        Map<Value, Boolean> out = null;
        for (int[] p : pairs) {
            if (p[0] >= exprs.size() || p[1] >= exprs.size()) continue;
            Value ptr = args.get(p[0]);
            if (ptr.pts.size() != 1) continue;
            Region region = ptr.pts.keySet().iterator().next();
            Long size = region.size.constant();
            if (size == null) continue;
            Expr pe = exprs.get(p[0]);
            while (pe instanceof Expr.Cast c) pe = c.operand();
            String k = null;
            long base = 0;
            if (pe instanceof Expr.Binary b && b.op() == BinOp.ADD && b.scale() == 1 && strip(b.left()) instanceof Expr.AddressOf ao
                    && ao.lv() instanceof Lvalue.Var) {
                Linear off = linear(in, b.right(), f);
                if (off == null || off.x == null || off.y != null || off.sx != 1) continue;
                k = off.x;
                base = off.c;
            } else continue;
            Linear len = linear(in, exprs.get(p[1]), f);
            if (len == null || len.x == null || len.y != null || len.sx != 1) continue;
            long bound = s.rel.upperSum(k, len.x);
            if (bound == Octagon.INF || satAdd(satAdd(bound, base), len.c) > size) continue;
            if (out == null) out = new IdentityHashMap<>();
            out.put(ptr, Boolean.TRUE);
        }
        return out == null ? Map.of() : out;
    }
}

