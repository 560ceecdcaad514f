package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;

import java.util.Map;
import java.util.TreeMap;

/**
 * Untrusted fields validated element by element: {@code for (i = 0; i < n; i++) if (e[i].reg >= NREGS)
 * return -EINVAL;} and then {@code regs[e[i].reg]} in a later loop. Each test reads one element at an
 * index the intervals do not pin down, so the contents (one summary for all those elements) cannot be
 * narrowed; what the test says is kept beside them instead, per array of the region and field
 * (element size and offset in it): the bound the test left on the path that goes on. A later read of
 * the same field of an element of the same region, of an untrusted value, is narrowed by it.
 * <p>The bound holds for the elements the loop went through, which the intervals cannot say are the
 * ones read later; a validation loop and the loop that uses the elements go over the same count, and
 * an element past it is reported as an access past the array anyway. A path on which no test ran
 * (the loop ran zero times) adds no bound: such marks are joined from nothing.
 */
final class ElementTests {
    private ElementTests() { }

    /** The element size and the offset in the element of a field read at a variable index, or null. */
    static long[] shape(Lvalue lv) {
        return switch (lv) {
            case Lvalue.Deref d -> {
                Expr p = d.pointer();
                while (p instanceof Expr.Cast c) p = c.operand();
                yield p instanceof Expr.Binary b && b.op() == Expr.BinOp.ADD && b.scale() > 0 && !(b.right() instanceof Expr.IntConst)
                        && b.left().type() instanceof io.memsafe.ir.Type.Pointer ? new long[]{b.scale(), d.byteOffset()} : null;
            }
            case Lvalue.Field fl when fl.base() instanceof Lvalue.Index ix && !(ix.index() instanceof Expr.IntConst) && ix.type().size() > 0 ->
                    new long[]{ix.type().size(), fl.offset()};
            case Lvalue.Index ix when !(ix.index() instanceof Expr.IntConst) && ix.type().size() > 0 -> new long[]{ix.type().size(), 0};
            default -> null;
        };
    }

    private static Region ghost(Region of) {
        Region m = new Region("elementtests:" + of.key, Region.Kind.UNKNOWN, Value.ZERO, "tests of the elements of " + of.description, of.allocated, "probe");
        m.initial = new Contents(new TreeMap<>(), Value.BOTTOM, Value.UNKNOWN);
        return m;
    }

    /** One cell per element size, field offset and width (each below 2^24, 2^24 and 2^8). */
    private static long key(long[] shape, long size) { return (shape[0] << 32) | (shape[1] << 8) | Math.min(size, 255); }

    /** The cell beside a mark that names the loop whose test made it (its head's id). */
    private static final long LOOP = 1L << 60;

    /**
     * A branch that stays in the loop headed by {@code loop} narrowed the untrusted value {@code cur} read
     * by {@code lv} at an inexact offset of {@code r} to {@code refined}.
     */
    static void tested(Lvalue lv, Region r, long size, Value cur, Value refined, io.memsafe.ir.BasicBlock loop, State s) {
        if (cur.taint == null || !cur.pts.isEmpty() || refined.isBottom() || refined.num.isBottom() || refined.num.equals(cur.num)) return;
        long[] shape = shape(lv);
        if (shape == null || shape[1] < 0 || shape[1] >= shape[0] || shape[0] >= (1L << 24)) return;
        Region g = ghost(r);
        Contents marks = s.contents(g).store(Interval.of(key(shape, size)), 1, Value.of(refined.num), true);
        s.set(g, marks.store(Interval.of(key(shape, size) | LOOP), 1, Value.of(loop.id), true));
    }

    /**
     * The value a read of {@code lv} at {@code p} gives, narrowed by the tests of that field of the
     * region's elements, when the read (in {@code block}) is outside the loop that made them: inside it,
     * the next iteration reads an element no test has seen yet.
     */
    static Value bounded(Lvalue lv, Value p, long size, Value v, io.memsafe.ir.BasicBlock block, FunctionFixpoint.Shape shape, State s) {
        if (v.taint == null || !v.pts.isEmpty() || v.num.isBottom() || p.pts.size() != 1) return v;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        if (!s.mem.containsKey(ghost(e.getKey()))) return v;
        long[] form = shape(lv);
        if (form == null) return v;
        Contents marks = s.contents(ghost(e.getKey()));
        Contents.Cell c = marks.cells.get(key(form, size));
        if (c == null || c.value().num.isBottom()) return v;
        Contents.Cell by = marks.cells.get(key(form, size) | LOOP);
        if (by != null && by.value().constant() instanceof Long head && block != null && shape != null) {
            for (java.util.Map.Entry<io.memsafe.ir.BasicBlock, java.util.Set<io.memsafe.ir.BasicBlock>> l : shape.loops().entrySet()) {
                if (l.getKey().id == head && l.getValue().contains(block)) return v;
            }
        }
        Interval met = v.num.meet(c.value().num);
        return met.isBottom() ? v : v.withNum(met);
    }
}
