package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Memory of the user process that a kernel driver is handed by address: a METHOD_NEITHER
 * {@code Type3InputBuffer}, an IRP's {@code UserBuffer}, a pointer the caller stored inside such a
 * buffer. The kernel may touch it only after checking the address lies in user space
 * ({@code ProbeForRead}/{@code ProbeForWrite} inside {@code __try}); dereferenced unprobed, the
 * attacker chooses which kernel address is read or written (CWE-822), which is how most
 * "arbitrary write" driver bugs read.
 * <p>A user region has unknown size and untrusted bytes. Whether it was probed on every path is a
 * ghost cell of the state beside it (a region of its own that holds 1 once probed, 0 at the start),
 * so the ordinary join of states keeps "probed on some paths only" as not probed.
 */
public final class UserMemory {
    /** The family of user-space regions. */
    public static final String FAMILY = "user";

    private UserMemory() { }

    public static boolean isUser(Region r) { return FAMILY.equals(r.family); }

    /** A region for user memory at {@code key}, with untrusted bytes, set in {@code s}; the pointer to it. */
    static Value region(String key, String description, SourceLoc loc, State s) {
        Region r = new Region("u:" + key, Region.Kind.UNKNOWN, Value.UNKNOWN, description, loc, FAMILY);
        Origin o = new Origin("the bytes of " + description, loc);
        if (!s.mem.containsKey(r)) s.set(r, new Contents(new TreeMap<>(), Value.tainted(Interval.of(-128, 255), o), Value.UNKNOWN));
        return Value.pointer(r, Interval.ZERO);
    }

    private static Region marker(Region user) { return ghost("probed:", user, "probe of "); }

    /** A ghost cell beside the user region (0 at the start): its key prefix, and what the description calls it. */
    private static Region ghost(String prefix, Region user, String what) {
        Region m = new Region(prefix + user.key, Region.Kind.UNKNOWN, Value.ZERO, what + user.description, user.allocated, "probe");
        m.initial = new Contents(new TreeMap<>(), Value.ZERO, Value.UNKNOWN);
        return m;
    }

    /**
     * ProbeForRead/Write ({@code raises}) or access_ok of {@code len} bytes at {@code p}: its user regions
     * count as probed, unless the length is certainly 0.
     */
    static void probe(Value p, Value len, boolean raises, State s) {
        if (!len.unknown && len.num.isSingleton() && len.num.lo() == 0) return;
        for (Region r : p.pts.keySet()) {
            if (!isUser(r)) continue;
            s.set(marker(r), new Contents(new TreeMap<>(), Value.of(1), Value.UNKNOWN));
            if (raises) s.set(raisingMarker(r), new Contents(new TreeMap<>(), Value.of(1), Value.UNKNOWN));
        }
    }

    /** A ghost cell: 1 where every path probed the region with a probe that raises (so it is the caller's memory, which may fault). */
    private static Region raisingMarker(Region user) { return ghost("raised:", user, "probe of "); }

    /** After a report of {@code r} touched outside a {@code __try}: later accesses on this path are the same defect. */
    static void reportedOutsideTry(Region r, State s) {
        s.set(raisingMarker(r), new Contents(new TreeMap<>(), Value.of(2), Value.UNKNOWN));
    }

    /**
     * Marks a callee's entry state: the call is inside a {@code __try} of a caller, so a fault in the
     * callee reaches a handler. Part of the state, so a callee's result is never shared between a
     * guarded call and an unguarded one.
     */
    static final Region GUARDED = new Region("seh:guarded", Region.Kind.UNKNOWN, Value.ZERO, "an exception handler of a caller", SourceLoc.NONE, "probe");

    /** Does a {@code __try} catch a fault at {@code loc} of the function {@code f} runs (its own, or one around a call to it)? */
    static boolean guarded(SourceLoc loc, State s, Interpreter.Frame f) {
        return s.mem.containsKey(GUARDED) || f.fn() != null && f.fn().guards(loc);
    }

    /**
     * The user regions {@code p} designates that every path probed with ProbeForRead/ProbeForWrite, and
     * that a fault at {@code loc} would not be caught for: the caller can unmap the page after the probe
     * (the probe is not a lock), and the access then raises an exception nothing handles.
     */
    static List<Region> touchedOutsideTry(Value p, SourceLoc loc, State s, Interpreter.Frame f) {
        List<Region> out = new ArrayList<>();
        for (Region r : p.pts.keySet()) {
            if (!isUser(r)) continue;
            Long c = s.contents(raisingMarker(r)).rest.constant();
            if (c != null && c == 1 && probed(r, s)) out.add(r);
        }
        if (out.isEmpty() || guarded(loc, s, f)) return List.of();
        return out;
    }

    /**
     * On a path where the request came from kernel mode ({@code Irp->RequestorMode == KernelMode}) its
     * buffers are kernel addresses, which no probe checks: every user region counts as probed there.
     */
    static void kernelCaller(State s) {
        List<Region> user = new ArrayList<>();
        for (Region r : s.mem.keySet()) if (isUser(r)) user.add(r);
        for (Region r : user) s.set(marker(r), new Contents(new TreeMap<>(), Value.of(1), Value.UNKNOWN));
    }

    /** Adds to {@code regions} the probe marks {@code s} holds for the user regions among them. */
    static void addProbes(State s, java.util.Set<Region> regions) {
        List<Region> marks = new ArrayList<>();
        for (Region r : regions) {
            if (!isUser(r)) continue;
            Region m = marker(r);
            if (s.mem.containsKey(m)) marks.add(m);
        }
        regions.addAll(marks);
    }

    /**
     * Only values of at least this many bytes count for double fetches: lengths, counts, offsets and
     * addresses, the values a kernel checks and then trusts. A character scanned twice (a printable
     * test) is a double fetch too, but rarely a vulnerability.
     */
    static final long DOUBLE_FETCH_MIN_SIZE = 4;

    private static Region checkMark(Region user, long offset) {
        Region m = new Region("checked:" + user.key + "@" + offset, Region.Kind.UNKNOWN, Value.ZERO, "test of " + user.description, user.allocated, "probe");
        m.initial = new Contents(new TreeMap<>(), Value.ZERO, Value.UNKNOWN);
        return m;
    }

    /** A branch tested the {@code size} bytes at {@code offset} of user region {@code r} at {@code loc}. */
    static void checked(Region r, long offset, long size, SourceLoc loc, State s) {
        if (size < DOUBLE_FETCH_MIN_SIZE) return;
        s.set(checkMark(r, offset), new Contents(new TreeMap<>(), Value.of(Math.max(1, loc.line())), Value.UNKNOWN));
    }

    /** Where a branch tested on every path the user-memory value a load of {@code size} bytes at {@code p} reads again; null if none. */
    static SourceLoc checkedBefore(Value p, long size, SourceLoc at, State s) {
        if (size < DOUBLE_FETCH_MIN_SIZE || p.pts.size() != 1) return null;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        if (!isUser(e.getKey()) || !e.getValue().isSingleton()) return null;
        Region m = checkMark(e.getKey(), e.getValue().lo());
        Value v = s.contents(m).rest;
        if (v.unknown || v.num.isBottom() || v.num.lo() <= 0) return null;
        // the test is in the function that reads the value again, as a double fetch goes
        return new SourceLoc(at.file(), (int) v.num.lo(), 0);
    }

    /** Has every path to here probed the user region {@code r}? */
    public static boolean probed(Region r, State s) {
        Long c = s.contents(marker(r)).rest.constant();
        return c != null && c == 1;
    }

    /**
     * A pointer loaded from user memory designates user memory in turn (the attacker wrote it): a
     * region of its own per load site, so probing one such pointer says nothing of another.
     */
    static Value loadedPointer(Value from, Value loaded, SourceLoc loc, State s) {
        boolean user = false;
        for (Region r : from.pts.keySet()) user |= isUser(r);
        // (or bytes a copy from user space filled: the address is the user's all the same)
        boolean copied = !user && loaded.pts.isEmpty() && io.memsafe.models.KernelModels.copiedFromUser(loaded.taint);
        if (!user && !copied) return loaded;
        String key = loc.file() + ":" + loc.line() + ":" + loc.column();
        if (copied && from.pts.size() == 1 && from.pts.values().iterator().next().isSingleton()) {
            // kernel memory does not change behind the driver's back: the same field read twice is the same address
            Map.Entry<Region, Interval> e = from.pts.entrySet().iterator().next();
            key = "in:" + e.getKey().key + "@" + e.getValue().lo();
        }
        Value p = region(key, "a user-space address read from "
                + (copied ? "data copied from user space by " + loaded.taint.what() : "user memory") + " at line " + loc.line(), loc, s);
        Map<Region, Interval> pts = new TreeMap<>(p.pts);
        for (Map.Entry<Region, Interval> e : loaded.pts.entrySet()) pts.putIfAbsent(e.getKey(), e.getValue());
        return new Value(Interval.BOTTOM, pts, loaded.unknown && !loaded.pts.isEmpty(), loaded.taint);
    }
}
