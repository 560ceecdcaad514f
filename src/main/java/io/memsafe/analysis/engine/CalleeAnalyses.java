package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Interpreter.Frame;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The interprocedural driver of one {@link Interpreter}: a call to a function of the program is analysed
 * in the caller's context, on the part of memory the callee can reach, and the result of a callee analysis
 * for an abstract input is kept in {@link Summaries} for every root; how many callee analyses one analysis
 * may use is counted over its own call tree, so that results do not depend on which root ran first.
 */
final class CalleeAnalyses {
    private final Interpreter in;

    CalleeAnalyses(Interpreter in) { this.in = in; }

    /**
     * How many callee analyses (distinct callee and abstract input) one analysis may use in its whole
     * call tree; past it, calls fall back to the havoc of an unknown call.
     */
    static final int MAX_CALLEE_ANALYSES = 150;
    /**
     * The same for a root written in C++, where every constructor, destructor, operator and accessor is a
     * call of its own, each analysed in the contexts the caller's objects give it, on states that hold
     * those objects whole. At 150 a fifth of fish-shell's roots used all their room and took three
     * quarters of its analysis time; at 60 the scan takes a quarter less time, with the same reports
     * and the Juliet C++ development set identical case by case. C keeps 150: at 60 a C parser's loop
     * over its sections (71 callee analyses) lost a finding (docs/BENCHMARKS.md, thirty-sixth session).
     * Clang's analyzer likewise spends less on C++ calls by default (it does not inline container methods).
     */
    static final int MAX_CALLEE_ANALYSES_CPLUSPLUS = 60;
    /** Callees with more basic blocks than this are not re-analysed per call site: they are roots of their own. */
    static final int MAX_INLINED_BLOCKS = 300;
    /** How deep calls are followed in context; 0 analyses a function on its own (the fallback when a root runs out of in.budget). */
    private int maxDepth = Interpreter.MAX_CALL_DEPTH;

    /** Where the callee {@link #inline} analysed last returns NULL, reachable from that call, when it returns an object elsewhere; else null. */
    io.memsafe.ir.SourceLoc lastNullReturn;

    void followCalls(boolean follow) { maxDepth = follow ? Interpreter.MAX_CALL_DEPTH : 0; }

    /**
     * The analysis running now (a root's, or a callee's in context): the callee analyses its call tree
     * has used, each with the steps it took on its own and its result; how many it may use
     * ({@code room}); and what that limit did to it.
     */
    private static final class Work {
        final int room;
        /** Every callee analysis in its call tree so far, by key, with the steps it took on its own. */
        final Map<Summaries.Key, Long> used = new HashMap<>();
        /** The results of its own calls, by key: the same call again gets the same result. */
        final Map<Summaries.Key, Summaries.Summary> results = new HashMap<>();
        long charged;
        /** The least room under which it would have run as it did, had nothing been cut. */
        int need;
        /** Some call in its tree fell back to havoc for lack of room: its result depends on the room it had. */
        boolean truncated;

        Work(int room) { this.room = room; }

        Work copy() {
            Work c = new Work(room);
            c.used.putAll(used);
            c.results.putAll(results);
            c.charged = charged;
            c.need = need;
            c.truncated = truncated;
            return c;
        }
    }

    /**
     * A callee analysis whose reporting pass may be asked for next: its fixpoint with the stable states,
     * its work and the steps its frame had run when they became stable. A reporting pass on them is
     * the pass a new run on the same key would make after computing the same states again.
     */
    private record Stable(FunctionFixpoint fixpoint, Work work, long steps) { }

    /** While a reporting pass of a callee runs: the functions whose analyses it (and the passes it replays) used. */
    private Set<Function> reportedFrom;

    /** The stable runs of this root's recent callee analyses, by result (identity); let go when many. */
    private final Map<Summaries.Summary, Stable> stable = new java.util.IdentityHashMap<>();
    private static final int MAX_STABLE = 256;

    /** The room of the root analysed now ({@link #root}). */
    private int rootRoom = MAX_CALLEE_ANALYSES;
    private Work work = new Work(MAX_CALLEE_ANALYSES);

    /** Starts the analysis of {@code root}: its room for callee analyses follows its language. */
    void root(Function root) {
        rootRoom = root.cplusplus ? MAX_CALLEE_ANALYSES_CPLUSPLUS : MAX_CALLEE_ANALYSES;
        work = new Work(rootRoom);
    }

    /** Callee analyses the root has used (its call tree, as analysed in context). */
    int used() { return work.used.size(); }

    /** The member stores ({@link UntrustedMembers}) of every callee analysis the root used, whoever ran it. */
    List<Map<String, UntrustedMembers.Fact>> memberStoresUsed() {
        List<Map<String, UntrustedMembers.Fact>> out = new ArrayList<>();
        for (Summaries.Key k : work.used.keySet()) out.add(in.summaries.memberStores(k));
        return out;
    }

    /** The functions the root analysed in its calling context. */
    Set<Function> analysedInContext() {
        Set<Function> out = new HashSet<>();
        for (Summaries.Key k : work.used.keySet()) out.add(k.callee());
        return out;
    }

    /**
     * Holds, for a callee, the pointers that its callers' memory (outside what the callee can reach)
     * keeps to blocks the callee can reach: those blocks are not lost when the callee drops its own
     * references. Nothing points to this region, so the callee never reads it.
     */
    static final Region CALLERS = new Region("g:<callers>", Region.Kind.GLOBAL, Value.UNKNOWN, "memory of the callers", SourceLoc.NONE, "escape");

    /**
     * Analyses a callee in its calling context. The callee runs on the part of the caller's memory it
     * can reach (its parameters, the globals it and its callees name, what they point to, transitively):
     * the rest cannot change, and leaving it out keeps the callee's states small and makes equal
     * contexts equal, so that a callee analysed once for an abstract input is not analysed again for it,
     * by this root or any other ({@link Summaries}).
     */
    Value inline(Function callee, List<Value> args, Stmt.Call c, State s, Frame f) {
        return inline(callee, args, c, s, f, null);
    }

    /**
     * As {@link #inline(Function, List, Stmt.Call, State, Frame)}; when {@code cases} is given and the
     * callee's exits split by return value, also adds the caller's state after the call for each
     * group (with the value returned there), see {@link ReturnCases}.
     */
    Value inline(Function callee, List<Value> args, Stmt.Call c, State s, Frame f, List<Map.Entry<State, Value>> cases) {
        lastNullReturn = null;
        Map<Integer, Contents> structs = in.structArguments(c, s, f);
        if (f.depth() >= maxDepth || f.onStack(callee) || work.used.size() >= rootRoom || callee.blocks.size() > MAX_INLINED_BLOCKS
                || callee.takesVaList || callee.noReturn) {
            // recursion, too deep or too much (the root's own limit; a callee analysis gets the room its
            // caller has left in resultFor): sound fallback, the callee is then analysed as a root of its own.
            // A function that takes a va_list reads the arguments it formats through va_arg, which yields
            // unknown values: analysed per call site it would learn nothing of them, only the text of each
            // format string, and a program's own printf analysed once per format string was most of the
            // time a scan of such a program took (curl's formatf). It is analysed once, on its own.
            // So is a function declared never to return: the caller's path ends at the call whatever it
            // does, and an assertion handler that prints a backtrace, called after every assertion
            // (fish-shell's __fish_assert), took a large share of every root's callee analyses.
            return in.notFollowed(callee, args, structs, s);
        }
        // what the caller's memory held before the call (a shared copy): a test of what the call did not
        // change cannot tell apart the callee's paths that met inside it
        State.NullReturn call = new State.NullReturn(callee.name, null, s.mem.copy(), ReturnedNull.passed(in, c, f));
        for (int i = 0; i < callee.params.size(); i++) {
            Variable p = callee.params.get(i);
            Value v = i < args.size() ? args.get(i) : Value.UNKNOWN;
            if (p.type instanceof Type.Int it && v.pts.isEmpty()) v = ValueArithmetic.wrap(v, it);
            Region r = in.region(p, callee);
            // a structure passed by value: the parameter holds its bytes
            Contents whole = p.type instanceof Type.Struct ? structs.get(i) : null;
            s.set(r, whole != null ? whole : Contents.uninitialized().store(Interval.ZERO, Math.max(1, p.type.size()), v, true));
        }
        for (int i = callee.params.size(); i < args.size(); i++) in.unknownCall(List.of(args.get(i)), s);
        Region ret = Interpreter.returnRegion(callee);
        s.set(ret, Contents.uninitialized());
        Set<Region> foot = footprint(callee, ret, s);
        Octagon<String> rel = CalleeRelations.intoCallee(in, callee, c.args(), s, foot, f);
        State entry = slice(s, foot);
        entry.rel = rel;
        if (UserMemory.guarded(c.loc(), s, f)) entry.set(UserMemory.GUARDED, Contents.zeroed());
        List<TraceStep> calls = new ArrayList<>(f.calls());
        calls.add(new TraceStep(c.loc(), "call to " + Function.called(callee.name)));
        Frame cf = new Frame(callee, f.depth() + 1, calls, f, f.report());
        Summaries.Key key = new Summaries.Key(callee, Math.min(maxDepth - cf.depth(), in.callGraph.height(callee)), entry,
                recursion(callee, f), in.severalLive.isEmpty() ? Set.of() : Set.copyOf(in.severalLive));
        Summaries.Summary sum = resultFor(key, new Frame(callee, cf.depth(), List.of(), f, false));
        if (sum == null) {
            // its call tree does not fit in what this analysis may still use: as if unknown
            s.mem.remove(ret);
            dropFrame(callee, s);
            return in.notFollowed(callee, args, structs, s);
        }
        if (f.report()) replayReports(key, sum, cf);
        lastNullReturn = sum.nullReturned();
        State exit = sum.exit().copy();
        if (exit.bottom) {
            s.assign(exit);
            return Value.BOTTOM;
        }
        if (cases != null && sum.cases() != null) {
            for (State x : sum.cases()) {
                State st = s.copy();
                Map<Region, Contents> before = Relations.before(in, st);
                Value r = returned(callee, st, x.copy(), foot, ret, sum.ranOn(), call, c.loc());
                // each outcome as the statement's state gets it (Interpreter.exec): what the call changed
                // forgotten, then what the callee's relations say of it
                Relations.forgetChanged(before, null, in, st, f);
                CalleeRelations.add(st, CalleeRelations.outOfCallee(in, callee, x, sum.ranOn()));
                cases.add(Map.entry(st, r));
            }
        }
        return returned(callee, s, exit, foot, ret, sum.ranOn(), call, c.loc());
    }

    /** The caller's state after the callee returned with {@code exit}; the value it returned. */
    private Value returned(Function callee, State s, State exit, Set<Region> foot, Region ret, State ranOn, State.NullReturn call, SourceLoc at) {
        exit.mem.remove(CALLERS);
        exit.mem.remove(UserMemory.GUARDED);
        // the blocks the caller held before the call: only their releases on some of the callee's paths count
        Set<Region> held = new HashSet<>();
        for (Region r : exit.partly.keySet()) if (s.mem.containsKey(r)) held.add(r);
        Set<Region> joined = severalLiveAcrossTheCall(s, exit, foot);
        Set<Region> touched = new HashSet<>(foot);
        touched.addAll(exit.mem.keySet());
        touched.addAll(exit.freed.keySet());
        touched.addAll(exit.unchecked.keySet());
        Set<Region> untouched = untouched(s, exit, ranOn);
        touched.removeAll(untouched);
        Map<Region, io.memsafe.analysis.domain.Lifetime> freedBefore = new HashMap<>();
        for (Region r : exit.freed.keySet()) {
            io.memsafe.analysis.domain.Lifetime l = s.freed.get(r);
            if (l != null) freedBefore.put(r, l);
        }
        s.mem.keySet().removeAll(touched);
        s.freed.keySet().removeAll(touched);
        s.unchecked.keySet().removeAll(touched);
        for (Map.Entry<Region, Contents> e : exit.mem.entrySet()) if (!untouched.contains(e.getKey())) s.mem.put(e.getKey(), e.getValue());
        for (Map.Entry<Region, io.memsafe.analysis.domain.Lifetime> e : exit.freed.entrySet()) {
            io.memsafe.analysis.domain.Lifetime l = e.getValue(), mine = freedBefore.get(e.getKey());
            // released before the call: the caller's own record of it; by this call: the call is where the
            // caller's reader sees it go (a result shared with other callers names no call of theirs)
            s.freed.put(e.getKey(), l.equals(mine) ? mine : l.via(at != null && at.line() > 0 ? at : null));
        }
        s.unchecked.putAll(exit.unchecked);
        SomePaths.fromCallee(exit, s, held, call);
        // a joined block's cells may be kept as they were while the callee wrote other values of the same range
        if (!joined.isEmpty()) Relations.forgetFields(in, s, joined);
        in.leftByCallee(s, CalleeRelations.outOfCallee(in, callee, exit, ranOn));
        Value r = s.contents(ret).load(Interval.ZERO, 8);
        if (!callee.cplusplus && callee.type != null && callee.type.returnType() instanceof Type.Struct) in.structReturned = s.contents(ret);
        s.mem.remove(ret);
        dropFrame(callee, s);
        return r;
    }

    /**
     * The regions whose contents the callee left as it got them (the same key and contents objects in
     * its exit as in the state it ran on) and whose contents the caller holds under a region of the same
     * size: the caller keeps its own contents object for them, equal to the callee's (the analysis ran on
     * a state equal to the caller's slice). A result taken from another call holds other objects than
     * the caller's; putting them in would make every later join and comparison with a state from
     * before the call look into these regions, which hold the same.
     */
    private static Set<Region> untouched(State s, State exit, State ranOn) {
        Set<Region> out = new HashSet<>();
        for (Map.Entry<Region, Contents> e : exit.mem.entrySet()) {
            Region r = e.getKey();
            if (ranOn.mem.get(r) != e.getValue() || ranOn.mem.keyOf(r) != r) continue;
            Region mine = s.mem.keyOf(r);
            if (mine != null && (mine == r || mine.size.equals(r.size)) && java.util.Objects.equals(s.freed.get(r), exit.freed.get(r))
                    && java.util.Objects.equals(s.unchecked.get(r), exit.unchecked.get(r))) out.add(r);
        }
        return out;
    }

    /** The callee's frame is gone: its locals no longer exist. */
    private static void dropFrame(Function callee, State s) {
        String frame = Interpreter.frameKeys(callee);
        s.mem.keySet().removeIf(reg -> reg.key.startsWith(frame));
    }

    /** The functions on the call stack that the callee could call again: there the analysis cuts the recursion. */
    private Set<Function> recursion(Function callee, Frame f) {
        Set<Function> out = null;
        for (Frame x = f; x != null; x = x.parent()) {
            if (x.fn() != null && in.callGraph.mayCall(callee, x.fn())) {
                if (out == null) out = new HashSet<>();
                out.add(x.fn());
            }
        }
        return out == null ? Set.of() : out;
    }

    /**
     * The result of a callee analysis for the analysis running now, counted into it (the callee
     * analysis and those of its call tree, the steps of those it had not used yet); null when there is
     * no room left. A callee analysis gets the room its caller has left; one that fitted in less is
     * reused whatever the room, one that was cut only for the same room.
     */
    private Summaries.Summary resultFor(Summaries.Key key, Frame cf) {
        Summaries.Summary sum = work.results.get(key);
        if (sum != null) return sum; // already counted in
        int left = work.room - work.used.size();
        if (left < 1) {
            work.truncated = true;
            return null;
        }
        sum = in.summaries.summary(key, left);
        if (sum == null) {
            in.summaries.ran.incrementAndGet();
            sum = analyseInContext(key, left, cf);
        } else in.summaries.reused.incrementAndGet();
        if (sum.truncated()) work.truncated = true;
        else work.need = Math.max(work.need, work.used.size() + sum.minRoom());
        long charge = 0;
        for (int i = 0; i < sum.ids().length; i++) {
            if (work.used.putIfAbsent(sum.ids()[i], sum.ownSteps()[i]) == null) charge += sum.ownSteps()[i];
        }
        work.results.put(key, sum);
        work.charged += charge;
        in.budget.charge(charge);
        return sum;
    }

    /**
     * Runs a callee analysis in context as an analysis of its own (with {@code room} callee analyses at
     * most, its steps set apart), so that its result depends on its key and room only; keeps it for
     * reuse unless the root learned, meanwhile, of an allocation site that holds several live blocks.
     */
    private Summaries.Summary analyseInContext(Summaries.Key key, int room, Frame cf) {
        in.summaries.analysing(key);
        Work outer = work;
        Work inner = new Work(room - 1);
        long steps = in.budget.steps();
        long frame = in.budget.enter();
        work = inner;
        Map<String, UntrustedMembers.Fact> outerStores = in.memberStores;
        in.memberStores = UntrustedMembers.empty();
        Work[] whenStable = new Work[1];
        FunctionFixpoint fixpoint = new FunctionFixpoint(in, key.callee(), in.shape(key.callee())).keepStable(() -> whenStable[0] = inner.copy());
        State exit;
        try {
            exit = fixpoint.run(key.entry().copy(), cf);
            in.summaries.keepMemberStores(key, in.memberStores);
        } finally {
            work = outer;
            in.memberStores = outerStores;
            in.budget.leave(frame);
        }
        long own = in.budget.steps() - steps - inner.charged;
        in.budget.rewind(steps);
        Summaries.Key[] ids = new Summaries.Key[inner.used.size() + 1];
        long[] ownSteps = new long[ids.length];
        int i = 0;
        for (Map.Entry<Summaries.Key, Long> e : inner.used.entrySet()) {
            ids[i] = e.getKey();
            ownSteps[i++] = e.getValue();
        }
        ids[i] = key;
        ownSteps[i] = own;
        int minRoom = 1 + Math.max(inner.need, inner.used.size());
        Summaries.Summary sum = new Summaries.Summary(exit.copy(), fixpoint.exitCases(), ids, ownSteps, room, inner.truncated, minRoom, key.entry(),
                fixpoint.nullReturned());
        if (in.severalLive.size() == key.severalLive().size()) in.summaries.keep(key, sum);
        if (whenStable[0] != null && in.severalLive.size() == key.severalLive().size()) {
            if (stable.size() >= MAX_STABLE) stable.clear();
            stable.put(sum, new Stable(fixpoint, whenStable[0], fixpoint.stepsWhenStable() - steps));
        }
        return sum;
    }

    /**
     * The findings of a callee's reporting pass for the result {@code sum}, with this call stack in front
     * of their traces. The pass runs once per result, with the room that result had, collecting its
     * findings with traces relative to the callee; its steps are not charged (the analysis it reports
     * on was).
     */
    private void replayReports(Summaries.Key key, Summaries.Summary sum, Frame cf) {
        Summaries.Reports found = in.summaries.reports(key, sum);
        if (found == null) {
            Set<Function> outerTouched = reportedFrom;
            reportedFrom = new HashSet<>();
            List<Summaries.Reported> got = new ArrayList<>();
            Checker.Context outerReporter = in.reporter;
            Work outer = work;
            long steps = in.budget.steps();
            long frame = in.budget.enter();
            in.reporter = (checker, loc, message, trace) -> got.add(new Summaries.Reported(checker, loc, message, List.copyOf(trace)));
            // a run again now would compute the same states while the root has learned nothing that changes them
            Stable kept = stable.remove(sum);
            if (in.severalLive.size() != key.severalLive().size() || in.forced != null) kept = null;
            work = kept != null ? kept.work() : new Work(sum.room() - 1);
            // the stores of this pass are the callee analysis's own, kept with it already
            Map<String, UntrustedMembers.Fact> outerStores = in.memberStores;
            in.memberStores = UntrustedMembers.empty();
            Frame reporting = new Frame(key.callee(), cf.depth(), List.of(), cf.parent(), true);
            try {
                if (kept != null) {
                    // the states are those a new run would compute: report on them, with the steps that run would have taken
                    in.budget.rewind(steps + kept.steps());
                    kept.fixpoint().reportAgain(reporting);
                } else new FunctionFixpoint(in, key.callee(), in.shape(key.callee())).run(key.entry().copy(), reporting);
            } finally {
                // what the pass analysed: the callee and every callee analysis its work used
                reportedFrom.add(key.callee());
                for (Summaries.Key k : work.used.keySet()) reportedFrom.add(k.callee());
                in.memberStores = outerStores;
                in.reporter = outerReporter;
                work = outer;
                in.budget.leave(frame);
            }
            in.budget.rewind(steps);
            found = new Summaries.Reports(List.copyOf(got), Set.copyOf(reportedFrom));
            reportedFrom = outerTouched;
            if (in.severalLive.size() == key.severalLive().size()) in.summaries.keepReports(key, sum, found);
        }
        if (reportedFrom != null) reportedFrom.addAll(found.from());
        for (Summaries.Reported r : found.found()) {
            List<TraceStep> t = new ArrayList<>(cf.calls());
            t.addAll(r.trace());
            in.reporter.report(r.checker(), r.loc(), r.message(), t);
        }
    }

    /**
     * A heap site the callee allocated again while the caller still holds an earlier block from it (an
     * allocation wrapper called twice): the site now stands for several live blocks, so the caller's
     * contents are joined in, not replaced.
     */
    private Set<Region> severalLiveAcrossTheCall(State s, State exit, Set<Region> foot) {
        Set<Region> joined = new HashSet<>();
        for (Map.Entry<Region, Contents> e : exit.mem.entrySet()) {
            Region r = e.getKey();
            if (r.kind != Region.Kind.HEAP || foot.contains(r)) continue;
            Contents earlier = s.mem.get(r);
            io.memsafe.analysis.domain.Lifetime gone = s.freed.get(r);
            if (earlier == null || (gone != null && gone.must())) continue;
            e.setValue(earlier.combine(e.getValue(), Value::join));
            in.severalLive.add(r.key);
            joined.add(r);
        }
        return joined;
    }

    /** The regions a callee can reach from its parameters and the globals it (transitively) names. */
    private Set<Region> footprint(Function callee, Region ret, State s) {
        Set<Region> foot = new HashSet<>();
        java.util.ArrayDeque<Region> work = new java.util.ArrayDeque<>();
        foot.add(ret);
        foot.add(Interpreter.ESCAPED); // written by escapes, never read through
        for (Variable p : callee.params) if (foot.add(in.region(p, callee))) work.add(in.region(p, callee));
        for (Variable g : in.callGraph.globals(callee)) {
            Region r = in.region(g, null);
            if (foot.add(r)) work.add(r);
        }
        while (!work.isEmpty()) {
            Region r = work.poll();
            Contents c = s.mem.get(r);
            if (c == null) c = r.initial;
            if (c == null) continue;
            for (Region t : c.pointees()) if (foot.add(t)) work.add(t);
        }
        // whether the caller probed a user buffer travels with it
        UserMemory.addProbes(s, foot);
        return foot;
    }

    /** The part of {@code s} in {@code foot}, plus what the rest of {@code s} keeps pointing to in it. */
    private static State slice(State s, Set<Region> foot) {
        TreeMap<Region, Contents> mem = new TreeMap<>();
        TreeMap<Region, Interval> kept = new TreeMap<>();
        for (Map.Entry<Region, Contents> e : s.mem.entrySet()) {
            if (foot.contains(e.getKey())) {
                mem.put(e.getKey(), e.getValue());
                continue;
            }
            for (Region t : e.getValue().pointees()) if ((t.kind == Region.Kind.HEAP || CallerObjects.is(t)) && foot.contains(t)) kept.put(t, Interval.ZERO);
        }
        if (!kept.isEmpty()) mem.put(CALLERS, new Contents(new TreeMap<>(), new Value(Interval.BOTTOM, kept, false, null), Value.UNKNOWN));
        TreeMap<Region, io.memsafe.analysis.domain.Lifetime> freed = new TreeMap<>();
        // without the calls that released them: a callee's result (and what it reports) is shared by every caller with this input
        for (Map.Entry<Region, io.memsafe.analysis.domain.Lifetime> e : s.freed.entrySet()) {
            if (foot.contains(e.getKey())) freed.put(e.getKey(), e.getValue().via() == null ? e.getValue() : e.getValue().via(null));
        }
        TreeMap<Region, SourceLoc> unchecked = new TreeMap<>();
        for (Map.Entry<Region, SourceLoc> e : s.unchecked.entrySet()) if (foot.contains(e.getKey())) unchecked.put(e.getKey(), e.getValue());
        return new State(mem, freed, unchecked, false);
    }
}
