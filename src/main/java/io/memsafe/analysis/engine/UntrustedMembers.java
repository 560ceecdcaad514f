package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Type;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Struct members that hold lengths read from a wire format. A parser reads a length from the packet
 * into {@code hdr->len} in one function; another function, reached from another entry point or a later
 * call of the API, copies {@code hdr->len} bytes. Nothing in the second function says where the
 * length came from, but the member does: a member that the scanned code assigns an integer read from
 * a wire format ({@link WireFormat}) anywhere holds one wherever it is read — Smatch keeps the values
 * each struct member is assigned across the whole kernel the same way, and CodeQL's field flow
 * connects a store to a load of the same field.
 *
 * <p>A member's fact is the join of the values stored into it (each as checked on its own path, so
 * a length validated before it is stored keeps its bound) and the first place one was stored. A
 * load of the member whose contents the analysis does not know (the struct came from a parameter,
 * an unseen call, another root) gets that value; a load of contents the analysis tracks keeps what
 * it knows. Members are named by their struct's tag and their own name and offset, members of
 * an anonymous struct (a typedef's) by its size and first members.
 *
 * <p>The facts are gathered over the whole scan and then used by a second analysis of the roots that
 * read such members ({@link ProgramAnalyzer}): so they do not depend on the order roots ran in, each
 * analysis in context keeps the facts of its own stores ({@link Summaries}) and a root's facts are
 * those of everything it analysed, whether it ran the analyses or reused them.
 */
public final class UntrustedMembers {
    /** The values a member is assigned, and where the first untrusted one came from. */
    public record Fact(Interval num, Origin origin) {
        public Fact join(Fact o) { return new Fact(num.join(o.num), EARLIEST.compare(origin, o.origin) <= 0 ? origin : o.origin); }
    }

    private static final Comparator<SourceLoc> LOC = Comparator.comparing(SourceLoc::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(SourceLoc::line).thenComparingInt(SourceLoc::column);
    private static final Comparator<Origin> EARLIEST = Comparator.comparing(Origin::loc, Comparator.nullsFirst(LOC)).thenComparing(Origin::what);

    private UntrustedMembers() { }

    /** The key of the member an lvalue designates ({@code struct.member@offset}), or null when not a named struct's scalar member. */
    static String key(Lvalue lv) {
        if (!(lv.type() instanceof Type.Int)) return null;
        if (lv instanceof Lvalue.Field fl) {
            if (!(fl.base().type() instanceof Type.Struct st) || st.union() || st.fields().isEmpty()) return null;
            return tag(st) + "." + fl.name() + "@" + fl.offset();
        }
        // p->member, lowered as a load at the member's offset from p
        if (lv instanceof Lvalue.Deref d && d.pointer().type() instanceof Type.Pointer pt && pt.pointee() instanceof Type.Struct st
                && !st.union() && !st.fields().isEmpty()) {
            for (Type.Field f : st.fields()) {
                if (f.offset() == d.byteOffset() && f.type() instanceof Type.Int fi && fi.size() == ((Type.Int) lv.type()).size()) return tag(st) + "." + f.name() + "@" + f.offset();
            }
        }
        return null;
    }

    /** The struct's tag; an anonymous struct (a typedef's) by its size and first members' names. */
    private static String tag(Type.Struct st) {
        if (st.name() != null && !st.name().isEmpty()) return st.name();
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < Math.min(3, st.fields().size()); i++) sb.append(i > 0 ? "," : "").append(st.fields().get(i).name());
        return sb.append(st.fields().size() > 3 ? ",...}" : "}").append(st.size()).toString();
    }

    /** Records a store of {@code v} into the member {@code key} at {@code at} when {@code v} is untrusted. */
    static void record(Map<String, Fact> into, String key, Value v, Type.Int type, SourceLoc at) {
        if (key == null || v.taint == null || !v.pts.isEmpty() || !fromData(v.taint)) return;
        Interval num = v.unknown || v.num.isBottom() ? Interval.ofType(type.size(), type.signed()) : v.num;
        Origin o = v.taint;
        String line = o.loc() != null && o.loc().line() > 0 ? " at line " + o.loc().line() : "";
        String member = key.substring(0, key.lastIndexOf('@'));
        if (member.startsWith("{")) member = "'" + member.substring(member.lastIndexOf('.') + 1) + "' of an unnamed struct";
        Fact f = new Fact(num, new Origin("member " + member + " (" + o.what() + line + ")", at));
        into.merge(key, f, Fact::join);
    }

    /**
     * Is the source a length read from a wire format ({@link WireFormat})? Those are untrusted wherever
     * they are found. Other untrusted values stay where the checks on their own paths cap them: an
     * entry point's length parameter, stored, is mostly a running total the API's caller owns (a hash
     * context's byte count), and an input function's count is the fill level of the buffer it filled;
     * the arithmetic that bounds those (a mask, the buffer's size) is not kept in the member.
     */
    static boolean fromData(Origin o) { return WireFormat.isWire(o); }

    static void mergeInto(Map<String, Fact> into, Map<String, Fact> from) {
        for (Map.Entry<String, Fact> e : from.entrySet()) into.merge(e.getKey(), e.getValue(), Fact::join);
    }

    /** The value a load of member {@code key} whose contents the analysis does not know gets, or null. */
    static Value loaded(Map<String, Fact> facts, String key) {
        Fact f = key == null ? null : facts.get(key);
        return f == null ? null : Value.tainted(f.num, f.origin);
    }

    /**
     * A load of a member that holds lengths read from the wire, whose contents the analysis does not know:
     * the struct becomes an object of its own ({@link #materialize}), so that what is stored there and a
     * check of the member hold for later loads, and the member gets its fact. Returns the address and
     * value the load has then ({@code {p, v}}), or null when the load is not such a member's.
     */
    static Value[] loadMember(Interpreter in, Map<String, Fact> facts, Lvalue lv, Value p, long size, Value v, State s, Interpreter.Frame f) {
        if (!unknownScalar(v) || !(key(lv) instanceof String mk) || !facts.containsKey(mk)) return null;
        if (unplaced(p) && materialize(in, lv, s, f) instanceof Value at) {
            p = at;
            v = in.loadVia(p, size, s);
        }
        if (unknownScalar(v)) {
            v = loaded(facts, mk);
            if (p.pts.size() == 1 && !p.unknown && p.pts.values().iterator().next().isSingleton()) in.storeVia(p, size, v, s, false);
        }
        return new Value[] {p, v};
    }

    /** The address a store into an lvalue uses: what is stored into an untrusted member is what a later load of it reads. */
    static Value storeAddress(Interpreter in, Map<String, Fact> facts, Lvalue lv, Value p, State s, Interpreter.Frame f) {
        if (!unplaced(p) || !(key(lv) instanceof String mk) || !facts.containsKey(mk)) return p;
        Value at = materialize(in, lv, s, f);
        return at != null ? at : p;
    }

    private static boolean unknownScalar(Value v) { return v.unknown && v.num.isBottom() && v.pts.isEmpty() && v.taint == null; }

    /**
     * The struct a local pointer that the analysis knows nothing of designates, made an object of its
     * own ({@code *p}) so that what a load of one of its members learns, what is stored there, and a
     * check of that member hold for the later accesses through the same pointer. A pointer that may
     * designate such an object or anything (the paths before and after it was made one met) is made
     * to designate the object again. Returns the member's address in it, or null when the lvalue is
     * not a member of the struct a local pointer designates.
     */
    static Value materialize(Interpreter in, Lvalue lv, State s, Interpreter.Frame f) {
        if (f.fn() == null || !(lv instanceof Lvalue.Deref d) || !(d.pointer() instanceof Expr.Load pl) || !(pl.lv() instanceof Lvalue.Var pv)
                || pv.var().isGlobalStorage() || !(pv.var().type instanceof Type.Pointer)) return null;
        Region var = in.region(pv.var(), f.fn());
        Value held = s.contents(var).load(Interval.ZERO, pv.var().type.size());
        if (!held.unknown || !held.num.isBottom() || held.pts.size() > 1) return null;
        Region r;
        if (held.pts.isEmpty()) {
            r = new Region(Interpreter.frameKeys(f.fn()) + "*" + pv.var().name + MADE, Region.Kind.UNKNOWN, Value.UNKNOWN,
                    "'*" + pv.var().name + "'", pv.loc(), "environment");
            s.set(r, Contents.uninitialized());
        } else {
            Map.Entry<Region, Interval> e = held.pts.entrySet().iterator().next();
            if (!e.getKey().key.endsWith(MADE) || !e.getValue().isSingleton() || e.getValue().lo() != 0) return null;
            r = e.getKey();
        }
        s.set(var, s.contents(var).store(Interval.ZERO, pv.var().type.size(), Value.pointer(r, Interval.ZERO), true));
        return Value.pointer(r, Interval.of(d.byteOffset()));
    }

    /** A pointer that is unknown, or may designate one object {@link #materialize} made or anything. */
    static boolean unplaced(Value p) {
        return p.unknown && (p.pts.isEmpty() || p.pts.size() == 1 && p.pts.keySet().iterator().next().key.endsWith(MADE));
    }

    private static final String MADE = "#members";

    /** A fresh, deterministic copy (sorted by key). */
    static Map<String, Fact> sorted(Map<String, Fact> m) { return new TreeMap<>(m); }

    static Map<String, Fact> empty() { return new HashMap<>(); }
}
