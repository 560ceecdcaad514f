package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;

import java.util.Map;

/**
 * A loop that copies input of unknown length byte by byte until its end or a delimiter, with no bound
 * of the destination: {@code while (*src && *src != ':') *d++ = *src++;} into a fixed buffer. Both
 * pointers advance by a count the loop does not know (widening takes their offsets to infinity),
 * which alone is no evidence; what makes it one is where the count comes from: the source is input
 * of unknown length (a command-line argument, an environment string, an entry point's buffer) walked
 * by the same loop, so the input decides how far the destination pointer goes. The destination's
 * offset then carries the input's origin, and a write past the buffer is reported; a loop that tests
 * the destination ({@code d < end}, an index against the size) keeps its offset bounded and quiet.
 */
final class CopyLoops {
    private CopyLoops() { }

    /**
     * The origin of the byte an assignment copies when it is read through a widened pointer from input
     * of unknown length ({@code *src++} in a loop); null otherwise.
     */
    static Origin inputByte(Stmt.Assign a, Value copied, Value readFrom) {
        if (readFrom == null || copied.taint == null || !readFrom.widened || readFrom.pts.size() != 1) return null;
        if (!(Relations.strip(a.value()) instanceof Expr.Load l) || l.lv() instanceof Lvalue.Var) return null;
        if (!(a.target() instanceof Lvalue.Deref || a.target() instanceof Lvalue.Index)) return null;
        Map.Entry<Region, Interval> src = readFrom.pts.entrySet().iterator().next();
        Region r = src.getKey();
        if (!(r.size.unknown || r.size.num.isBottom() || r.size.num.hi() == Interval.POS_INF)) return null;
        if (src.getValue().isBottom() || src.getValue().hi() != Interval.POS_INF) return null;
        Origin t = copied.taint;
        String line = t.loc() != null && t.loc().line() > 0 ? " from line " + t.loc().line() : "";
        return new Origin("a loop that copies " + t.what() + line + " until it ends or meets a delimiter, the destination unchecked", a.loc());
    }

    /** The destination address of such a copy: its widened offset goes as far as the input decides. */
    static Value destination(Value p, Origin input) {
        if (input == null || !p.widened || p.taint != null || p.pts.size() != 1) return p;
        Region r = p.pts.keySet().iterator().next();
        if (r.size.unknown || r.size.constant() == null || p.pts.get(r).hi() != Interval.POS_INF) return p;
        return p.withTaint(input);
    }
}
