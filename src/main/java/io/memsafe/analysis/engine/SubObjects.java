package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Type;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arrays inside larger objects — a struct's member array, a row of a two-dimensional array — are
 * objects of their own in C: indexing or copying past the end of {@code s->name} is undefined even
 * while it stays inside the struct, and it overwrites the members that follow (Juliet's
 * {@code char_type_overrun}, and many real parser bugs on fixed-size fields). An access through such
 * an array is checked against it as a separate region: same storage kind as the object around it (a
 * member of a local is on the stack), or {@code UNKNOWN} kind with a known size when the object is
 * reached through a pointer the analysis does not know or is a caller's ({@link CallerObjects}).
 * <p>C allows one exception: a trailing array of 0 or 1 elements or of unknown length used as a
 * flexible array member. Arrays of fewer than two elements are therefore never bounds of their own.
 */
final class SubObjects {
    private SubObjects() { }

    /** A pointer to the start of the array {@code arr} designates, as an object of its own; null when it is no sub-object. */
    static Value pointer(Interpreter in, Lvalue arr, State s, Interpreter.Frame f) {
        if (arr instanceof Lvalue.Var || !(arr.type() instanceof Type.Array a) || a.length() < 2 || a.size() <= 0) return null;
        Value outer = in.address(arr, s, f);
        String name = arr instanceof Lvalue.Field fl ? member(fl.name()) : arr instanceof Lvalue.Index ? "row" : throughPointer(arr);
        String what = name + " (" + Type.show(a) + ", " + a.size() + " bytes)";
        Region r;
        if (outer.pts.size() == 1 && !outer.unknown && outer.num.isBottom()) {
            Map.Entry<Region, Interval> e = outer.pts.entrySet().iterator().next();
            Region parent = e.getKey();
            if (!e.getValue().isSingleton() || parent.kind == Region.Kind.UNKNOWN) return null;
            r = new Region("m:" + parent.key + "@" + e.getValue().lo() + ":" + a.size(), parent.kind, Value.of(a.size()),
                    what + " of " + parent.description, parent.allocated, parent.family);
        } else if (outer.pts.isEmpty() || CallerObjects.only(outer)) {
            // (a caller's object: its size is unknown, the member's is not)
            r = new Region("m:?" + arr.loc() + ":" + a.size(), Region.Kind.UNKNOWN, Value.of(a.size()), what + " of " + object(arr), null, "member");
        } else return null;
        return Value.pointer(r, Interval.ZERO);
    }

    /** {@code p->name}, lowered as the bytes at an offset of what p points to: the member of p's structure there, for messages. */
    private static String throughPointer(Lvalue arr) {
        if (arr instanceof Lvalue.Deref d && d.pointer().type() instanceof Type.Pointer p && p.pointee() instanceof Type.Struct st) {
            for (Type.Field fd : st.fields()) if (fd.offset() == d.byteOffset() && fd.type().equals(arr.type())) return member(fd.name());
        }
        return "array member";
    }

    /** A member for messages; the members the prelude gives a library class (std::array's elements) are named by what they hold. */
    private static String member(String name) {
        return name.startsWith("__memsafe_") ? "the elements" : "member '" + name + "'";
    }

    /** What an array reached through a pointer is part of, for messages: "the object p points to". */
    private static String object(Lvalue arr) {
        if (arr instanceof Lvalue.Deref d) {
            Expr p = d.pointer();
            while (p instanceof Expr.Cast c) p = c.operand();
            if (p instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v) return "the object '" + v.var().name + "' points to";
        }
        return "the object at line " + arr.loc().line();
    }

    /**
     * For the arguments of a call that are a sub-object array (decayed, maybe plus an offset), the
     * pointer into it, keyed by the argument's value (each argument a distinct instance).
     */
    static Map<Value, Value> arguments(Interpreter in, List<Expr> exprs, List<Value> values, State s, Interpreter.Frame f) {
        Map<Value, Value> out = null;
        for (int i = 0; i < exprs.size() && i < values.size(); i++) {
            Value v = memberPointer(in, exprs.get(i), s, f);
            if (v == null) continue;
            if (out == null) out = new IdentityHashMap<>();
            out.put(values.get(i), v);
        }
        return out == null ? Map.of() : out;
    }

    /**
     * Where the array member that {@code e} (the expression of {@code dst}: the member decayed, maybe plus
     * an offset) points into ends, as an offset in the one object {@code dst} designates; -1 when
     * {@code e} points into no member or its place is not known.
     */
    static long memberEnd(Interpreter in, Expr e, Value dst, State s, Interpreter.Frame f) {
        if (e == null || dst.unknown || dst.pts.size() != 1) return -1;
        Value m = memberPointer(in, e, s, f);
        if (m == null || m.unknown || m.pts.size() != 1) return -1;
        Map.Entry<Region, Interval> member = m.pts.entrySet().iterator().next();
        Interval within = member.getValue(), at = dst.pts.values().iterator().next();
        if (!(member.getKey().size.constant() instanceof Long size) || within.isBottom() || at.isBottom()
                || within.lo() == Interval.NEG_INF || at.lo() == Interval.NEG_INF) return -1;
        long start = at.lo() - within.lo();
        return start < 0 ? -1 : start + size;
    }

    private static Value memberPointer(Interpreter in, Expr e, State s, Interpreter.Frame f) {
        while (e instanceof Expr.Cast c) e = c.operand();
        if (e instanceof Expr.AddressOf ao) return pointer(in, ao.lv(), s, f);
        if (e instanceof Expr.Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB) && b.left().type() instanceof Type.Pointer) {
            Value base = memberPointer(in, b.left(), s, f);
            return base == null ? null : ValueArithmetic.binary(b.op(), base, in.eval(b.right(), s, f), b.scale(), b.type());
        }
        return null;
    }
}
