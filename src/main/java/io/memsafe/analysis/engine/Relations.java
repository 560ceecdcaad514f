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

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transfer functions of the relational domain ({@link Octagon} in {@link State#rel}) over a
 * function's integer variables and the integer fields of objects it reaches through one pointer (see
 * {@link Place}): what makes correct code correct when the bound is another variable —
 * {@code room = size - used; n = MIN(len, room); memcpy(buf + used, src, n)} — which intervals lose.
 * <ul>
 * <li>An assignment {@code x = y + c}, {@code x = c - y}, {@code x = y - z}, {@code x = y + z} to an
 *     integer local relates x to y and z; any other assignment keeps only x's interval.</li>
 * <li>Any other change to a variable's storage (a store through a pointer, a call that writes it)
 *     forgets the variable: the relations only describe what they saw. A field is forgotten only when
 *     its own cell changed; what the intervals know of a forgotten place is kept.</li>
 * <li>A branch condition between variables ({@code i < n}, {@code used + n <= size}) constrains them;
 *     a contradiction makes the path unreachable.</li>
 * <li>A library access {@code memcpy(buf + k, src, n)} into an object of constant size S (a variable,
 *     an array member, the rest of an object from where a local pointer points) is proven to end inside
 *     it when {@code k + n <= S} holds, also for a length {@code n = c - x} that cannot wrap.</li>
 * </ul>
 * The cost is bounded by the domain's cap on variables; relations are per function activation (a
 * callee starts with what {@link CalleeRelations} passes it: the caller's constraints between its
 * arguments and the memory it reaches).
 */
final class Relations {
    private Relations() { }

    /**
     * A place the relations track: an integer local, parameter or temporary of the function running
     * (keyed by its region), or an integer field at a constant offset of the one object a local
     * pointer or a local struct designates ({@code md->curlen}, {@code ctx.used}; keyed by the object
     * and the field's bytes). A field is what correct code checks as often as a local: the fill level
     * of a buffer kept beside it in a struct. {@code range} is what its type holds.
     */
    record Place(Region region, long offset, long size, Interval range, long unit) {
        String key() { return (offset < 0 ? region.key : region.key + "@" + offset + ":" + size) + (unit > 0 ? "#p" : ""); }
        boolean field() { return offset >= 0; }
        /** A pointer (a local one, or a member): the place is its offset in the object it points to, counted in elements of {@code unit} bytes. */
        boolean pointer() { return unit > 0; }
    }

    static String cell(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        e = strip(e);
        if (!(e instanceof Expr.Load l)) return null;
        return tracked(in, l.lv(), s, f);
    }

    static String tracked(Interpreter in, Lvalue lv, State s, Interpreter.Frame f) {
        if (f.fn() == null) return null;
        Place p = lv.type() instanceof Type.Int ? place(in, lv, s, f) : lv.type() instanceof Type.Pointer pt ? pointerPlace(in, lv, pt, s, f) : null;
        if (p == null) return null;
        String key = p.key();
        in.relatedPlaces.putIfAbsent(key, p);
        return key;
    }

    private static Place place(Interpreter in, Lvalue lv, State s, Interpreter.Frame f) {
        // what any value of the type is bounds the place too (an unsigned count is never below zero)
        Type.Int t = (Type.Int) lv.type();
        return located(in, lv, lv.type().size(), Interval.ofType(t.size(), t.signed()), 0, s, f);
    }

    /** The place an lvalue is: a local, a member of a local struct, or one of the one object a local pointer designates. */
    private static Place located(Interpreter in, Lvalue whole, long size, Interval range, long unit, State s, Interpreter.Frame f) {
        Fields fs = Fields.of(whole);
        Lvalue lv = fs.base();
        long extra = fs.offset();
        boolean member = fs.member();
        if (lv instanceof Lvalue.Var v) {
            if (v.var().isGlobalStorage()) return null;
            Region r = in.region(v.var(), f.fn());
            return member ? field(in, r, extra, size, range, unit, s) : new Place(r, -1, size, range, unit);
        }
        Map.Entry<Region, Long> target = lv instanceof Lvalue.Deref d ? pointee(in, d, s, f) : null;
        if (target == null) return null;
        // a whole scalar variable of a caller, through the pointer it lent ({@code *pos} of {@code &pos}): the
        // caller's own place, so that what the caller's relations say of it holds here ({@code pos <= len})
        if (!member && target.getValue() == 0 && wholeVariable(target.getKey(), size)) return new Place(target.getKey(), -1, size, range, unit);
        return field(in, target.getKey(), target.getValue() + extra, size, range, unit, s);
    }

    /** A local variable's storage (not an array or a block) of exactly {@code size} bytes. */
    private static boolean wholeVariable(Region r, long size) {
        Long whole = r.size.constant();
        return r.kind == Region.Kind.STACK && r.key.startsWith("v:") && whole != null && whole == size;
    }

    /** {@code *p}, {@code p->f} or {@code p[k]} of a local pointer p to one place of one object and a constant k: that object and the byte offset there; else null. */
    private static Map.Entry<Region, Long> pointee(Interpreter in, Lvalue.Deref d, State s, Interpreter.Frame f) {
        Expr pointer = strip(d.pointer());
        long k = 0;
        // p[k] of a constant k (a byte at a fixed place of an input: d[0], d[1])
        if (pointer instanceof Expr.Binary b && b.op() == BinOp.ADD && b.type() instanceof Type.Pointer && constant(b.right()) instanceof Long c
                && Math.abs(c) < (1L << 20) && b.scale() > 0) {
            pointer = strip(b.left());
            k = c * b.scale();
        }
        if (!(pointer instanceof Expr.Load pl && pl.lv() instanceof Lvalue.Var pv && !pv.var().isGlobalStorage() && pv.var().type instanceof Type.Pointer)) return null;
        Value ptr = s.contents(in.region(pv.var(), f.fn())).load(Interval.ZERO, 8);
        if (ptr.unknown || ptr.pts.size() != 1) return null;
        Map.Entry<Region, Interval> target = ptr.pts.entrySet().iterator().next();
        if (!target.getValue().isSingleton()) return null;
        return Map.entry(target.getKey(), target.getValue().lo() + k + d.byteOffset());
    }

    /**
     * The byte offset of a member of a local struct or of the struct a local pointer points to
     * ({@code s.f}, {@code p->f}, {@code this->a.b}); -1 for any other lvalue.
     */
    static long memberOffset(Lvalue lv) {
        Fields fs = Fields.of(lv);
        if (fs.base() instanceof Lvalue.Var v) return fs.member() && !v.var().isGlobalStorage() ? fs.offset() : -1;
        if (fs.base() instanceof Lvalue.Deref d && strip(d.pointer()) instanceof Expr.Load pl && pl.lv() instanceof Lvalue.Var pv && !pv.var().isGlobalStorage()
                && pv.var().type instanceof Type.Pointer pt && (fs.member() || pt.pointee() instanceof Type.Struct)) return d.byteOffset() + fs.offset();
        return -1;
    }

    /** An lvalue as the object its member accesses start from and their offset in it ({@code s.a.b}: s and a's offset plus b's). */
    private record Fields(Lvalue base, long offset, boolean member) {
        static Fields of(Lvalue lv) {
            long extra = 0;
            boolean member = false;
            while (lv instanceof Lvalue.Field fl) {
                extra += fl.offset();
                lv = fl.base();
                member = true;
            }
            return new Fields(lv, extra, member);
        }
    }

    /**
     * A field of one object: not a global (unseen code may change it), nor user memory (the caller
     * may), nor a site that stands for several blocks.
     */
    private static Place field(Interpreter in, Region r, long offset, long size, Interval range, long unit, State s) {
        if (offset < 0 || size <= 0 || r.kind == Region.Kind.GLOBAL || r.kind == Region.Kind.STRING_LITERAL || in.severalLive.contains(r.key)
                || UserMemory.isUser(r)) return null;
        Contents c = s.contents(r).withCell(offset, size);
        if (c == null) return null;
        if (c != s.contents(r)) s.set(r, c);
        return new Place(r, offset, size, range, unit);
    }

    /**
     * A local pointer variable that the function compares with another or subtracts from one (see
     * {@code Shape.comparedPointers}), related by its offset in elements of its pointee type: a pointer
     * advanced in step with a counter ({@code p++, n--}), walked against an end pointer
     * ({@code while (p < end)}), the room {@code end - p}. Offsets of different objects are never
     * compared by correct code, so a relation between two offsets holds whatever each designates.
     */
    private static Place pointerPlace(Interpreter in, Lvalue lv, Type.Pointer t, State s, Interpreter.Frame f) {
        long unit = unit(t);
        if (unit <= 0) return null;
        FunctionFixpoint.Shape shape = in.shape(f.fn());
        if (lv instanceof Lvalue.Var v) {
            if (v.var().isGlobalStorage()) return null;
            Place p = new Place(in.region(v.var(), f.fn()), -1, 8, Interval.TOP, unit);
            // or one a search's result relates ({@link #returnedWithin})
            return shape.comparedPointers().contains(v.var()) || s.rel.variables().contains(p.key()) ? p : null;
        }
        // a member ({@code this->cur < this->end}) the function compares, or one a callee's relations
        // bound ({@code reader.pos} after {@code reader.next()} kept it before {@code reader.end})
        long off = memberOffset(lv);
        if (off < 0) return null;
        boolean compared = shape.comparedMembers().contains(off);
        if (!compared && s.rel.variables().isEmpty()) return null;
        Place p = located(in, lv, 8, Interval.TOP, unit, s, f);
        return p == null || !p.field() || (!compared && !s.rel.variables().contains(p.key())) ? null : p;
    }

    static long unit(Type t) {
        return t instanceof Type.Pointer p && p.pointee().size() > 0 ? p.pointee().size() : 0;
    }

    /** The pointer a pointer place holds. */
    static Value held(Place p, State s) {
        return s.contents(p.region()).load(Interval.of(p.field() ? p.offset() : 0), 8);
    }

    /** Stores a pointer into a pointer place. */
    private static void hold(Place p, Value v, State s) {
        s.set(p.region(), s.contents(p.region()).store(Interval.of(p.field() ? p.offset() : 0), 8, v, true));
    }

    /** The offset of a pointer to one object, in elements of {@code unit} bytes (unknown unless whole elements). */
    private static Value offsetOf(Value ptr, long unit) {
        if (ptr.unknown || ptr.pts.size() != 1) return Value.UNKNOWN;
        Interval off = ptr.pts.values().iterator().next();
        if (off.isBottom()) return Value.UNKNOWN;
        long lo = off.lo(), hi = off.hi();
        if ((lo != Interval.NEG_INF && lo % unit != 0) || (hi != Interval.POS_INF && hi % unit != 0)) return Value.UNKNOWN;
        return Value.of(Interval.of(lo == Interval.NEG_INF ? lo : lo / unit, hi == Interval.POS_INF ? hi : hi / unit));
    }

    /**
     * A local pointer loaded: what the relations know of its offset bounds it when that keeps it on
     * an element of its object (the loop {@code for (p = buf; n; n--, p++)} keeps {@code p + n}
     * within the object after the widening lost {@code p}'s own bound).
     */
    static Value boundPointer(Interpreter in, Lvalue lv, Value v, State s, Interpreter.Frame f) {
        if (v.unknown || v.pts.size() != 1 || s.rel.variables().isEmpty() || f.fn() == null || unit(lv.type()) <= 0) return v;
        String k;
        if (lv instanceof Lvalue.Var var) {
            if (var.var().isGlobalStorage()) return v;
            k = in.region(var.var(), f.fn()).key + "#p";
        } else {
            Place p = memberOffset(lv) < 0 ? null : pointerPlace(in, lv, (Type.Pointer) lv.type(), s, f);
            if (p == null) return v;
            k = p.key();
        }
        if (!s.rel.variables().contains(k)) return v;
        long unit = unit(lv.type());
        Interval b = s.rel.bounds(k);
        if (b.isBottom() || b.isTop()) return v;
        long lo = b.lo() == Interval.NEG_INF || b.lo() < Long.MIN_VALUE / 2 / unit ? Interval.NEG_INF : b.lo() * unit;
        long hi = b.hi() == Interval.POS_INF || b.hi() > Long.MAX_VALUE / 2 / unit ? Interval.POS_INF : b.hi() * unit;
        Map.Entry<Region, Interval> t = v.pts.entrySet().iterator().next();
        Interval off = t.getValue().meet(Interval.of(lo, hi));
        if (off.isBottom() || off.equals(t.getValue())) return v;
        // only a proof: a bound that keeps the element inside the object; a looser one (the relation's
        // own bound may come from a widened or loose value) is no evidence of an access past it
        Long size = t.getKey().size.constant();
        if (size == null || off.lo() < 0 || off.hi() == Interval.POS_INF || off.hi() > size - unit) return v;
        return new Value(v.num, new java.util.TreeMap<>(Map.of(t.getKey(), off)), v.unknown, v.taint, v.widened);
    }

    /** Casts that keep the value (to a type at least as wide) do not matter to a relation. */
    static Expr strip(Expr e) {
        while (e instanceof Expr.Cast c && c.type() instanceof Type.Int to && c.operand().type() instanceof Type.Int from
                && to.size() >= from.size() && (to.signed() || !from.signed())) e = c.operand();
        return e;
    }

    /** A linear form {@code sign1*x + sign2*y + c} over at most two tracked variables. */
    record Linear(String x, int sx, String y, int sy, long c) {
        static Linear constant(long c) { return new Linear(null, 0, null, 0, c); }
    }

    static Linear linear(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        e = strip(e);
        if (e.type() instanceof Type.Pointer) return pointerLinear(in, e, s, f);
        if (e instanceof Expr.Binary b && b.op() == BinOp.PTRDIFF) {
            // p - q: the difference of their offsets, in elements
            Linear l = pointerLinear(in, b.left(), s, f), r = pointerLinear(in, b.right(), s, f);
            if (l == null || r == null || l.y != null || r.y != null || unit(b.left().type()) != b.scale() || unit(b.right().type()) != b.scale()) return null;
            if (l.x == null) return r.x == null ? Linear.constant(satAdd(l.c, -r.c)) : new Linear(r.x, -1, null, 0, satAdd(l.c, -r.c));
            return new Linear(l.x, 1, r.x, r.x == null ? 0 : -1, satAdd(l.c, -r.c));
        }
        if (e instanceof Expr.Cast c && c.type() instanceof Type.Int to && c.operand().type() instanceof Type.Int from && to.size() >= from.size()
                && !to.signed() && from.signed()) {
            // a signed value made unsigned ({@code (size_t)(end - pos)}, {@code (size_t)n} of an int) is the same
            // number while not negative
            Linear l = linear(in, c.operand(), s, f);
            Interval v = l == null ? Interval.BOTTOM : exact(in, l, s);
            return !v.isBottom() && v.lo() >= 0 ? l : null;
        }
        if (e instanceof Expr.IntConst k) return Linear.constant(k.value());
        // a masked value converted to a type its mask fits ({@code uint8_t tkl = d[0] & 0x0f}) keeps it
        if (e instanceof Expr.Cast c && c.type() instanceof Type.Int t && ScaledCopies.of(in, strip(c.operand()), s, f) instanceof String m
                && ScaledCopies.of(m) instanceof ScaledCopies.Copy copy && copy.masked()
                && Interval.of(0, copy.k()).leq(Interval.ofType(t.size(), t.signed()))) return new Linear(m, 1, null, 0, 0);
        // a non-negative constant converted to any integer type wide enough keeps its value
        if (e instanceof Expr.Cast c && c.operand() instanceof Expr.IntConst k && k.value() >= 0 && c.type() instanceof Type.Int t
                && (t.size() >= 8 || k.value() < (1L << (8 * t.size() - 1)))) return Linear.constant(k.value());
        Long folded = constant(e);
        if (folded != null) return Linear.constant(folded);
        String c = cell(in, e, s, f);
        if (c != null) return new Linear(c, 1, null, 0, 0);
        if (e instanceof Expr.Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB) && b.type() instanceof Type.Int) {
            Linear l = linear(in, b.left(), s, f), r = linear(in, b.right(), s, f);
            if (l == null || r == null) return null;
            int sign = b.op() == BinOp.ADD ? 1 : -1;
            if (r.y != null || (l.y != null && r.x != null)) return null;
            long k = satAdd(l.c, sign == 1 ? r.c : -r.c);
            if (r.x == null) return new Linear(l.x, l.sx, l.y, l.sy, k);
            if (l.x == null) return new Linear(r.x, sign * r.sx, null, 0, k);
            return new Linear(l.x, l.sx, r.x, sign * r.sx, k);
        }
        String copy = ScaledCopies.of(in, e, s, f);
        return copy == null ? null : new Linear(copy, 1, null, 0, 0);
    }

    /**
     * A pointer expression as a linear form over offsets in elements of its pointee type: a local
     * pointer, the address of a variable or of a member at a constant offset (a constant), and
     * either plus or minus an integer form. NULL and anything else: none.
     */
    private static Linear pointerLinear(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        long unit = unit(e.type());
        if (unit <= 0) return null;
        while (e instanceof Expr.Cast c && unit(c.operand().type()) == unit) e = c.operand();
        if (e instanceof Expr.Load l && (l.lv() instanceof Lvalue.Var || memberOffset(l.lv()) >= 0) && l.lv().type() instanceof Type.Pointer) {
            String k = tracked(in, l.lv(), s, f);
            if (k != null) return new Linear(k, 1, null, 0, 0);
            // a local pointer the function never compares, at one known place of one object (a parameter at the
            // start of what it was handed): that offset ({@code end = buf + len} then is {@code len} past it)
            if (!(l.lv() instanceof Lvalue.Var v) || v.var().isGlobalStorage()) return null;
            Value off = offsetOf(s.contents(in.region(v.var(), f.fn())).load(Interval.ZERO, 8), unit);
            return !off.unknown && off.num.isSingleton() && off.num.lo() >= 0 ? Linear.constant(off.num.lo()) : null;
        }
        if (e instanceof Expr.AddressOf ao) {
            Fields fs = Fields.of(ao.lv());
            long off = fs.offset();
            if (fs.base() instanceof Lvalue.Deref d) {
                // &p->member of a local pointer to one place of one object: the member's offset there
                Map.Entry<Region, Long> target = pointee(in, d, s, f);
                if (target == null) return null;
                off += target.getValue();
                return off % unit == 0 ? Linear.constant(off / unit) : null;
            }
            return fs.base() instanceof Lvalue.Var && off % unit == 0 ? Linear.constant(off / unit) : null;
        }
        if (e instanceof Expr.Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB) && b.scale() == unit && b.left().type() instanceof Type.Pointer
                && b.right().type() instanceof Type.Int) {
            Linear l = pointerLinear(in, b.left(), s, f), r = linear(in, b.right(), s, f);
            if (l == null || r == null || r.y != null || (l.y != null && r.x != null)) return null;
            int sign = b.op() == BinOp.ADD ? 1 : -1;
            long k = satAdd(l.c, sign == 1 ? r.c : -r.c);
            if (r.x == null) return new Linear(l.x, l.sx, l.y, l.sy, k);
            if (l.x == null) return new Linear(r.x, sign * r.sx, null, 0, k);
            return new Linear(l.x, l.sx, r.x, sign * r.sx, k);
        }
        return null;
    }

    /** Two related places that are integers, or pointers that may designate one same object (the only ones whose offsets compare). */
    private static boolean oneObject(Interpreter in, String x, String y, State s) {
        Place px = in.relatedPlaces.get(x), py = in.relatedPlaces.get(y);
        if (px == null || py == null || !px.pointer() && !py.pointer()) return true;
        if (!px.pointer() || !py.pointer()) return false;
        Value a = held(px, s), b = held(py, s);
        return !a.unknown && !b.unknown && !java.util.Collections.disjoint(a.pts.keySet(), b.pts.keySet());
    }

    /**
     * The value of an integer expression made of constants only ({@code (1024 / 8)} from a macro), when
     * it is exact and non-negative, as the constants that sizes and rooms are written with are.
     */
    static Long constant(Expr e) {
        e = strip(e);
        if (e instanceof Expr.IntConst k) return k.value() >= 0 ? k.value() : null;
        if (e instanceof Expr.Cast c && c.type() instanceof Type.Int t && t.size() >= 4) {
            Long v = constant(c.operand());
            return v != null && (t.size() >= 8 || v < (1L << (8 * t.size() - 1))) ? v : null;
        }
        if (!(e instanceof Expr.Binary b) || !(b.type() instanceof Type.Int)) return null;
        Long l = constant(b.left()), r = constant(b.right());
        if (l == null || r == null || l > Integer.MAX_VALUE || r > Integer.MAX_VALUE) return null;
        Long v = switch (b.op()) {
            case ADD -> l + r;
            case SUB -> l >= r ? l - r : null;
            case MUL -> l * r;
            case DIV -> r != 0 && l % r == 0 ? l / r : null;
            case SHL -> r < 32 ? l << r : null;
            default -> null;
        };
        // only a result the expression's type holds (no wrap)
        Type.Int t = (Type.Int) b.type();
        return v != null && Interval.ofType(t.size(), t.signed()).contains(v) ? v : null;
    }

    static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }

    /**
     * What an assignment {@code target = value} will do to the relations, worked out before the store
     * (while the variables of the value still hold what the value was computed from): the place
     * assigned, the linear form of the value, and whether its exact result fits the target's type.
     */
    record Assignment(String x, Linear l, boolean fits) { }

    static Assignment assigning(Interpreter in, Lvalue target, Expr value, State s, Interpreter.Frame f) {
        String x = tracked(in, target, s, f);
        if (x == null) return null;
        Linear l = linear(in, value, s, f);
        if (l != null) introduce(in, l, s);
        // the relation holds of mathematical values: only when the exact result fits the type (no wrap)
        // (offsets of pointers do not wrap: the arithmetic that would is undefined)
        boolean fits = l != null && (target.type() instanceof Type.Pointer || fits(exact(in, l, s), target.type()) || sameTypeCopy(l, value, target));
        return new Assignment(x, l, fits);
    }

    /**
     * {@code n = m} of an integer of the very type of n, however unknown its value: a copy cannot wrap
     * ({@code size_t n = strlen(s)}, the call's result in a temporary first).
     */
    private static boolean sameTypeCopy(Linear l, Expr value, Lvalue target) {
        return l.x != null && l.y == null && l.sx == 1 && l.c == 0 && value instanceof Expr.Load ld
                && ld.type() instanceof Type.Int vi && target.type() instanceof Type.Int ti && vi.size() == ti.size() && vi.signed() == ti.signed();
    }

    /**
     * A place entering the relations brings the bounds its value has: {@code end = p + len} then
     * knows {@code end - p} as well as {@code len}.
     */
    static void introduce(Interpreter in, Linear l, State s) {
        for (String k : new String[] {l.x, l.y}) {
            Interval b = k == null || s.rel.variables().contains(k) ? null : known(in, k, s);
            if (b == null) continue;
            Octagon<String> r = s.rel.meetInterval(k, b);
            if (r.isBottom()) continue;
            ScaledCopies.Copy c = ScaledCopies.of(k);
            if (c != null) {
                Interval base = r.variables().contains(c.base()) ? r.bounds(c.base()) : known(in, c.base(), s);
                // (a masked copy holds only while its local is in the relations: a store to the local forgets both)
                if (base == null && c.masked() && in.relatedPlaces.get(c.base()) instanceof Place bp) base = bp.range();
                r = ScaledCopies.related(c, base, r);
            }
            s.rel = r;
        }
    }

    /** The bounds a related place's value has in {@code s}, within its type's range; null when unknown or unbounded. */
    static Interval known(Interpreter in, String k, State s) {
        Place p = in.relatedPlaces.get(k);
        if (p == null && ScaledCopies.of(k) == null) return null;
        Value v = value(in, k, s);
        if (v.unknown || !v.pts.isEmpty() || v.num.isBottom() || v.num.isTop()) return null;
        Interval b = p == null ? v.num : v.num.meet(p.range());
        return b.isBottom() ? null : b;
    }

    /** After the store of an assignment: the relation of the target to the variables of its value. */
    static void assigned(Interpreter in, Assignment a, Value computed, State s) {
        if (a == null) return;
        String x = a.x();
        Linear l = a.l();
        Place target = in.relatedPlaces.get(x);
        // a pointer's relations bound its offset while it designates an object: NULL designates none, so
        // they stay as they were (a list walked to its end, p = p->next, keeps p == head of the first
        // step), and a test uses them only while the pointer cannot be NULL (see assume)
        if (target != null && target.pointer() && isNull(computed)) return;
        Octagon<String> r = s.rel;
        if (a.fits()) {
            if (l.x == null) r = r.assignConst(x, l.c);
            else if (l.y == null && l.sx == 1) r = r.assign(x, l.x, l.c);
            else if (l.y == null) r = r.forget(x).addSumConstraint(x, l.x, l.c).addSumLowerBound(x, l.x, l.c);
            // x = y + z + c, x = y - z + c: the sum or difference, then moved by c
            else if (l.sx == 1 && l.sy == 1) r = shifted(r.assignSum(x, l.x, l.y), x, l.c);
            else if (l.sx == 1 && l.sy == -1) r = shifted(r.assignDifference(x, l.x, l.y), x, l.c);
            else if (l.sx == -1 && l.sy == 1) r = shifted(r.assignDifference(x, l.y, l.x), x, l.c);
            else r = r.forget(x);
        } else r = r.forget(x);
        // (after the assignment, which may have taken x's new value from one of them: cap = cap * 2)
        r = ScaledCopies.dropCopiesOf(r, x);
        // the interval the value analysis computed is a fact too, for the relations x is in
        Place p = in.relatedPlaces.get(x);
        if (p != null && p.pointer()) computed = offsetOf(computed, p.unit());
        if (r.variables().contains(x) && !computed.num.isBottom() && computed.pts.isEmpty() && !computed.unknown) r = r.meetInterval(x, computed.num);
        s.rel = r;
        // and what the relations know of the value bounds what the place holds where the intervals are
        // looser ({@code rest = end - pos} in size_t after {@code pos <= end}: the intervals of end and pos
        // overlap, their difference wraps to any value; the relations keep it between 0 and the room;
        // {@code pl += olen} after {@code pl + olen < sizeof buf}: the intervals add two bounds of 127)
        if (a.fits() && p != null && !p.pointer() && r.variables().contains(x)) {
            Value v = value(in, x, s);
            Interval b = r.bounds(x);
            if (v.pts.isEmpty() && !b.isBottom() && !v.num.isBottom()) {
                // (a value the intervals hold as "or anything" stays so: a bound the relations know is no
                // evidence that it is reached)
                Interval n = v.num.meet(b);
                if (!n.isBottom() && !n.equals(v.num)) {
                    s.set(p.region(), s.contents(p.region()).store(Interval.of(p.field() ? p.offset() : 0), p.size(), new Value(n, v.pts, v.unknown, v.taint, v.widened), true));
                }
            }
        }
    }

    /**
     * Whether the relations' bounds of a place say more of its value than its type does, on both sides
     * (below zero nothing is to say of an unsigned place): only then do they stand for a value the
     * intervals know nothing of.
     */
    private static boolean informative(Interval b, Place p) {
        if (p == null || b.isBottom() || b.lo() == Interval.NEG_INF || b.hi() == Interval.POS_INF) return false;
        Interval type = p.range();
        // (a bound past a billion only keeps the value inside its type, n <= INT_MAX before a conversion)
        return b.hi() < Math.min(type.hi(), Refinement.RANGE_GUARD) && (type.lo() >= 0 || b.lo() > Math.max(type.lo(), -Refinement.RANGE_GUARD));
    }

    private static Octagon<String> shifted(Octagon<String> r, String x, long c) {
        return c == 0 ? r : r.assign(x, x, c);
    }

    static boolean fits(Interval exact, Type t) {
        return t instanceof Type.Int i && !exact.isBottom() && exact.leq(Interval.ofType(i.size(), i.signed()));
    }

    /** The mathematical range of a linear form over the values its variables hold (bottom when one is unknown). */
    static Interval exact(Interpreter in, Linear l, State s) { return exact(in, l, s, false); }

    /** The same, over the known part of the values only when {@code knownPart} (what checkers report on). */
    private static Interval exact(Interpreter in, Linear l, State s, boolean knownPart) {
        Interval r = Interval.of(l.c);
        for (int k = 0; k < 2; k++) {
            String v = k == 0 ? l.x : l.y;
            if (v == null) continue;
            Value val = value(in, v, s);
            if (val.isPointer() || val.num.isBottom()) return Interval.BOTTOM;
            // what the relations know bounds it too (a fill level widened in memory, kept by a check); a
            // value the intervals do not know at all is what the relations bound it to, if they do
            Interval rel = s.rel.bounds(v);
            if (val.unknown && !knownPart && !informative(rel, in.relatedPlaces.get(v))) return Interval.BOTTOM;
            Interval num = val.unknown && !knownPart ? rel : val.num.meet(rel);
            if (num.isBottom()) return Interval.BOTTOM;
            r = (k == 0 ? l.sx : l.sy) > 0 ? r.add(num) : r.sub(num);
        }
        // and what they bound of the two together ({@code end - pos} after {@code pos < end})
        Interval m = r.meet(together(l, s));
        if (!m.isBottom()) r = m;
        return r;
    }

    /** What the relations bound of a form over two related places taken together; TOP when it has not two such places. */
    private static Interval together(Linear l, State s) {
        if (l.y == null || !s.rel.variables().contains(l.x) || !s.rel.variables().contains(l.y)) return Interval.TOP;
        long hi, lo;
        if (l.sx == l.sy) {
            hi = l.sx > 0 ? s.rel.upperSum(l.x, l.y) : negated(s.rel.lowerSum(l.x, l.y));
            lo = l.sx > 0 ? s.rel.lowerSum(l.x, l.y) : negated(s.rel.upperSum(l.x, l.y));
        } else {
            String plus = l.sx > 0 ? l.x : l.y, minus = l.sx > 0 ? l.y : l.x;
            hi = s.rel.upperDiff(plus, minus);
            lo = negated(s.rel.upperDiff(minus, plus));
        }
        return Interval.of(lo <= -Octagon.INF ? Interval.NEG_INF : satAdd(lo, l.c), hi == Interval.POS_INF ? Interval.POS_INF : satAdd(hi, l.c));
    }

    /** {@code -bound}, infinities exchanged. */
    private static long negated(long bound) {
        return bound == Interval.POS_INF ? Interval.NEG_INF : bound <= -Octagon.INF ? Interval.POS_INF : -bound;
    }

    /** The value a related place holds in a state. */
    static Value value(Interpreter in, String key, State s) {
        Place p = in.relatedPlaces.get(key);
        if (p == null) {
            ScaledCopies.Copy c = ScaledCopies.of(key);
            return c == null ? Value.UNKNOWN : ScaledCopies.value(in, c, s);
        }
        if (p.pointer()) return offsetOf(held(p, s), p.unit());
        if (p.field()) return s.contents(p.region()).load(Interval.of(p.offset()), p.size());
        Long size = p.region().size.constant();
        return s.contents(p.region()).load(Interval.ZERO, Math.max(1, size == null ? 8 : size));
    }

    /**
     * The distance {@code p - q} between two local pointers, bounded by what the relations know of
     * it (the room {@code end - p} after a loop that kept {@code p <= end}).
     */
    static Value boundDifference(Interpreter in, Expr.Binary b, Value v, State s, Interpreter.Frame f) {
        if (s.rel.variables().isEmpty() || v.unknown || v.num.isBottom()) return v;
        Linear l = linear(in, b, s, f);
        if (l == null || l.x == null || l.sx != 1) return v;
        Interval d;
        if (l.y == null) d = s.rel.bounds(l.x);
        else if (l.sy == -1) {
            long hi = s.rel.upperDiff(l.x, l.y), lo = s.rel.upperDiff(l.y, l.x);
            d = Interval.of(lo == Octagon.INF ? Interval.NEG_INF : -lo, hi == Octagon.INF ? Interval.POS_INF : hi);
        } else return v;
        Interval c = Interval.of(l.c);
        d = d.add(c);
        Interval n = v.num.meet(d);
        return n.isBottom() || n.equals(v.num) ? v : v.withNum(n);
    }

    /**
     * The exact range of an integer difference {@code a - b} when the relations prove it is not below zero
     * ({@code if (tot < ihl) fail; ... tot - ihl}): the subtraction cannot wrap, whatever the intervals of
     * the two operands; else null.
     */
    static Interval nonNegativeDifference(Interpreter in, Expr.Binary b, State s, Interpreter.Frame f) {
        if (b.op() != BinOp.SUB || !(b.type() instanceof Type.Int) || s.rel.variables().isEmpty()) return null;
        Linear l = linear(in, b, s, f);
        if (l == null || l.x == null) return null;
        Interval v = exact(in, l, s);
        // operands the intervals know nothing of (a room computed from a caller's member) whose difference the
        // relations still bound: {@code copy = MIN(n, room); n - copy} is not below zero
        if (v.isBottom()) v = together(l, s);
        return v.isBottom() || v.lo() < 0 ? null : v;
    }

    /** The contents of each region holding a related variable, before a statement (to see what it changed). */
    static Map<Region, Contents> before(Interpreter in, State s) {
        if (s.rel.variables().isEmpty()) return null;
        Map<Region, Contents> m = new IdentityHashMap<>();
        for (String k : s.rel.variables()) {
            Place p = in.relatedPlaces.get(k);
            if (p != null) m.put(p.region(), s.mem.get(p.region()));
        }
        StringLengths.before(in, s, m);
        return m;
    }

    /** Forgets the related variables whose storage a statement changed (other than by the assignment it relates). */
    static void forgetChanged(Map<Region, Contents> before, Lvalue assigned, Interpreter in, State s, Interpreter.Frame f) {
        if (before == null) return;
        String keep = assigned == null ? null : tracked(in, assigned, s, f);
        Octagon<String> r = s.rel;
        for (String k : s.rel.variables()) {
            Place p = in.relatedPlaces.get(k);
            if (p == null || k.equals(keep) || !before.containsKey(p.region())) continue;
            Contents was = before.get(p.region()), now = s.mem.get(p.region());
            if (now == was) continue;
            // a field keeps its relations while its own cell is untouched (a store to another field)
            if (p.field() && was != null && now != null && untouched(was.cells.get(p.offset()), now.cells.get(p.offset()))) continue;
            r = forget(in, r, k, s);
        }
        s.rel = r;
        StringLengths.forgetChanged(in, before, s);
    }

    /** A local about to be overwritten as a whole (a call's result): its relations are gone. */
    static void overwritten(Interpreter in, Lvalue.Var v, State s, Interpreter.Frame f) {
        if (s.rel.variables().isEmpty() || f.fn() == null || v.var().isGlobalStorage()) return;
        Region r = in.region(v.var(), f.fn());
        for (String k : new String[] {r.key, r.key + "#p"}) if (s.rel.variables().contains(k)) s.rel = ScaledCopies.dropCopiesOf(s.rel.forget(k), k);
    }

    /** Forgets a place's relations; what the value analysis knows of it stays a fact. */
    private static Octagon<String> forget(Interpreter in, Octagon<String> r, String k, State s) {
        r = ScaledCopies.dropCopiesOf(r.forget(k), k);
        Value v = value(in, k, s);
        return !v.unknown && v.pts.isEmpty() && !v.num.isBottom() ? r.meetInterval(k, v.num) : r;
    }

    /**
     * Forgets the relations of the fields of {@code regions} (all fields when null): for statements
     * that join states, where a cell kept by the join (its value did not grow) may still hold
     * another concrete value than before.
     */
    static void forgetFields(Interpreter in, State s, java.util.Set<Region> regions) {
        Octagon<String> r = s.rel;
        for (String k : s.rel.variables()) {
            Place p = in.relatedPlaces.get(k);
            if (p == null || !p.field() || (regions != null && !regions.contains(p.region()))) continue;
            r = forget(in, r, k, s);
        }
        s.rel = r;
    }

    /**
     * A field's cell the statement left as it was: the same cell, or (after a call, whose result
     * builds new cells) the same single constant, which is the same concrete value.
     */
    private static boolean untouched(Contents.Cell was, Contents.Cell now) {
        if (was == null || now == null) return false;
        if (was == now) return true;
        Value a = was.value(), b = now.value();
        return was.size() == now.size() && !a.unknown && !b.unknown && a.pts.isEmpty() && b.pts.isEmpty()
                && a.num.isSingleton() && a.num.equals(b.num);
    }

    /** A branch condition {@code left op right} holds: constrain the related variables; bottom if it cannot. */
    static void assume(Interpreter in, Expr left, BinOp op, Expr right, State s, Interpreter.Frame f) {
        Linear l = linear(in, left, s, f), r = linear(in, right, s, f);
        if (l != null && r == null && quotientTest(in, left, op, right, s, f)) return;
        if (r != null && l == null && quotientTest(in, right, op.swap(), left, s, f)) return;
        if (l == null || r == null || (l.x == null && r.x == null)) return;
        if (mayWrap(in, left, l, s) || mayWrap(in, right, r, s)) return;
        introduce(in, l, s);
        introduce(in, r, s);
        // move everything to the left: l - r op 0
        List<Object[]> terms = new ArrayList<>();
        if (l.x != null) terms.add(new Object[] {l.x, l.sx});
        if (l.y != null) terms.add(new Object[] {l.y, l.sy});
        if (r.x != null) terms.add(new Object[] {r.x, -r.sx});
        if (r.y != null) terms.add(new Object[] {r.y, -r.sy});
        long c = satAdd(r.c, -l.c); // sum(terms) op c
        for (Object[] t : terms) if (mayBeNull(in, (String) t[0], s)) return;
        Octagon<String> o = s.rel;
        if (op == BinOp.NE) {
            boolean pair = terms.size() == 2 && (int) terms.get(0)[1] == 1 && (int) terms.get(1)[1] == -1
                    && o.variables().contains((String) terms.get(0)[0]) && o.variables().contains((String) terms.get(1)[0]);
            Octagon<String> n = o;
            if (pair && c != Long.MIN_VALUE) {
                // x - y != c where the relations make it exactly c: the test cannot hold; at an end of what they
                // bound x - y to, it moves that end ({@code i == len} failed after a loop that stops at
                // {@code i < len}: {@code i < len}; {@code p == end} after {@code p < end}: pointers an earlier
                // comparison related are into one object, as C requires of the comparison)
                String x = (String) terms.get(0)[0], y = (String) terms.get(1)[0];
                boolean exact = o.upperDiff(x, y) == c && o.upperDiff(y, x) == -c;
                if (exact || oneObject(in, x, y, s)) n = o.upperDiff(x, y) == c ? o.assumeLe(x, y, c - 1) : o.upperDiff(y, x) == -c ? o.assumeLe(y, x, -c - 1) : o;
            } else if (terms.size() == 1 && Math.abs((int) terms.get(0)[1]) == 1 && c != Long.MIN_VALUE && o.variables().contains((String) terms.get(0)[0])
                    && strip(left).type() instanceof Type.Int && strip(right).type() instanceof Type.Int) {
                // x != c at an end of x's bounds moves that end ({@code (d[1] & 7) != 0}: the masked copy from 1)
                // (integers only: two pointers at the same offset of different objects differ)
                String x = (String) terms.get(0)[0];
                long v = (int) terms.get(0)[1] * c;
                Interval b = o.bounds(x);
                n = b.lo() == v && v < Interval.POS_INF ? o.meetInterval(x, Interval.of(v + 1, Interval.POS_INF))
                        : b.hi() == v && v > Interval.NEG_INF ? o.meetInterval(x, Interval.of(Interval.NEG_INF, v - 1)) : o;
            }
            if (n.isBottom()) s.bottom = true;
            else if (n != o) {
                s.rel = n;
                learn(in, l, s);
                learn(in, r, s);
            }
            return;
        }
        switch (op) {
            case LT -> o = le(o, terms, c == Long.MIN_VALUE ? c : c - 1);
            case LE -> o = le(o, terms, c);
            case GT -> o = le(o, negate(terms), c == Long.MIN_VALUE ? Long.MAX_VALUE : satAdd(-c, -1));
            case GE -> o = le(o, negate(terms), c == Long.MIN_VALUE ? Long.MAX_VALUE : -c);
            case EQ -> o = le(le(o, terms, c), negate(terms), c == Long.MIN_VALUE ? Long.MAX_VALUE : -c);
            default -> { }
        }
        for (Object[] t : terms) {
            Place p = in.relatedPlaces.get((String) t[0]);
            if (p != null && !o.isBottom()) o = o.meetInterval((String) t[0], p.range());
        }
        if (o.isBottom()) s.bottom = true;
        else {
            s.rel = o;
            learn(in, l, s);
            learn(in, r, s);
        }
    }

    /**
     * {@code y op X / k} of a local y, a linear form X that is not negative and a constant k from 2 up
     * ({@code len > (outsz - 1) / 2}): the same test of k times y, {@code y×k op' X + c}, through y's
     * scaled copy (floor division: {@code y <= X / k} is {@code k*y <= X}, {@code y < X / k} gives
     * {@code k*y <= X - k}, {@code y > X / k} is {@code k*y >= X + 1}, {@code y >= X / k} gives
     * {@code k*y >= X - k + 1}). An index {@code 2 * i} with {@code i < y} is then related to X
     * ({@link ScaledCopies}). False when the test is not of that form.
     */
    private static boolean quotientTest(Interpreter in, Expr y, BinOp op, Expr quotient, State s, Interpreter.Frame f) {
        Expr q = strip(quotient);
        if (!(q instanceof Expr.Binary d) || (d.op() != BinOp.DIV && d.op() != BinOp.SHR) || !(d.type() instanceof Type.Int dt) || dt.signed()) return false;
        Long kc = constant(d.right());
        long k = kc == null ? 0 : d.op() == BinOp.DIV ? kc : kc < 16 ? 1L << kc : 0;
        if (k < 2 || k > (1 << 16)) return false;
        String copy = ScaledCopies.scaled(in, y, k, s, f);
        Linear x = linear(in, d.left(), s, f);
        if (copy == null || x == null || mayWrap(in, d.left(), x, s)) return true;
        Interval xr = exact(in, x, s, true);
        if (xr.isBottom() || xr.lo() < 0) return true;
        long c = switch (op) {
            case LE, GE -> op == BinOp.LE ? 0 : 1 - k;
            case LT -> -k;
            case GT -> 1;
            default -> Long.MIN_VALUE;
        };
        if (c == Long.MIN_VALUE) return true;
        BinOp to = op == BinOp.LT ? BinOp.LE : op == BinOp.GT ? BinOp.GE : op;
        Linear l = new Linear(copy, 1, null, 0, 0), r = new Linear(x.x, x.sx, x.y, x.sy, satAdd(x.c, c));
        introduce(in, l, s);
        introduce(in, r, s);
        List<Object[]> terms = new ArrayList<>();
        terms.add(new Object[] {copy, 1});
        if (r.x != null) terms.add(new Object[] {r.x, -r.sx});
        if (r.y != null) terms.add(new Object[] {r.y, -r.sy});
        Octagon<String> o = to == BinOp.LE ? le(s.rel, terms, r.c) : le(s.rel, negate(terms), r.c == Long.MIN_VALUE ? Long.MAX_VALUE : -r.c);
        if (o.isBottom()) s.bottom = true;
        else s.rel = o;
        return true;
    }

    /**
     * What a test taught the intervals of a related place ({@code if (n)}, {@code n != 0} at the end
     * of its range) becomes a bound of the relations too: {@code p + n <= end} with {@code n >= 1}
     * then keeps {@code p} before {@code end}.
     */
    static void learn(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        if (s.rel.variables().isEmpty() || s.bottom) return;
        Linear l = linear(in, e, s, f);
        if (l != null) learn(in, l, s);
    }

    private static void learn(Interpreter in, Linear l, State s) {
        for (String k : new String[] {l.x, l.y}) {
            Interval b = k == null || !s.rel.variables().contains(k) ? null : known(in, k, s);
            if (b == null) continue;
            // the two disagree only where one of them wrapped: trust neither to cut the path
            Octagon<String> r = s.rel.meetInterval(k, b);
            if (!r.isBottom()) s.rel = r;
        }
    }

    /**
     * Whether a side of a test computed in an integer type narrower than 64 bits ({@code off + len} in
     * {@code unsigned int}) may have wrapped over the values the state holds: then the test says nothing
     * of the mathematical sum the relations describe ({@code off + len > size} is false for a huge
     * {@code off} whose sum wrapped). A 64-bit sum is taken as computed: its operands are sizes of
     * objects in memory; a constant minus a value in a 64-bit unsigned type is not, unless it cannot go
     * below zero.
     */
    static boolean mayWrap(Interpreter in, Expr side, Linear l, State s) {
        if (l.y == null && l.c == 0) return false;
        Type t = strip(side).type();
        if (!(t instanceof Type.Int i)) return false;
        Interval r = exact(in, l, s, true);
        if (i.size() >= 8) {
            // a 64-bit sum does not reach 2^64, but a constant minus a value in an unsigned type goes
            // below zero as soon as the value may be more than the constant ({@code BUFSZ - resplen}
            // with a resplen from the caller): then it wraps to a huge value. (A difference of two
            // variables, {@code len - pos}, is taken as computed: an invariant the analysis may not
            // see keeps pos within len.)
            boolean fromConstant = l.x != null && l.sx < 0 && (l.y == null || l.sy < 0);
            return fromConstant && !i.signed() && !r.isBottom() && r.lo() < 0;
        }
        return !r.isBottom() && !fits(r, t);
    }

    /**
     * Whether both sides of a test are linear forms that cannot wrap over the values the state holds
     * (their known part): only then does what the relations conclude from the test hold of the values
     * ({@code size + 4 > sizeof buf} with a huge {@code size} wraps, and bounds nothing).
     */
    static boolean exactTest(Interpreter in, Expr left, Expr right, State s, Interpreter.Frame f) {
        for (Expr side : new Expr[] {left, right}) {
            Linear l = linear(in, side, s, f);
            if (l == null || !(strip(side).type() instanceof Type.Int)) return false;
            Interval r = exact(in, l, s, true);
            // an unbounded side (a 64-bit size from the caller) may be the one that wraps
            if (r.isBottom() || r.hi() == Interval.POS_INF || r.lo() == Interval.NEG_INF || !fits(r, strip(side).type())) return false;
        }
        return true;
    }

    /**
     * The reduction of the product: what the relations now know bounds the values of the places in a
     * condition and of the places a difference ties to them, as the intervals hold them
     * ({@code if (128 - n < 16) n = 0; else ... 112 - n}: the test bounds {@code n} through the relation
     * only). Only a tighter bound is stored; taint stays.
     */
    static void reduce(Interpreter in, Expr left, Expr right, boolean exact, State s, Interpreter.Frame f) {
        if (!exact) return;
        java.util.Set<String> tested = new java.util.TreeSet<>();
        for (Expr side : new Expr[] {left, right}) {
            Linear l = linear(in, side, s, f);
            if (l == null) continue;
            if (l.x != null) tested.add(l.x);
            if (l.y != null) tested.add(l.y);
        }
        if (tested.isEmpty()) return;
        // and the places tied to them ({@code path = size - 4; if (path <= 0) fail;} bounds size too)
        java.util.Set<String> keys = new java.util.TreeSet<>(tested);
        for (String k : s.rel.variables()) {
            if (keys.contains(k) || BlockCounts.isCount(k)) continue;
            for (String t : tested) {
                if (s.rel.variables().contains(t) && (s.rel.upperDiff(k, t) != Octagon.INF || s.rel.upperDiff(t, k) != Octagon.INF)) {
                    keys.add(k);
                    break;
                }
            }
        }
        for (String k : keys) {
            if (!s.rel.variables().contains(k)) continue;
            Place p = in.relatedPlaces.get(k);
            if (p == null || p.pointer()) continue;
            Value v = value(in, k, s);
            if (!v.pts.isEmpty() || v.num.isBottom()) continue;
            Interval n = v.num.meet(s.rel.bounds(k));
            if (n.equals(v.num)) continue;
            if (n.isBottom()) {
                // a tied place that disagrees is no proof the path cannot run: only a tested one cuts it
                if (!tested.contains(k)) continue;
                s.bottom = true;
                return;
            }
            long at = p.field() ? p.offset() : 0;
            s.set(p.region(), s.contents(p.region()).store(Interval.of(at), p.size(), new Value(n, v.pts, v.unknown, v.taint, v.widened), true));
        }
    }

    /**
     * After a test between two local pointers ({@code p + 3 <= end}, {@code end - p >= 2}): an object
     * too small to hold both at the distance the relations now require is not the one they point
     * into (pointers compared, or subtracted, point into one object; a valid one is at most one past
     * its end). {@code p} pointing to {@code ""} or to a message keeps only the message.
     */
    static void pruneObjects(Interpreter in, Expr left, Expr right, State s, Interpreter.Frame f) {
        if (s.rel.variables().isEmpty()) return;
        List<String> ptrs = new ArrayList<>();
        for (Expr side : new Expr[] {left, right}) {
            Linear l = linear(in, side, s, f);
            if (l == null) continue;
            for (String k : new String[] {l.x, l.y}) {
                Place p = k == null ? null : in.relatedPlaces.get(k);
                if (p != null && p.pointer() && !ptrs.contains(k)) ptrs.add(k);
            }
        }
        for (int i = 0; i < ptrs.size(); i++) {
            for (int j = 0; j < ptrs.size(); j++) {
                if (i == j) continue;
                Place p = in.relatedPlaces.get(ptrs.get(i)), q = in.relatedPlaces.get(ptrs.get(j));
                if (p.unit() != q.unit()) continue;
                // the least distance from p to q, in elements
                long d = s.rel.upperDiff(ptrs.get(i), ptrs.get(j));
                if (d == Octagon.INF || -d <= 0) continue;
                Value pv = held(p, s), qv = held(q, s);
                java.util.Set<Region> gone = new java.util.TreeSet<>();
                for (Region r : pv.pts.keySet()) {
                    Long size = r.size.constant();
                    if (size != null && qv.pts.containsKey(r) && size / p.unit() < -d) gone.add(r);
                }
                if (gone.isEmpty()) continue;
                for (Place x : new Place[] {p, q}) {
                    Value v = held(x, s);
                    java.util.TreeMap<Region, Interval> pts = new java.util.TreeMap<>(v.pts);
                    pts.keySet().removeAll(gone);
                    if (pts.isEmpty() && v.num.isBottom() && !v.unknown) {
                        s.bottom = true;
                        return;
                    }
                    hold(x, new Value(v.num, pts, v.unknown, v.taint, v.widened), s);
                }
            }
        }
    }

    /** A definite NULL pointer: no object, the number 0. */
    static boolean isNull(Value v) {
        return !v.unknown && v.pts.isEmpty() && v.num.isSingleton() && v.num.lo() == 0;
    }

    /**
     * A related pointer place that may hold a NULL stored into it (its relations describe it only when
     * it does not); a pointer the analysis knows nothing of (a parameter) is taken to designate an object.
     */
    private static boolean mayBeNull(Interpreter in, String k, State s) {
        Place p = in.relatedPlaces.get(k);
        if (p == null || !p.pointer()) return false;
        Value v = held(p, s);
        return v.num.contains(0) && !v.num.isTop();
    }

    private static List<Object[]> negate(List<Object[]> terms) {
        List<Object[]> n = new ArrayList<>();
        for (Object[] t : terms) n.add(new Object[] {t[0], -(int) t[1]});
        return n;
    }

    /** sum(terms) <= c, for the forms octagons (and their anchors) hold. */
    static Octagon<String> le(Octagon<String> o, List<Object[]> terms, long c) {
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
}
