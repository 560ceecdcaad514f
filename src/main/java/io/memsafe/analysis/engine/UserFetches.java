package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

import java.util.Map;
import java.util.TreeMap;

/**
 * The double fetch through two copies: a driver copies a header in from user memory, tests a length
 * in it, then copies the whole message from the same user address and uses the length the second
 * copy holds ({@code copy_from_user(&hdr, u, sizeof hdr); if (hdr.size > MAX) ...;
 * copy_from_user(msg, u, hdr.size); use(msg->size)}). Between the copies another thread of the
 * caller can change the bytes: the value used is one no test has seen (CVE-2016-6480's pattern).
 * <p>Ghost regions of the state, each joined as the state is (a mark on some paths only is no
 * mark: a cell must hold one positive number on every path):
 * <ul>
 *   <li>{@code fetch:U}: at the offset of user region U a copy read from, the kernel place it went to
 *       (a pointer); in {@code fetchlen:U} how many bytes, in {@code fetchline:U} the line of the copy;</li>
 *   <li>{@code tested:R}: at an offset of kernel storage R that holds bytes copied from user memory,
 *       the line of a test that bounds the value there;</li>
 *   <li>{@code refetched:R}: at an offset of R, bytes a second copy brought in again whose first copy
 *       was tested: the lines of the test, of the first copy and of the second. A test of the place
 *       (the driver checks the new value, or compares it with the first) or a store to it clears it.</li>
 * </ul>
 */
final class UserFetches {
    private UserFetches() { }

    /** Values of at least this many bytes: lengths, counts, offsets (as {@link UserMemory} counts them). */
    private static final long MIN_SIZE = UserMemory.DOUBLE_FETCH_MIN_SIZE;
    private static final long LINE = 1L << 20;
    /** Ghost cells are one byte wide: marks for neighbouring fields (4 bytes apart) must not overlap. */
    private static final long CELL = 1;

    private static Region ghost(String kind, Region of) {
        Region m = new Region(kind + ":" + of.key, Region.Kind.UNKNOWN, Value.ZERO, kind + " of " + of.description, of.allocated, "probe");
        m.initial = new Contents(new TreeMap<>(), Value.ZERO, Value.UNKNOWN);
        return m;
    }

    private static Map.Entry<Region, Interval> exact(Value p) {
        if (p.pts.size() != 1 || p.unknown) return null;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        return e.getValue().isSingleton() ? e : null;
    }

    private static long line(SourceLoc loc) { return Math.max(1, Math.min(LINE - 1, loc.line())); }

    /** A copy of {@code len} bytes from user memory at {@code src} into {@code dst}. */
    static void fetched(Interpreter in, Value dst, Value src, Value len, SourceLoc loc, State s) {
        Map.Entry<Region, Interval> from = exact(src), to = exact(dst);
        if (from == null || to == null || !UserMemory.isUser(from.getKey()) || len.num.isBottom() || len.num.lo() < MIN_SIZE) return;
        long so = from.getValue().lo(), n = len.num.lo();
        Region fetch = ghost("fetch", from.getKey()), fetchLen = ghost("fetchlen", from.getKey()), fetchLine = ghost("fetchline", from.getKey());
        Contents earlier = s.contents(fetch), lengths = s.contents(fetchLen), lines = s.contents(fetchLine);
        Region refetched = ghost("refetched", to.getKey());
        Contents out = s.contents(refetched);
        boolean any = false;
        for (Map.Entry<Long, Contents.Cell> e : earlier.cells.entrySet()) {
            // an earlier copy of user bytes at s1..s1+n1 into another place: where the bytes both copies read
            // were tested in the first copy's place, the second copy's are fresh, untested values
            long s1 = e.getKey();
            if (!(exact(e.getValue().value()) instanceof Map.Entry<Region, Interval> first) || first.getKey().equals(to.getKey())
                    || !(lengths.load(Interval.of(s1), CELL).constant() instanceof Long n1) || n1 <= 0
                    || !(lines.load(Interval.of(s1), CELL).constant() instanceof Long firstLine) || firstLine <= 0) continue;
            long lo = Math.max(so, s1), hi = Math.min(so + n, s1 + n1);
            if (lo >= hi) continue;
            long o1 = first.getValue().lo();
            Contents marks = s.contents(ghost("tested", first.getKey()));
            for (Map.Entry<Long, Contents.Cell> c : marks.cells.subMap(o1 + lo - s1, true, o1 + hi - s1, false).entrySet()) {
                Long testLine = c.getValue().value().constant();
                if (testLine == null || testLine <= 0) continue;
                long at = to.getValue().lo() + (s1 + c.getKey() - o1) - so;
                out = out.store(Interval.of(at), CELL, Value.of((testLine * LINE + firstLine) * LINE + line(loc)), true);
                any = true;
            }
        }
        if (any) {
            s.set(refetched, out);
            in.refetches = true;
        }
        s.set(fetch, s.contents(fetch).store(Interval.of(so), CELL, Value.pointer(to.getKey(), to.getValue()), true));
        s.set(fetchLen, s.contents(fetchLen).store(Interval.of(so), CELL, Value.of(n), true));
        s.set(fetchLine, s.contents(fetchLine).store(Interval.of(so), CELL, Value.of(line(loc)), true));
    }

    /**
     * A branch tests the value at {@code off} of kernel storage {@code r} ({@code bound}: against a
     * limit, not for equality): a test of refetched bytes clears them, and a bound on bytes a copy
     * from user memory filled is remembered for a later copy of the same bytes.
     */
    static void tested(Interpreter in, Region r, long off, long size, Value current, boolean bound, SourceLoc loc, State s) {
        if (in.refetches) clear(r, off, s);
        if (!bound || size < MIN_SIZE || !io.memsafe.models.KernelModels.copiedFromUser(current.taint)) return;
        Region tested = ghost("tested", r);
        s.set(tested, s.contents(tested).store(Interval.of(off), CELL, Value.of(line(loc)), true));
    }

    /** A store to {@code p}: the place holds the driver's value from now on. */
    static void stored(Interpreter in, Value p, State s) {
        if (!in.refetches || !(exact(p) instanceof Map.Entry<Region, Interval> e)) return;
        clear(e.getKey(), e.getValue().lo(), s);
    }

    private static void clear(Region r, long off, State s) {
        Region refetched = ghost("refetched", r);
        Contents c = s.contents(refetched);
        if (c.cells.containsKey(off)) s.set(refetched, c.store(Interval.of(off), CELL, Value.ZERO, true));
    }

    /** The lines (test, first copy, second copy) when a load at {@code p} reads a refetched value on every path; null if not. */
    static long[] refetched(Interpreter in, Value p, long size, State s) {
        if (!in.refetches || size < MIN_SIZE || !(exact(p) instanceof Map.Entry<Region, Interval> e)) return null;
        Region refetched = ghost("refetched", e.getKey());
        Contents c = s.contents(refetched);
        if (!(c.cells.get(e.getValue().lo()) instanceof Contents.Cell cell) || !(cell.value().constant() instanceof Long code) || code <= 0) return null;
        // one report: the place is cleared
        s.set(refetched, c.store(e.getValue(), CELL, Value.ZERO, true));
        return new long[] {code / LINE / LINE, code / LINE % LINE, code % LINE};
    }

    /** The place a load reads as the source spells it ({@code msg->size}, {@code hdr.len}), or null. */
    static String spelled(io.memsafe.ir.Lvalue lv) {
        if (lv instanceof io.memsafe.ir.Lvalue.Deref d) {
            io.memsafe.ir.Expr p = d.pointer();
            while (p instanceof io.memsafe.ir.Expr.Cast c) p = c.operand();
            if (p instanceof io.memsafe.ir.Expr.Load l && l.lv() instanceof io.memsafe.ir.Lvalue.Var v
                    && v.var().type instanceof io.memsafe.ir.Type.Pointer pt && pt.pointee() instanceof io.memsafe.ir.Type.Struct st) {
                for (io.memsafe.ir.Type.Field fd : st.fields()) if (fd.offset() == d.byteOffset()) return v.var().name + "->" + fd.name();
            }
            return null;
        }
        return Leaks.named(lv);
    }
}
