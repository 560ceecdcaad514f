package io.memsafe.checkers;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.AttackSurface;
import io.memsafe.analysis.engine.MemoryAccess;
import io.memsafe.analysis.engine.TraceStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bounds arithmetic the buffer checkers share: for each region an access may touch, whether it
 * may start before the region (under) or end after it (over). Only the known part of the values
 * counts; a bound that is infinite only because of widening (not because of untrusted input) is
 * not evidence of a bug, so it is not reported, and neither is an end past the buffer that needs
 * the largest offset and the largest length at once (see {@link #onlyBothAtMost}).
 */
record BoundsViolation(Region region, Interval offset, Interval length, long size, boolean under, Origin taint, boolean negativeLength,
                       boolean onlyGuaranteed) {

    BoundsViolation(Region region, Interval offset, Interval length, long size, boolean under, Origin taint) {
        this(region, offset, length, size, under, taint, false, false);
    }

    BoundsViolation(Region region, Interval offset, Interval length, long size, boolean under, Origin taint, boolean negativeLength) {
        this(region, offset, length, size, under, taint, negativeLength, false);
    }

    static List<BoundsViolation> of(MemoryAccess a) {
        List<BoundsViolation> out = new ArrayList<>();
        Value len = a.length();
        // the relations tie the end to the block's count: evidence whatever the intervals of the two are
        boolean relational = a.end() == MemoryAccess.End.PAST_COUNT;
        if (len.num.isBottom() && !relational) return out;
        // bounds extrapolated by widening over a loop of unknown trip count are not evidence
        // (a relation is no extrapolation: it holds at every pass of the loop)
        if ((a.pointer().widened || len.widened) && a.pointer().taint == null && len.taint == null && !relational) return out;
        Interval l = len.num.isBottom() ? Interval.of(0, Interval.POS_INF) : len.num;
        // a library call's length is a size_t: an untrusted signed length checked only against its maximum
        // (int len; if (len > MAX) fail) can be negative, and converted it is a huge size
        boolean negative = a.operation() != null && len.taint != null && !l.isBottom() && l.lo() < 0;
        for (Map.Entry<Region, Interval> e : a.pointer().pts.entrySet()) {
            Region r = e.getKey();
            // storage of unknown size (an input buffer, argv) has no end to check; a member array of unknown storage has
            if (r.key.startsWith("f:")) continue;
            // an offset the analysis knows nothing of, and not the input's (a pointer moved by an index of no known
            // value keeps its object for what happens to the object): no evidence of where the access lands
            // (the relations may still tie the access's end to the block's: strcpy(p + la, b) into malloc(la + lb))
            if (e.getValue().isTop() && a.pointer().taint == null && !relational) continue;
            // a literal beside a pointer that may be anything ("p ? p : \"\"", a default for a missing string):
            // which of the two it is decides how far the code reads, and the merge of the paths lost that;
            // reading past the default is no evidence when the pointer may be the other string
            if (r.kind == Region.Kind.STRING_LITERAL && mayBeAnother(a.pointer()) && !a.write()) continue;
            if (r.kind == Region.Kind.STRING_LITERAL && !a.write() && besideUnboundedString(a, r)) continue;
            if (r.kind == Region.Kind.STRING_LITERAL && !a.write() && fitsAnotherLiteral(a, r)) continue;
            Value size = r.size;
            Origin taint = a.pointer().taint != null ? a.pointer().taint : len.taint;
            if (a.end() == MemoryAccess.End.UNCHECKED_AGAINST_COUNT && a.pointer().pts.size() == 1) {
                // an input of unknown length, indexed by an untrusted value no check relates to its length
                if (taint != null && !e.getValue().isBottom() && e.getValue().lo() >= 0) out.add(new BoundsViolation(r, e.getValue(), l, -1, false, taint));
                continue;
            }
            if (a.guaranteed() >= 0 && taint != null && (size.unknown || size.num.hi() == Interval.POS_INF) && !a.endProven()) {
                // a request buffer of unknown size: an untrusted offset or length past what the checks guarantee
                Interval off = e.getValue();
                if (!off.isBottom() && off.lo() >= 0 && satAdd(off.hi(), l.hi()) > a.guaranteed() && off.hi() != Interval.POS_INF && l.hi() != Interval.POS_INF) {
                    out.add(new BoundsViolation(r, off, l, a.guaranteed(), false, taint, false, true));
                }
                continue;
            }
            if (a.guaranteed() >= 0 && taint == null && (size.unknown || size.num.hi() == Interval.POS_INF) && !a.endProven()
                    && e.getValue().isSingleton() && l.isSingleton() && e.getValue().lo() >= 0 && e.getValue().lo() + l.lo() > a.guaranteed()
                    && a.pointer().pts.size() == 1) {
                // a field at a fixed place of a request buffer that the checks on the path do not ensure is that long
                out.add(new BoundsViolation(r, e.getValue(), l, a.guaranteed(), false, null, false, true));
                continue;
            }
            if (a.guaranteed() >= 0 && taint != null && !size.unknown && !size.num.isBottom() && !size.num.isSingleton() && size.num.hi() != Interval.POS_INF
                    && !a.endProven() && a.pointer().pts.size() == 1 && !(size.taint != null && taint.sameSource(size.taint))) {
                // a block as long as the input says, read with a length from its own bytes that no check relates to its size
                Interval off = e.getValue();
                if (!off.isBottom() && off.lo() >= 0 && off.hi() != Interval.POS_INF && l.hi() != Interval.POS_INF && satAdd(off.hi(), l.hi()) > a.guaranteed()) {
                    out.add(new BoundsViolation(r, off, l, a.guaranteed(), false, taint, false, true));
                }
                continue;
            }
            if (relational && (size.num.isBottom() || size.unknown || size.num.hi() == Interval.POS_INF)) {
                // a block of a size no interval bounds, whose element count the relations tie to the index: at
                // that count or past it
                out.add(new BoundsViolation(r, e.getValue(), l, -1, false, taint));
                continue;
            }
            if (size.num.isBottom() || size.unknown) {
                // no end to check, but a start: an offset below zero on some path the input picks (name[len - 1] of an
                // empty name) reads or writes before the object
                Interval off = e.getValue();
                if (taint != null && startKnown(r) && !off.isBottom() && off.lo() < 0 && off.lo() != Interval.NEG_INF && !a.pointer().widened) {
                    out.add(new BoundsViolation(r, off, l, -1, true, taint));
                }
                continue;
            }
            long sz = size.num.isSingleton() ? size.num.lo() : size.num.hi();
            if (sz == Interval.POS_INF) continue;
            Interval off = e.getValue();
            if (off.isBottom()) continue;
            // a block sized by the same untrusted value that bounds the access (calloc(n, ...), i < n): the
            // intervals of the two cannot say they move together, so their maxima are no evidence
            // (unless the relations between the two say the index can reach the count: i <= n)
            if (!size.num.isSingleton() && taint != null && size.taint != null && taint.sameSource(size.taint)
                    && a.end() != MemoryAccess.End.MAY_REACH_COUNT && !relational) continue;
            if (off.lo() < 0 && (off.lo() != Interval.NEG_INF || taint != null)) {
                out.add(new BoundsViolation(r, off, l, sz, true, taint));
                continue;
            }
            if (negative) {
                out.add(new BoundsViolation(r, off, l, sz, false, len.taint, true));
                continue;
            }
            long end = satAdd(off.hi(), l.hi());
            boolean finite = off.hi() != Interval.POS_INF && l.hi() != Interval.POS_INF;
            if (end > sz && !a.endProven() && (finite || taint != null) && !(taint == null && onlyBothAtMost(off, l, sz))) {
                out.add(new BoundsViolation(r, off, l, sz, false, taint));
            }
        }
        return out;
    }

    /** The pointer may designate a string the analysis knows nothing of: anything, or what a caller handed over. */
    private static boolean mayBeAnother(Value p) {
        if (p.unknown) return true;
        for (Region r : p.pts.keySet()) if (io.memsafe.analysis.engine.CallerObjects.is(r)) return true;
        return false;
    }

    /**
     * Storage of unknown size whose offset 0 is its first byte: a block allocated with a size the
     * analysis does not know, a command-line argument or an environment string. Storage a pointer of
     * unknown origin designates may have bytes before the place it points to; an entry point's buffer
     * is one only by inference, and its length parameter may be one its callers never make 0; a
     * global of unknown size is an array declared without its bound, whose definition elsewhere says
     * what it covers (a table indexed from an offset).
     */
    private static boolean startKnown(Region r) {
        return r.kind == Region.Kind.STACK || r.kind == Region.Kind.HEAP || r.key.startsWith("argv[]") || r.key.startsWith("e:");
    }

    /**
     * The access fits at its largest offset with its smallest length, and at its smallest offset with
     * its largest length: only both maxima together run past the end. Offset and length are bounded
     * apart from each other here, and correct code ties them ({@code n = MIN(left, size - used);
     * memcpy(buf + used, src, n)}), so without untrusted input this is no evidence of an overflow.
     */
    private static boolean onlyBothAtMost(Interval off, Interval len, long size) {
        return satAdd(off.hi(), len.lo()) <= size && satAdd(Math.max(0, off.lo()), len.hi()) <= size;
    }

    /**
     * A read of a literal through a pointer that may designate several literals, with an offset or a
     * length that is no one value and comes from no input, which fits another of those literals whole:
     * {@code eob = crlf ? "\r\n" + 2 : ".\r\n"; write(eob, strlen(eob))}, a hash over each name of a
     * table of keywords up to its length. The join of the paths kept the targets and the offsets or
     * lengths apart, so the bound the read needs is another literal's; no evidence.
     */
    private static boolean fitsAnotherLiteral(MemoryAccess a, Region r) {
        Value p = a.pointer(), len = a.length();
        if (p.pts.size() < 2 || len.taint != null || p.taint != null || len.num.isBottom()) return false;
        if (len.num.isSingleton() && p.pts.get(r).isSingleton()) return false;
        for (Map.Entry<Region, Interval> o : p.pts.entrySet()) {
            Region other = o.getKey();
            Long size = other.size.constant();
            if (other == r || other.kind != Region.Kind.STRING_LITERAL || size == null || o.getValue().isBottom()) continue;
            if (o.getValue().lo() >= 0 && satAdd(o.getValue().hi(), len.num.hi()) <= size) return true;
        }
        return false;
    }

    /**
     * A read of a literal that stands in for a string of unknown length ({@code name = argc > 1 ?
     * argv[1] : "openssl"}), moved along by a loop or taking a length that is no one value: the offsets
     * the loop reached belong to the other string as well, and the merge of the paths does not keep
     * which; the loop stops at the terminator of whichever string the pointer is. No evidence. A read at
     * one constant offset past the literal is still reported.
     */
    private static boolean besideUnboundedString(MemoryAccess a, Region r) {
        Value p = a.pointer(), len = a.length();
        if (p.pts.size() < 2 || len.num.isBottom()) return false;
        Interval off = p.pts.get(r);
        if (off == null || off.isBottom() || (off.isSingleton() && len.num.isSingleton())) return false;
        for (Region other : p.pts.keySet()) {
            if (other == r || other.kind == Region.Kind.STRING_LITERAL) continue;
            Value size = other.size;
            if (size.unknown || size.num.isBottom() || size.num.hi() == Interval.POS_INF) return true;
        }
        return false;
    }

    private static long satAdd(long a, long b) {
        if (a == Interval.POS_INF || b == Interval.POS_INF) return Interval.POS_INF;
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Interval.POS_INF : r;
    }

    String describe(MemoryAccess a, boolean write) {
        String verb = a.operation() == null ? (write ? "write" : "read") : a.operation() + (write ? " writes" : " reads");
        StringBuilder sb = new StringBuilder();
        if (a.operation() == null) sb.append(write ? "write of " : "read of ").append(length).append(" bytes");
        else sb.append(verb).append(' ').append(length).append(" bytes");
        sb.append(" at offset ").append(offset).append(" of ").append(region.description);
        if (negativeLength) sb.append(": the length can be negative, and as the unsigned length the call takes it is a huge value, past the ")
                .append(size).append(" bytes; it is checked against a maximum only, not against 0");
        else if (under) sb.append(": starts ").append(-offset.lo()).append(" bytes before the buffer");
        else if (size < 0 && a.end() == MemoryAccess.End.PAST_COUNT) sb.append(AttackSurface.isInput(region) ? (write ? ": may end past the buffer" : ": may end past the input") : ": ends past the block");
        else if (size < 0) sb.append(a.operation() != null && offset.isSingleton() && offset.lo() == 0
                ? ": no check relates the length to the buffer's size, so it may end past it"
                : ": no check relates the offset to the buffer's length, so it may end past it");
        else if (onlyGuaranteed && (a.end() == MemoryAccess.End.MAY_REACH_COUNT || a.end() == MemoryAccess.End.PAST_COUNT))
            sb.append(": may end past the block (its size, ").append(region.size.num).append(" bytes, is the input's choice)");
        else if (onlyGuaranteed && region.kind == Region.Kind.HEAP && !region.size.unknown && region.size.num.hi() != Interval.POS_INF)
            sb.append(": ends past the ").append(size).append(" bytes it is sure to have (its size, ").append(region.size.num)
                    .append(" bytes, is the input's choice, and no check relates the length or offset read from its own bytes to it)");
        else if (onlyGuaranteed) sb.append(": ends past the ").append(size).append(" bytes the checks on the path ensure it has (it is as long as the request says, which the caller chooses")
                .append(size == 0 ? ", and no check bounds them from below)" : ")");
        else sb.append(": ends past its ").append(size).append(" bytes");
        if (a.detail() != null) sb.append(" (").append(a.detail()).append(')');
        if (taint != null && (a.detail() == null || !a.detail().contains(taint.what()))) {
            sb.append("; the value comes from untrusted input (").append(taint.what()).append(" at line ").append(taint.loc().line()).append(')');
        }
        return sb.toString();
    }

    List<TraceStep> trace(MemoryAccess a, boolean write) {
        List<TraceStep> t = new ArrayList<>();
        if (region.allocated != null && region.allocated.line() > 0) {
            t.add(new TraceStep(region.allocated, size < 0 && a.end() == MemoryAccess.End.PAST_COUNT && AttackSurface.isInput(region)
                    ? region.description + " enters here, as long as the entry point's length parameter says"
                    : size < 0 && a.end() == MemoryAccess.End.PAST_COUNT
                    ? region.description + " allocated here, with as many elements as a variable the access reaches"
                    : size < 0 && under ? region.description + " (of unknown length) starts here"
                    : size < 0
                    ? region.description + " enters here, as long as the entry point's length parameter says"
                    : onlyGuaranteed ? region.description + " enters here, as long as the request says"
                    : region.kind.label + " buffer " + region.description + " allocated here"));
        }
        if (taint != null && taint.loc().line() > 0) t.add(new TraceStep(taint.loc(), taint.what().startsWith("member ")
                ? "untrusted value stored into " + taint.what() + " here" : "untrusted value read by " + taint.what() + " here"));
        t.add(new TraceStep(a.loc(), (write ? "out-of-bounds write" : "out-of-bounds read") + " here"));
        return t;
    }
}
