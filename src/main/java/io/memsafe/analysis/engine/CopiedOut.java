package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.ByteRanges;
import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bytes of kernel memory that leave for user space ({@code copy_to_user}, a copy into a request's
 * output buffer) and that nothing wrote on any path: the members a handler never set, the padding
 * between the ones it did, the tail of a pool block filled in part. The written bytes of storage
 * created without a value are {@link Contents#written}; what the copy reads outside them is named
 * by the object's layout when the source's type gives one ("padding after 'revision'", "'reserved'").
 */
final class CopiedOut {
    private CopiedOut() { }

    /** The storage the copy reads and what of it nothing wrote (null: all of it). */
    record Leak(Region storage, String part) { }

    /**
     * The leak of {@code len} bytes read at {@code src}, or null when every byte was written on some
     * path, or the copy's place or length is not known exactly. {@code layout}: the source's type
     * before its conversion to {@code void *}, or null.
     */
    static Leak of(Value src, Value len, Type layout, State s) {
        if (len.unknown || len.num.isBottom() || len.num.lo() <= 0 || src.pts.size() != 1 || !src.nullOrKnownRegions()) return null;
        Map.Entry<Region, Interval> e = src.pts.entrySet().iterator().next();
        Region r = e.getKey();
        Interval off = e.getValue();
        Contents c = s.mem.get(r);
        if ((r.kind != Region.Kind.STACK && r.kind != Region.Kind.HEAP) || c == null || !off.isSingleton() || off.lo() < 0) return null;
        long from = off.lo(), to = from + len.num.lo() - 1;
        // a copy past the end is an over-read, which the buffer checkers report
        if (!r.size.unknown && r.size.num.isSingleton() && to >= r.size.num.lo()) return null;
        if (c.neverWritten || c.written.isEmpty()) return new Leak(r, null);
        if (c.written.isAll()) return null;
        ByteRanges gaps = c.written.missing(from, to);
        if (gaps.isEmpty()) return null;
        if (gaps.equals(ByteRanges.of(from, to))) return new Leak(r, null);
        String names = layout instanceof Type.Struct st && from == 0 ? named(gaps, st) : null;
        return new Leak(r, "bytes " + gaps + " of the " + (to - from + 1) + " copied, which nothing has written"
                + (names == null ? "" : " (" + names + ")") + "; only bytes " + c.written + " may have been");
    }

    /**
     * The members and padding of {@code st} that the byte ranges cover, for the message: each range
     * named by the top-level member it lies in, or as the padding after the member before it.
     */
    static String named(ByteRanges gaps, Type.Struct st) {
        if (st.union() || st.fields().isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < gaps.size(); k++) {
            long lo = gaps.lo(k), hi = gaps.hi(k);
            for (long at = lo; at <= hi && parts.size() < 8; ) {
                Type.Field in = null, before = null;
                for (Type.Field f : st.fields()) {
                    long size = Math.max(1, f.type().size());
                    if (f.offset() <= at && at < f.offset() + size) in = f;
                    if (f.offset() + size <= at && (before == null || f.offset() >= before.offset())) before = f;
                }
                if (in != null) {
                    parts.add("'" + in.name() + "'");
                    at = in.offset() + Math.max(1, in.type().size());
                } else {
                    parts.add(before == null ? "padding at the start" : "padding after '" + before.name() + "'");
                    long next = Long.MAX_VALUE;
                    for (Type.Field f : st.fields()) if (f.offset() > at) next = Math.min(next, f.offset());
                    at = next;
                }
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
