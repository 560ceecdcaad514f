package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Interpreter.Frame;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;

import java.util.List;

/** Whole structs and arrays: copied by assignment, initialised by a list or a string literal. */
final class Aggregates {
    private Aggregates() { }

    /** {@code dst = src} of a struct or array: the contents go with it when both are one whole object, else what src points to escapes. */
    static void copy(Interpreter in, Lvalue dst, Lvalue src, State s, Frame f) {
        Value dp = in.address(dst, s, f), sp = in.address(src, s, f);
        if (dp.pts.size() == 1 && sp.pts.size() == 1) {
            Region dr = dp.pts.keySet().iterator().next(), sr = sp.pts.keySet().iterator().next();
            Interval doff = dp.pts.get(dr), soff = sp.pts.get(sr);
            if (doff.isSingleton() && soff.isSingleton() && doff.lo() == 0 && soff.lo() == 0 && !dr.equals(sr)) {
                s.set(dr, s.contents(sr));
                return;
            }
            long size = dst.type().size();
            if (doff.isSingleton() && soff.isSingleton() && size > 0 && doff.lo() >= 0 && soff.lo() >= 0) {
                // a member copied whole (node.start_mark = mark): its bytes, the rest of both objects as they were
                s.set(dr, copied(s.contents(sr), soff.lo(), s.contents(dr), doff.lo(), size));
                return;
            }
        }
        Interpreter.escapeContents(sp, s);
        for (Region r : dp.pts.keySet()) s.set(r, Contents.uninitialized());
    }

    /**
     * {@code to} with the {@code size} bytes at {@code at} replaced by those of {@code from} at {@code off}:
     * the values {@code from} holds whole in that range, what it does not (a value across the range's
     * edge, bytes it never described) unknown.
     */
    private static Contents copied(Contents from, long off, Contents to, long at, long size) {
        Contents out = to.store(Interval.of(at), size, Value.UNKNOWN, true);
        long end = Relations.satAdd(off, size);
        for (var e : from.cells.subMap(off, end).entrySet()) {
            Contents.Cell c = e.getValue();
            if (Relations.satAdd(e.getKey(), c.size()) > end) continue;
            out = out.store(Interval.of(at + e.getKey() - off), c.size(), c.value(), true);
        }
        return out;
    }

    /**
     * The bytes of the structure {@code lv} designates, when it is a whole object of its own (a local,
     * a block of its size); else null, and what it holds escapes (a member returned by value).
     */
    static Contents whole(Interpreter in, Lvalue lv, State s, Frame f) {
        Value p = in.address(lv, s, f);
        Region r = exactly(p, lv.type());
        if (r != null) return s.contents(r);
        Interpreter.escapeContents(p, s);
        return null;
    }

    /** Stores the bytes {@code c} of a structure returned by value into {@code dst}, a whole object, or lets what they hold escape. */
    static void storeWhole(Interpreter in, Lvalue dst, Contents c, State s, Frame f) {
        Region r = exactly(in.address(dst, s, f), dst.type());
        if (r != null) s.set(r, c);
        else Interpreter.escapeHeld(c, s);
    }

    /** The one region {@code p} designates the start of, when it is exactly as large as {@code t}; else null. */
    private static Region exactly(Value p, Type t) {
        if (p.pts.size() != 1 || !p.num.isBottom()) return null;
        Region r = p.pts.keySet().iterator().next();
        Interval off = p.pts.get(r);
        Long size = r.size.constant();
        return off.isSingleton() && off.lo() == 0 && size != null && size == Math.max(1, t.size()) ? r : null;
    }

    /** An initialiser list or string literal initialising an array or struct; members it does not name are zero. */
    static void initialize(Interpreter in, Stmt.InitAggregate ia, State s, Frame f) {
        Value p = in.address(ia.target(), s, f);
        Type t = ia.target().type();
        for (Region r : p.pts.keySet()) {
            Contents c = Contents.zeroed(); // C: members not initialised explicitly are zero
            if (ia.stringLiteral() instanceof Expr.StringLit sl) {
                c = Contents.ofString(sl.text(), sl.elementSize());
            } else if (t instanceof Type.Unknown) {
                // no layout: the values are somewhere in the object, so what they point to is reachable from it
                Value held = Value.UNKNOWN;
                for (Expr e : ia.elements()) {
                    Value v = in.eval(e, s, f);
                    if (!v.pts.isEmpty()) held = held.join(new Value(Interval.BOTTOM, v.pts, true, null));
                }
                c = new Contents(new java.util.TreeMap<>(), held, Value.UNKNOWN);
            } else {
                Type elem = t instanceof Type.Array a ? a.element() : null;
                long off = 0;
                List<Expr> elems = ia.elements();
                for (int i = 0; i < elems.size(); i++) {
                    Type et = elem;
                    if (t instanceof Type.Struct st && i < st.fields().size()) {
                        et = st.fields().get(i).type();
                        off = st.fields().get(i).offset();
                    }
                    if (et == null || et.size() <= 0) break;
                    Value v = in.eval(elems.get(i), s, f);
                    if (et instanceof Type.Int || et instanceof Type.Pointer || et instanceof Type.Float) {
                        c = c.store(Interval.of(off), et.size(), v, true);
                        if (et instanceof Type.Int ei && (ei.isChar() || ei.size() == 1)) c = c.withNul(Strings.afterStore(c.nul, Interval.of(off), et.size(), v));
                    } else {
                        c = c.store(Interval.of(off), Math.max(1, et.size()), Value.UNKNOWN, false);
                    }
                    if (!(t instanceof Type.Struct)) off += et.size();
                }
            }
            s.set(r, c);
        }
    }
}
