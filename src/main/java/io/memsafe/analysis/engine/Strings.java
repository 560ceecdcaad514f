package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Value;

/**
 * The first-NUL abstraction of a region: how a store moves the byte offset of the first zero
 * element. The offset is an interval; +oo as its upper bound means "no terminator known".
 */
final class Strings {
    private Strings() { }

    static Value afterStore(Value nul, Interval off, long size, Value v) {
        if (off.isBottom()) return nul;
        boolean mayZero = v.unknown || v.num.contains(0);
        boolean mayNonZero = v.unknown || !v.pts.isEmpty() || (!v.num.isBottom() && !(v.num.isSingleton() && v.num.lo() == 0));
        if (v.isBottom()) return nul;
        Interval n = nul.num;
        Value base = nul;
        if (nul.unknown) {
            // nothing known before: after writing a zero at k, the first NUL is at or before k
            if (mayZero && !mayNonZero && off.isSingleton()) return new Value(Interval.of(0, off.lo()), nul.pts, false, taint(nul, v));
            return nul.withTaint(taint(nul, v));
        }
        if (n.isBottom()) return nul;
        long lo = n.lo(), hi = n.hi();
        Interval r;
        if (off.isSingleton()) {
            long k = off.lo();
            if (!mayNonZero) r = Interval.of(Math.min(lo, k), Math.min(hi, k));
            else if (!mayZero) {
                if (k < lo || k > hi) r = n;
                else if (lo == hi) r = Interval.of(k + size, Interval.POS_INF);
                else r = Interval.of(lo, Interval.POS_INF);
            } else {
                if (k < lo) r = Interval.of(k, hi);
                else if (k > hi) r = n;
                else r = Interval.of(lo, Interval.POS_INF);
            }
        } else {
            long l = mayZero ? Math.min(lo, Math.max(0, off.lo())) : lo;
            long h = mayNonZero && off.lo() <= hi ? Interval.POS_INF : hi;
            if (mayZero && !mayNonZero) h = Math.min(h, off.hi() == Interval.POS_INF ? h : Math.max(off.hi(), lo));
            r = Interval.of(Math.min(l, h), h);
        }
        return base.withNum(r).withTaint(taint(nul, v));
    }

    private static io.memsafe.analysis.domain.Origin taint(Value nul, Value v) {
        return nul.taint != null ? nul.taint : v.taint;
    }

    /** memset-like: {@code len} bytes from {@code off} all set to {@code b}. */
    static Value afterFill(Value nul, Interval off, Interval len, Value b) {
        if (off.isBottom() || len.isBottom()) return nul;
        boolean mayZero = b.unknown || b.num.contains(0);
        boolean mayNonZero = b.unknown || !b.pts.isEmpty() || (!b.num.isBottom() && !(b.num.isSingleton() && b.num.lo() == 0));
        io.memsafe.analysis.domain.Origin t = nul.taint != null ? nul.taint : b.taint;
        if (len.hi() <= 0) return nul;
        if (nul.unknown || nul.num.isBottom()) {
            if (!mayNonZero && off.isSingleton()) return new Value(Interval.of(0, off.lo()), java.util.Map.of(), false, t);
            if (!mayZero && off.isSingleton() && off.lo() == 0 && len.isSingleton()) {
                // every byte of [0, len) is non-zero: the first NUL, if any, is further on
                return new Value(Interval.of(len.lo(), Interval.POS_INF), java.util.Map.of(), false, t);
            }
            return nul.withTaint(t);
        }
        long lo = nul.num.lo(), hi = nul.num.hi();
        if (!mayNonZero) {
            // zero fill starting at off: the first NUL is at off at the latest
            if (off.hi() < lo) return nul.withNum(Interval.of(off.lo(), off.hi())).withTaint(t);
            return nul.withNum(Interval.of(Math.min(lo, off.lo()), Math.min(hi, off.hi()))).withTaint(t);
        }
        if (!mayZero && off.isSingleton() && len.lo() > 0) {
            long o = off.lo(), endMin = o + len.lo(), endMax = len.hi() == Interval.POS_INF ? Interval.POS_INF : o + len.hi();
            if (lo >= endMax || hi < o) return nul.withTaint(t);
            if (o <= lo && hi < endMin) return nul.withNum(Interval.of(endMin, Interval.POS_INF)).withTaint(t);
            return nul.withNum(Interval.of(Math.min(lo, endMin), Interval.POS_INF)).withTaint(t);
        }
        long l = mayZero ? Math.min(lo, Math.max(0, off.lo())) : lo;
        long h = off.lo() <= hi ? Interval.POS_INF : hi;
        return nul.withNum(Interval.of(l, h)).withTaint(t);
    }

    /**
     * A test that the character at offset {@code at} is not zero, where the first terminator may be
     * there and no earlier: it is further on ({@code if (!*name) return; len = strlen(name)} leaves
     * a length of at least 1, for a string the analysis knows nothing else of too).
     */
    static void terminatorNotAt(io.memsafe.analysis.domain.Region r, long at, long size, io.memsafe.analysis.domain.State s) {
        if (size != 1) return;
        io.memsafe.analysis.domain.Contents c = s.contents(r);
        Value nul = c.nul;
        if (nul.num.isBottom() || !nul.pts.isEmpty() || nul.num.lo() != at || nul.num.hi() <= at) return;
        s.set(r, c.withNul(nul.withNum(Interval.of(at + 1, nul.num.hi()))));
    }

    /**
     * A test that the character {@code base[i]} (or {@code *(p + i)}) of a string literal is not zero:
     * the literal's characters are non-zero before its terminator, which is its last one, so {@code i}
     * is below the terminator's index on that branch (a scan {@code for (i = 0; s[i] != 0 && i < n; i++)}
     * stops there, whatever bound n is).
     */
    static void nonZeroCharacter(Interpreter in, io.memsafe.ir.Lvalue lv, io.memsafe.analysis.domain.State s, Interpreter.Frame f) {
        io.memsafe.ir.Expr index;
        Value base;
        long scale;
        if (lv instanceof io.memsafe.ir.Lvalue.Index ix) {
            index = ix.index();
            base = in.address(ix.base(), s, f);
            scale = ix.type().size();
        } else if (lv instanceof io.memsafe.ir.Lvalue.Deref d && d.byteOffset() == 0 && d.pointer() instanceof io.memsafe.ir.Expr.Binary b
                && b.op() == io.memsafe.ir.Expr.BinOp.ADD && b.left().type() instanceof io.memsafe.ir.Type.Pointer) {
            index = b.right();
            base = in.eval(b.left(), s, f);
            scale = b.scale();
        } else return;
        if (scale <= 0 || scale != lv.type().size() || base.pts.size() != 1 || !base.nullOrKnownRegions() || !base.num.isBottom()) return;
        java.util.Map.Entry<io.memsafe.analysis.domain.Region, Interval> e = base.pts.entrySet().iterator().next();
        io.memsafe.analysis.domain.Region r = e.getKey();
        if (r.kind != io.memsafe.analysis.domain.Region.Kind.STRING_LITERAL || !e.getValue().isSingleton() || r.size.unknown || !r.size.num.isSingleton()) return;
        Value nul = s.contents(r).nul;
        if (nul.unknown || !nul.num.isSingleton() || nul.num.lo() + scale != r.size.num.lo()) return;
        long last = Math.floorDiv(nul.num.lo() - scale - e.getValue().lo(), scale);
        Conditions.constrain(in, index, io.memsafe.ir.Expr.BinOp.LE, Value.of(last), s, f);
    }

    /**
     * A test that the character a pointer variable designates is not zero ({@code *p != 0}, {@code p[0]
     * == '%'}): where p points into a string literal and may point at its terminator, on that branch it
     * points before it. So {@code end = strchr(s, '%'); if (!end) end = s + strlen(s); if (end[0] == '%' &&
     * end[1] == 's')} reads {@code end[1]} inside the literal.
     */
    static void pointerBeforeTerminator(Interpreter in, io.memsafe.ir.Lvalue lv, io.memsafe.analysis.domain.State s, Interpreter.Frame f) {
        if (f.fn() == null || lv.type().size() != 1 || !(lv instanceof io.memsafe.ir.Lvalue.Deref d) || d.byteOffset() != 0) return;
        io.memsafe.ir.Expr ptr = d.pointer();
        // p[0] is *(p + 0)
        if (ptr instanceof io.memsafe.ir.Expr.Binary b && b.op() == io.memsafe.ir.Expr.BinOp.ADD && b.right() instanceof io.memsafe.ir.Expr.IntConst z
                && z.value() == 0) ptr = b.left();
        if (!(ptr instanceof io.memsafe.ir.Expr.Load pl) || !(pl.lv() instanceof io.memsafe.ir.Lvalue.Var pv)
                || pv.var().isGlobalStorage() || !(pv.var().type instanceof io.memsafe.ir.Type.Pointer) || pv.var().type.size() <= 0) return;
        long width = pv.var().type.size();
        io.memsafe.analysis.domain.Region var = in.region(pv.var(), f.fn());
        io.memsafe.analysis.domain.Contents held = s.contents(var);
        Value p = held.load(Interval.ZERO, width);
        if (p.unknown || p.pts.size() != 1 || !p.num.isBottom()) return;
        java.util.Map.Entry<io.memsafe.analysis.domain.Region, Interval> e = p.pts.entrySet().iterator().next();
        io.memsafe.analysis.domain.Region r = e.getKey();
        if (r.kind != io.memsafe.analysis.domain.Region.Kind.STRING_LITERAL || r.size.unknown || !r.size.num.isSingleton()) return;
        Value nul = s.contents(r).nul;
        // a literal's only zero is its last byte
        if (nul.unknown || !nul.num.isSingleton() || nul.num.lo() + 1 != r.size.num.lo()) return;
        Interval at = e.getValue();
        if (at.isSingleton() || at.hi() != nul.num.lo()) return;
        Value before = new Value(p.num, new java.util.TreeMap<>(java.util.Map.of(r, Interval.of(at.lo(), at.hi() - 1))), false, p.taint, p.widened);
        s.set(var, held.store(Interval.ZERO, width, before, true));
    }
}
