package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.State;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callee analyses in context, shared by every root of a scan: a callee reached again with the same
 * abstract input (from the same root or from another one) is not analysed again. This is what makes
 * a program with thousands of entry points that call into the same core (a library's API) affordable.
 *
 * <p>Sharing must not make the output depend on which root ran first (roots run in parallel). So an
 * analysis in context is a function of its {@link Key} alone: the key holds everything its result
 * depends on, and the limit on how many callee analyses one analysis may use counts the analyses in
 * its own call tree ({@link Summary#ids}), not whatever happened to run before it in the same root.
 * A result computed while the root learned something that changes the semantics of its later
 * analyses (an allocation site found to hold several live blocks) is used but not kept.
 *
 * <p>The wave of roots that knows which members hold untrusted values ({@link UntrustedMembers})
 * has results of its own, and uses those of the waves before wherever no function their analyses
 * ran (in context, or in the reporting pass) loads or stores one of those members: only there does
 * knowing them change what an analysis computes.
 */
final class Summaries {
    /**
     * What the analysis of a callee in context depends on: the callee; how many levels of calls below
     * it may still be followed (capped at the height of its call tree, so that a leaf is the same at
     * any depth); its entry state (the slice of the caller's memory it can reach); the functions on the
     * call stack it could call again (recursion is cut there); and the allocation sites known to
     * stand for several live blocks.
     */
    record Key(Function callee, int levels, State entry, Set<Function> recursion, Set<String> severalLive, int hash) {
        /** The key of an analysis: its hash is worked out once (the entry state is walked to get it, and the tables look it up several times). */
        Key(Function callee, int levels, State entry, Set<Function> recursion, Set<String> severalLive) {
            this(callee, levels, entry, recursion, severalLive, java.util.Objects.hash(callee, levels, entry, recursion, severalLive));
        }

        @Override
        public int hashCode() { return hash; }
    }

    /**
     * The exit state of a callee analysis, and every callee analysis in its call tree (itself
     * included) by key, with the steps each took on its own: a caller that uses this result counts
     * those it had not used yet, as if it had run them. {@code room}: how many callee analyses its call
     * tree was allowed; {@code truncated}: some call in it was havocked for lack of room, so the result
     * holds for that room only; else it holds for any room of at least {@code minRoom}. {@code cases}:
     * the exit split by return value ({@link ReturnCases}), or null. {@code ranOn}: the entry state the
     * analysis ran on (equal to the entry of any key it is the result for).
     */
    record Summary(State exit, List<State> cases, Key[] ids, long[] ownSteps, int room, boolean truncated, int minRoom, State ranOn,
                   io.memsafe.ir.SourceLoc nullReturned) { }

    /** A key with the room a truncated result had. */
    private record Cut(Key key, int room) { }

    /** A finding of a callee analysis in its reporting pass, with its trace relative to the callee. */
    record Reported(Checker checker, SourceLoc loc, String message, List<TraceStep> trace) { }

    /** What a reporting pass found, and the functions whose analyses it used (its callee's included). */
    record Reports(List<Reported> found, Set<Function> from) { }

    private final ConcurrentHashMap<Key, Summary> exits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Cut, Summary> cutExits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Reports> reports = new ConcurrentHashMap<>();

    /**
     * The untrusted values each callee analysis stored into members ({@link UntrustedMembers}), by key
     * (a function of it); only the analyses that stored some are here.
     */
    private final ConcurrentHashMap<Key, Map<String, UntrustedMembers.Fact>> memberStores = new ConcurrentHashMap<>();

    void keepMemberStores(Key k, Map<String, UntrustedMembers.Fact> stores) {
        if (!stores.isEmpty()) memberStores.merge(k, Map.copyOf(stores), (a, b) -> {
            Map<String, UntrustedMembers.Fact> m = UntrustedMembers.empty();
            UntrustedMembers.mergeInto(m, a);
            UntrustedMembers.mergeInto(m, b);
            return Map.copyOf(m);
        });
    }

    /** Every callee analysis's member stores so far. */
    java.util.Collection<Map<String, UntrustedMembers.Fact>> allMemberStores() { return memberStores.values(); }

    Map<String, UntrustedMembers.Fact> memberStores(Key k) { return memberStores.getOrDefault(k, Map.of()); }

    /** Callee analyses run, and taken from another analysis (MEMSAFE_TRACE_ROOTS shows them). */
    final java.util.concurrent.atomic.AtomicLong ran = new java.util.concurrent.atomic.AtomicLong(), reused = new java.util.concurrent.atomic.AtomicLong();

    /** A callee analysis in context starts (MEMSAFE_DEBUG_KEYS shows its input). */
    void analysing(Key k) {
        if ("*".equals(DEBUG)) System.err.println("memsafe-key " + k.callee().name);
        else if (k.callee().name.equals(DEBUG)) System.err.println("memsafe-key " + describe(k));
    }

    /** MEMSAFE_DEBUG_KEYS=name: the input of each analysis of that function on stderr; {@code *}: the function of each analysis. */
    private static final String DEBUG = System.getenv("MEMSAFE_DEBUG_KEYS");

    private static String describe(Key k) {
        StringBuilder sb = new StringBuilder("levels=" + k.levels() + " rec=" + k.recursion().size() + " live=" + k.severalLive());
        for (var e : k.entry().mem.entrySet()) {
            var c = e.getValue();
            sb.append("\n   ").append(e.getKey().key).append(" = rest ").append(c.rest).append(" nul ").append(c.nul)
              .append(c.unterminated ? " unterm" : "").append(c.neverWritten ? " never" : "").append(" w ").append(c.written);
            for (var cell : c.cells.entrySet()) sb.append(" [").append(cell.getKey()).append(':').append(cell.getValue().size()).append('=').append(cell.getValue().value()).append(cell.getValue().value().widened ? "W" : "").append(']');
        }
        sb.append("\n   freed ").append(k.entry().freed).append(" unchecked ").append(k.entry().unchecked.keySet());
        return sb.toString();
    }

    /**
     * Results of an earlier wave of roots, used in this one where the functions their analyses ran
     * ({@link #shared} accepts them) read nothing this wave knows more about; or null.
     */
    private final Summaries earlier;
    private final java.util.function.Predicate<Set<Function>> shared;

    Summaries() {
        this(null, fs -> false);
    }

    /** The results of a wave that knows more than {@code earlier}; those of {@code earlier} that ran only {@code unaffected} functions hold here too. */
    Summaries(Summaries earlier, java.util.function.Predicate<Set<Function>> unaffected) {
        this.earlier = earlier;
        this.shared = unaffected;
    }

    /** The functions analysed in context for a result: its callee and every analysis in its call tree. */
    private static Set<Function> ran(Summary s) {
        Set<Function> out = new java.util.HashSet<>();
        for (Key k : s.ids()) out.add(k.callee());
        return out;
    }

    /** The result of the analysis of {@code k} with {@code room} callee analyses at most, if known. */
    Summary summary(Key k, int room) {
        Summary s = exits.get(k);
        if (s != null && s.minRoom() <= room) return s;
        s = cutExits.get(new Cut(k, room));
        if (s != null || earlier == null) return s;
        s = earlier.summary(k, room);
        return s != null && shared.test(ran(s)) ? s : null;
    }

    void keep(Key k, Summary s) {
        if (crowded()) return;
        if (s.truncated()) cutExits.putIfAbsent(new Cut(k, s.room()), s);
        else exits.merge(k, s, (a, b) -> a.minRoom() <= b.minRoom() ? a : b);
    }

    private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * When what the last collection left in the old generation (the heap pool with the largest maximum)
     * fills more than 70% of it, the results kept so far are let go (checked every 512 kept results).
     * Results are kept only to save work: one that is not found is computed again, the same, so this
     * changes the time a scan takes, never what it reports.
     */
    private boolean crowded() {
        if ((kept.incrementAndGet() & 511) != 0) return false;
        java.lang.management.MemoryPoolMXBean old = null;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != java.lang.management.MemoryType.HEAP || !pool.isCollectionUsageThresholdSupported()) continue;
            if (old == null || pool.getUsage().getMax() > old.getUsage().getMax()) old = pool;
        }
        if (old == null || old.getCollectionUsage() == null || old.getUsage().getMax() <= 0) return false;
        if (old.getCollectionUsage().getUsed() < 0.7 * old.getUsage().getMax()) return false;
        exits.clear();
        cutExits.clear();
        reports.clear();
        return true;
    }

    /** What the reporting pass of {@code k} found for the result {@code s}, if known. */
    Reports reports(Key k, Summary s) {
        Reports r = reports.get(s.truncated() ? new Cut(k, s.room()) : k);
        if (r != null || earlier == null) return r;
        r = earlier.reports(k, s);
        return r != null && shared.test(r.from()) ? r : null;
    }

    void keepReports(Key k, Summary s, Reports r) {
        if (!crowded()) reports.putIfAbsent(s.truncated() ? new Cut(k, s.room()) : k, r);
    }
}
