package io.memsafe.checkers;

import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the heap-lifetime checkers share: which blocks a pointer certainly designates, and the story of a block. */
final class Lifecycle {
    private Lifecycle() { }

    /** Allocation families of storage that no deallocator may release. */
    static final Set<String> NOT_HEAP = Set.of("declaration", "alloca", "literal");

    /**
     * The pointer designates known regions only (NULL aside, which every deallocator accepts and
     * every dereference stops at): an "unknown" part could be any valid pointer, so nothing is
     * certain about it.
     */
    static boolean known(Value p) { return p.nullOrKnownRegions(); }

    /** The lifetime shared by all the blocks a pointer designates when each is freed on every path; else null. */
    static Lifetime freedOnEveryPath(Value p, State s) {
        if (!known(p)) return null;
        Lifetime first = null;
        for (Region r : p.pts.keySet()) {
            Lifetime l = s.lifetime(r);
            // (a heap block, or a request the I/O manager took back: nothing else is ever freed)
            if (l == null || !l.must()) return null;
            if (first == null) first = l;
        }
        return first;
    }

    /** The deallocator that releases blocks of an allocation family; null for families no deallocator owns. */
    static String deallocatorOf(String family) {
        return switch (family) {
            case "malloc" -> "free";
            case "new" -> "delete";
            case "new[]" -> "delete[]";
            default -> null;
        };
    }

    /** How a region is released: a stream is closed, a request's buffer goes with its request, a block is freed. */
    static String freed(Region r) {
        if (r.kind != Region.Kind.UNKNOWN) return "freed";
        if (io.memsafe.models.LibraryModels.STREAM_OPENERS.contains(r.family)) return "closed";
        return Region.REQUEST_BUFFER.equals(r.family) ? "completed" : "freed";
    }

    /** "it was freed", "it was closed", or for a request's buffer "its request was completed". */
    static String released(Region r) {
        String how = freed(r);
        return "completed".equals(how) ? "its request was completed" : "it was " + how;
    }

    static Region single(Value p) { return p.pts.keySet().iterator().next(); }

    static void allocatedAt(List<TraceStep> t, Region r) {
        if (io.memsafe.analysis.engine.CallerObjects.is(r)) {
            // no allocation the scan sees: the function that received it
            if (r.allocated != null && r.allocated.line() > 0) t.add(new TraceStep(r.allocated, r.description + " on entry"));
            return;
        }
        if (r.allocated != null && r.allocated.line() > 0) t.add(new TraceStep(r.allocated, r.description + switch (freed(r)) { case "closed" -> " opened here"; case "completed" -> " obtained here"; default -> " allocated here"; }));
    }

    /** Allocation, release, then the offending operation. */
    static List<TraceStep> story(Region r, Lifetime l, SourceLoc at, String what) {
        List<TraceStep> t = new ArrayList<>();
        allocatedAt(t, r);
        if (l != null && l.via() != null) t.add(new TraceStep(l.via(), "the call that " + releases(r)));
        if (l != null && l.freedAt().line() > 0) t.add(new TraceStep(l.freedAt(), ("completed".equals(freed(r)) ? "request completed" : freed(r)) + " here"));
        t.add(new TraceStep(at, what));
        return t;
    }

    private static String releases(Region r) {
        return switch (freed(r)) {
            case "completed" -> "completes its request";
            case "closed" -> "closes it";
            default -> "frees it";
        };
    }

    /** Where a release happened, for a message: its line, and the call of the function analysed it happened in. */
    static String where(Lifetime l) {
        return line(l.freedAt()) + (l.via() != null && l.via().line() > 0 ? " (in the call at line " + l.via().line() + ")" : "");
    }

    static String line(SourceLoc l) { return l.line() > 0 ? " at line " + l.line() : ""; }
}
