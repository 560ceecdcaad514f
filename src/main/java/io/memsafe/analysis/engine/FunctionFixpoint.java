package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
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
import java.util.TreeSet;

/**
 * The fixpoint of one function activation: a worklist in reverse post-order, widening (with the
 * function's constants as thresholds) at loop heads, then two narrowing passes, then one checking
 * pass in which the checkers see every statement once, from the stable states.
 */
final class FunctionFixpoint {
    private static final int WIDEN_AFTER = 3;
    /**
     * Widenings to the next threshold a loop head gets before it is widened to infinity: a function
     * with many constants has thresholds every few units, and a bound climbing them one by one costs
     * an iteration each (with every callee analysed again for the new input). Narrowing recovers the
     * bound a loop condition gives.
     */
    private static final int THRESHOLD_WIDENINGS = 4;
    private static final long[] NO_THRESHOLDS = {};
    private static final int NARROWING_PASSES = 2;

    /** What the fixpoint needs to know about a CFG, computed once per function. */
    record Shape(List<BasicBlock> rpo, Map<BasicBlock, Integer> index, Set<BasicBlock> loopHeads, long[] thresholds, Set<Stmt.Call> testedCalls,
                 Set<Variable> addressTaken, Set<Variable> notRegisterLike, Set<Variable> comparedPointers, Set<Long> comparedMembers,
                 Map<Variable, Stmt.Call> testedCallResults, Map<BasicBlock, Set<Variable>> invariants, Map<BasicBlock, BasicBlock> innermostLoop,
                 Map<BasicBlock, Set<BasicBlock>> loops, Map<BasicBlock, Set<Variable>> deadLocals) {
        static Shape of(Function fn) {
            Set<BasicBlock> heads = new HashSet<>();
            List<BasicBlock[]> backEdges = new ArrayList<>();
            List<BasicBlock> post = depthFirst(fn, heads, backEdges);
            List<BasicBlock> rpo = new ArrayList<>(post.size());
            for (int i = post.size() - 1; i >= 0; i--) rpo.add(post.get(i));
            Map<BasicBlock, Integer> index = new HashMap<>();
            for (int i = 0; i < rpo.size(); i++) index.put(rpo.get(i), i);
            Set<Variable> addressTaken = addressTaken(fn);
            Map<BasicBlock, Set<BasicBlock>> loops = naturalLoops(backEdges);
            // each block's innermost loop: the head of the smallest natural loop holding it
            Map<BasicBlock, BasicBlock> innermost = new HashMap<>();
            for (Map.Entry<BasicBlock, Set<BasicBlock>> e : loops.entrySet()) {
                for (BasicBlock b : e.getValue()) {
                    BasicBlock h = innermost.get(b);
                    if (h == null || loops.get(h).size() > e.getValue().size()) innermost.put(b, e.getKey());
                }
            }
            return new Shape(rpo, index, heads, thresholds(fn), ReturnCases.tested(fn), addressTaken, notRegisterLike(fn, addressTaken), comparedPointers(fn),
                    comparedMembers(fn), Conversions.testedCallResults(fn), invariants(fn, loops, addressTaken), innermost, loops,
                    LiveLocals.deadAtStart(fn, addressTaken));
        }

        /**
         * For each loop head, the scalar variables no statement of its loop assigns (and whose address is
         * never taken): what they hold at the head comes from before the loop, so the head joins them
         * rather than widening them. Widened, a count checked before two loops in a row lost its bound in
         * the second one while the first was still being iterated ({@code if (n > 16) fail; for (j < n) ...;
         * for (i < n) a[i]}).
         */
        private static Map<BasicBlock, Set<Variable>> invariants(Function fn, Map<BasicBlock, Set<BasicBlock>> loops, Set<Variable> addressTaken) {
            if (loops.isEmpty()) return Map.of();
            Set<Variable> scalars = new HashSet<>();
            for (Variable v : fn.params) if (v.type instanceof Type.Int || v.type instanceof Type.Pointer) scalars.add(v);
            for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
                if (assigned(st) instanceof Variable v && (v.type instanceof Type.Int || v.type instanceof Type.Pointer)) scalars.add(v);
            }
            scalars.removeAll(addressTaken);
            Map<BasicBlock, Set<Variable>> out = new HashMap<>();
            for (Map.Entry<BasicBlock, Set<BasicBlock>> e : loops.entrySet()) {
                Set<Variable> inv = new HashSet<>(scalars);
                for (BasicBlock b : e.getValue()) for (Stmt st : b.stmts) if (assigned(st) instanceof Variable v) inv.remove(v);
                if (!inv.isEmpty()) out.put(e.getKey(), inv);
            }
            return out;
        }

        /** The variable a statement writes whole (an assignment, a call's or an allocation's result, a declaration), or null. */
        private static Variable assigned(Stmt st) {
            if (st instanceof Stmt.Declare d) return d.var();
            return Stmt.target(st) instanceof Lvalue.Var v ? v.var() : null;
        }

        /**
         * Post-order of a depth-first search from the entry, noting loop heads (targets of edges back to
         * a block on the stack) and those edges.
         */
        private static List<BasicBlock> depthFirst(Function fn, Set<BasicBlock> heads, List<BasicBlock[]> backEdges) {
            List<BasicBlock> post = new ArrayList<>();
            Set<BasicBlock> seen = new HashSet<>(), onStack = new HashSet<>();
            List<Object[]> stack = new ArrayList<>();
            stack.add(new Object[]{fn.entry, 0});
            seen.add(fn.entry);
            onStack.add(fn.entry);
            while (!stack.isEmpty()) {
                Object[] top = stack.get(stack.size() - 1);
                BasicBlock b = (BasicBlock) top[0];
                int i = (Integer) top[1];
                if (i < b.succs.size()) {
                    top[1] = i + 1;
                    BasicBlock n = b.succs.get(i);
                    if (onStack.contains(n)) {
                        heads.add(n);
                        backEdges.add(new BasicBlock[]{b, n});
                    } else if (seen.add(n)) {
                        onStack.add(n);
                        stack.add(new Object[]{n, 0});
                    }
                } else {
                    stack.remove(stack.size() - 1);
                    onStack.remove(b);
                    post.add(b);
                }
            }
            return post;
        }

        /** The natural loop of each head: the head and the blocks that reach one of its back edges' sources without passing it. */
        private static Map<BasicBlock, Set<BasicBlock>> naturalLoops(List<BasicBlock[]> backEdges) {
            Map<BasicBlock, Set<BasicBlock>> out = new HashMap<>();
            for (BasicBlock[] e : backEdges) {
                Set<BasicBlock> body = out.computeIfAbsent(e[1], h -> new HashSet<>(List.of(h)));
                List<BasicBlock> todo = new ArrayList<>();
                if (body.add(e[0])) todo.add(e[0]);
                while (!todo.isEmpty()) {
                    BasicBlock x = todo.remove(todo.size() - 1);
                    for (BasicBlock p : x.preds) if (body.add(p)) todo.add(p);
                }
            }
            return out;
        }

        private static long[] thresholds(Function fn) {
            TreeSet<Long> t = new TreeSet<>(List.of(-1L, 0L, 1L));
            for (BasicBlock b : fn.blocks) for (Stmt s : b.stmts) collect(s, t);
            for (var v : fn.params) if (v.type.size() > 0) t.add(v.type.size());
            Set<Long> more = new HashSet<>();
            for (long x : t) {
                if (x > Long.MIN_VALUE + 1) more.add(x - 1);
                if (x < Long.MAX_VALUE - 1) more.add(x + 1);
            }
            t.addAll(more);
            return t.stream().mapToLong(Long::longValue).toArray();
        }

        /**
         * The variables whose address the function takes (of the whole or of a part), and those it
         * assigns a copy of a value in memory: the others are never assigned an indeterminate value
         * and could have been declared {@code register}, which is what makes reading them while
         * uninitialised undefined (C11 6.3.2.1p2).
         */
        private static Set<Variable> notRegisterLike(Function fn, Set<Variable> addressTaken) {
            Set<Variable> out = new HashSet<>(addressTaken);
            for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var v && Uninitialized.isCopy(a.value())) out.add(v.var());
            }
            return out;
        }

        /** The variables whose address the function takes, of the whole or of a part: code elsewhere may write them. */
        static Set<Variable> addressTaken(Function fn) {
            Set<Variable> out = new HashSet<>();
            for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
                switch (st) {
                    case Stmt.Assign a -> {
                        addressed(a.value(), out);
                        addressed(a.target(), out);
                    }
                    case Stmt.Assume a -> addressed(a.cond(), out);
                    case Stmt.Call c -> { c.args().forEach(e -> addressed(e, out)); if (c.calleeExpr() != null) addressed(c.calleeExpr(), out); if (c.result() != null) addressed(c.result(), out); }
                    case Stmt.Return r -> { if (r.value() != null) addressed(r.value(), out); }
                    case Stmt.Allocate al -> { addressed(al.size(), out); if (al.result() != null) addressed(al.result(), out); }
                    case Stmt.Free fr -> addressed(fr.pointer(), out);
                    case Stmt.InitAggregate ia -> { ia.elements().forEach(e -> addressed(e, out)); addressed(ia.target(), out); }
                    default -> { }
                }
            }
            return out;
        }

        /**
         * The local pointers a comparison between pointers or a pointer difference reads, or that are moved
         * by an amount that is not a constant: the ones the relations follow by their offsets (following
         * every pointer would grow the octagons for nothing).
         */
        private static Set<Variable> comparedPointers(Function fn) {
            Set<Variable> out = new HashSet<>();
            forComparedOperands(fn, e -> pointersIn(e, out));
            // and a local pointer moved by an amount that is not a constant ({@code out += len}, then
            // {@code --out} once per byte of len): its offset is tied to that amount, which later tests decide
            for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var v && v.var().type instanceof io.memsafe.ir.Type.Pointer
                        && !v.var().isGlobalStorage() && Relations.strip(a.value()) instanceof Expr.Binary x
                        && (x.op() == Expr.BinOp.ADD || x.op() == Expr.BinOp.SUB) && x.left().type() instanceof io.memsafe.ir.Type.Pointer
                        && x.right().type() instanceof io.memsafe.ir.Type.Int && Relations.constant(x.right()) == null) {
                    out.add(v.var());
                    pointersIn(x.left(), out);
                }
            }
            return out;
        }

        /**
         * The byte offsets of the pointer members a comparison between pointers or a pointer difference
         * reads ({@code this->cur < this->end}, {@code p->end - p->pos}): the relations follow those members
         * of the one object a local pointer or a local struct designates, as they follow local pointers.
         */
        private static Set<Long> comparedMembers(Function fn) {
            Set<Long> out = new HashSet<>();
            forComparedOperands(fn, e -> membersIn(e, out));
            // and the members a compared member is set from ({@code this->pos = this->match + 1})
            for (boolean grew = !out.isEmpty(); grew; ) {
                grew = false;
                for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
                    if (st instanceof Stmt.Assign a && a.target().type() instanceof io.memsafe.ir.Type.Pointer && out.contains(Relations.memberOffset(a.target()))) {
                        Set<Long> from = new HashSet<>();
                        membersIn(a.value(), from);
                        grew |= out.addAll(from);
                    }
                }
            }
            return out;
        }

        /** Each operand of a comparison between pointers or of a pointer difference the function's statements compute. */
        private static void forComparedOperands(Function fn, java.util.function.Consumer<Expr> operand) {
            for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
                switch (st) {
                    case Stmt.Assign a -> compared(a.value(), operand);
                    case Stmt.Assume a -> compared(a.cond(), operand);
                    case Stmt.Call c -> c.args().forEach(e -> compared(e, operand));
                    case Stmt.Return r -> { if (r.value() != null) compared(r.value(), operand); }
                    default -> { }
                }
            }
        }

        private static void compared(Expr e, java.util.function.Consumer<Expr> operand) {
            switch (e) {
                case Expr.Binary b -> {
                    if (b.op() == Expr.BinOp.PTRDIFF || (b.op().isComparison() && (b.left().type() instanceof io.memsafe.ir.Type.Pointer
                            || b.right().type() instanceof io.memsafe.ir.Type.Pointer))) {
                        operand.accept(b.left());
                        operand.accept(b.right());
                    }
                    compared(b.left(), operand);
                    compared(b.right(), operand);
                }
                case Expr.Unary u -> compared(u.operand(), operand);
                case Expr.Cast c -> compared(c.operand(), operand);
                default -> { }
            }
        }

        private static void membersIn(Expr e, Set<Long> out) {
            switch (e) {
                case Expr.Load l when l.lv().type() instanceof io.memsafe.ir.Type.Pointer && Relations.memberOffset(l.lv()) >= 0 -> out.add(Relations.memberOffset(l.lv()));
                case Expr.Binary b -> { membersIn(b.left(), out); membersIn(b.right(), out); }
                case Expr.Cast c -> membersIn(c.operand(), out);
                default -> { }
            }
        }

        private static void pointersIn(Expr e, Set<Variable> out) {
            switch (e) {
                case Expr.Load l when l.lv() instanceof Lvalue.Var v && v.var().type instanceof io.memsafe.ir.Type.Pointer -> out.add(v.var());
                case Expr.Binary b -> { pointersIn(b.left(), out); pointersIn(b.right(), out); }
                case Expr.Cast c -> pointersIn(c.operand(), out);
                default -> { }
            }
        }

        private static void addressed(Expr e, Set<Variable> out) {
            switch (e) {
                case Expr.AddressOf a -> { Lvalue base = a.lv(); while (base instanceof Lvalue.Field f) base = f.base(); while (base instanceof Lvalue.Index i) { addressed(i.index(), out); base = i.base(); }
                    if (base instanceof Lvalue.Var v) out.add(v.var()); else addressed(base, out); }
                case Expr.Binary b -> { addressed(b.left(), out); addressed(b.right(), out); }
                case Expr.Unary u -> addressed(u.operand(), out);
                case Expr.Cast c -> addressed(c.operand(), out);
                case Expr.Load l -> addressed(l.lv(), out);
                default -> { }
            }
        }

        private static void addressed(Lvalue lv, Set<Variable> out) {
            switch (lv) {
                case Lvalue.Index i -> { addressed(i.index(), out); addressed(i.base(), out); }
                case Lvalue.Deref d -> addressed(d.pointer(), out);
                case Lvalue.Field f -> addressed(f.base(), out);
                default -> { }
            }
        }

        private static void collect(Stmt s, Set<Long> t) {
            switch (s) {
                case Stmt.Assign a -> { collect(a.value(), t); collect(a.target(), t); }
                case Stmt.Assume a -> collect(a.cond(), t);
                case Stmt.Call c -> c.args().forEach(e -> collect(e, t));
                case Stmt.Declare d -> { if (d.var().type.size() > 0) t.add(d.var().type.size()); if (d.var().type instanceof Type.Array a && a.length() > 0) t.add(a.length()); }
                case Stmt.Return r -> { if (r.value() != null) collect(r.value(), t); }
                default -> { }
            }
        }

        private static void collect(Lvalue lv, Set<Long> t) {
            switch (lv) {
                case Lvalue.Index i -> { collect(i.index(), t); collect(i.base(), t); }
                case Lvalue.Deref d -> collect(d.pointer(), t);
                case Lvalue.Field f -> collect(f.base(), t);
                default -> { }
            }
        }

        private static void collect(Expr e, Set<Long> t) {
            if (t.size() > 200) return;
            switch (e) {
                case Expr.IntConst c -> t.add(c.value());
                case Expr.Binary b -> { collect(b.left(), t); collect(b.right(), t); }
                case Expr.Unary u -> collect(u.operand(), t);
                case Expr.Cast c -> collect(c.operand(), t);
                case Expr.Load l -> collect(l.lv(), t);
                case Expr.AddressOf a -> collect(a.lv(), t);
                default -> { }
            }
        }
    }

    private final Interpreter in;
    private final Function fn;
    private final Shape shape;
    /** The last state each block that ends the function passed on (see {@link ReturnCases}). */
    private final Map<BasicBlock, State> exits = new HashMap<>();
    private List<State> exitCases;
    private SourceLoc nullReturned;

    FunctionFixpoint(Interpreter in, Function fn, Shape shape) {
        this.in = in;
        this.fn = fn;
        this.shape = shape;
    }

    private State transfer(BasicBlock b, State entry, Interpreter.Frame f) {
        in.budget.step(); // a block costs at least its copy, even when it has no statement
        State s = entry.copy();
        BasicBlock outerBlock = in.block;
        int outerIndex = in.index;
        try {
            in.block = b;
            for (int i = 0; i < b.stmts.size() && !s.bottom; i++) {
                in.index = i;
                in.exec(b.stmts.get(i), s, f);
            }
        } finally {
            in.block = outerBlock;
            in.index = outerIndex;
        }
        in.budget.regions(s.mem.size());
        return s;
    }

    /** Where paths meet at {@code b}: its first statement with a place. */
    private static SourceLoc joinedAt(BasicBlock b) {
        for (Stmt st : b.stmts) if (st.loc() != null && st.loc().line() > 0) return st.loc();
        return SourceLoc.NONE;
    }

    private final Map<BasicBlock, Set<Region>> invariantRegions = new HashMap<>(), deadRegions = new HashMap<>();

    /** The regions of the scalar variables the loop at {@code head} does not assign ({@link Shape#invariants}). */
    private Set<Region> invariantRegions(BasicBlock head) { return regions(shape.invariants(), head, invariantRegions); }

    private final Map<BasicBlock, InputDrivenLoops.Loop> loops = new HashMap<>();

    /** The integers the loop at {@code head} assigns and its exit tests ({@link InputDrivenLoops}), worked out once. */
    private InputDrivenLoops.Loop loop(BasicBlock head) {
        return loops.computeIfAbsent(head, h -> InputDrivenLoops.of(h, shape.loops().get(h), shape.addressTaken()));
    }

    /** The regions of the locals dead where {@code b} starts ({@link LiveLocals}): what they hold keeps no block alive. */
    private Set<Region> deadRegions(BasicBlock b) { return regions(shape.deadLocals(), b, deadRegions); }

    /** The regions of the variables {@code vars} gives {@code b}, worked out once per block. */
    private Set<Region> regions(Map<BasicBlock, Set<Variable>> vars, BasicBlock b, Map<BasicBlock, Set<Region>> known) {
        Set<Variable> of = vars.get(b);
        if (of == null) return Set.of();
        return known.computeIfAbsent(b, h -> {
            Set<Region> out = new HashSet<>();
            for (Variable v : of) out.add(in.region(v, fn));
            return out;
        });
    }

    /** Returns the state at the function's exit (bottom if it never returns). */
    State run(State entry, Interpreter.Frame frame) {
        Interpreter.Frame quiet = new Interpreter.Frame(frame.fn(), frame.depth(), frame.calls(), frame.parent(), false);
        Map<BasicBlock, State> states = new HashMap<>();
        Map<BasicBlock, Integer> visits = new HashMap<>();
        states.put(fn.entry, entry);
        TreeSet<Integer> work = new TreeSet<>();
        work.add(0);
        while (!work.isEmpty()) {
            BasicBlock b = shape.rpo().get(work.pollFirst());
            State produced = transfer(b, states.get(b), quiet);
            exiting(b, produced);
            if (produced.bottom) continue;
            for (BasicBlock n : b.succs) {
                Integer ni = shape.index().get(n);
                if (ni == null) continue;
                State old = states.get(n);
                // (the locals dead where n starts forget the blocks others hold too)
                State out = LiveLocals.forgetDead(deadRegions(n), produced, in.temporaries);
                State merged;
                if (old == null) merged = out;
                else if (out.cases != null && n.preds.size() == 1 && !shape.loopHeads().contains(n) && old.leq(out)) {
                    // the only predecessor's state grew: it replaces the old one with the outcomes of the call it
                    // ends with still apart (a join would merge them before the test that decides them)
                    merged = out;
                } else {
                    JoinedRelations.align(in, old, out, deadRegions(n));
                    merged = old.join(out);
                    if (!shape.loopHeads().contains(n)) {
                        Correlations.atJoin(in, fn, old, out, merged);
                        SomePaths.atJoin(in, fn, old, out, merged, joinedAt(n));
                    }
                    if (shape.loopHeads().contains(n)) {
                        int v = visits.merge(n, 1, Integer::sum);
                        if (v > WIDEN_AFTER) {
                            merged = old.widen(merged, v > WIDEN_AFTER + THRESHOLD_WIDENINGS ? NO_THRESHOLDS : shape.thresholds(), invariantRegions(n));
                            merged = InputDrivenLoops.taintCounters(in, fn, loop(n), merged, quiet);
                        }
                    }
                    if (merged.leq(old)) continue;
                }
                states.put(n, merged);
                work.add(ni);
            }
        }
        // narrowing: recompute every block's entry from its predecessors' exits
        if (!shape.loopHeads().isEmpty()) {
            for (int pass = 0; pass < NARROWING_PASSES; pass++) {
                Map<BasicBlock, State> outs = new HashMap<>();
                for (BasicBlock b : shape.rpo()) {
                    State cur = states.get(b);
                    if (cur == null) continue;
                    if (b != fn.entry) {
                        State fresh = null;
                        for (BasicBlock p : b.preds) {
                            State po = outs.get(p);
                            if (po == null && states.get(p) != null && shape.index().containsKey(p)
                                    && shape.index().get(p) >= shape.index().get(b)) {
                                // a back edge: its source is not recomputed yet in this pass, use its last state
                                po = transfer(p, states.get(p), quiet);
                            }
                            if (po == null || po.bottom) continue;
                            po = LiveLocals.forgetDead(deadRegions(b), po, in.temporaries);
                            if (fresh == null) fresh = po;
                            else {
                                JoinedRelations.align(in, fresh, po, deadRegions(b));
                                State joined = fresh.join(po);
                                if (!shape.loopHeads().contains(b)) {
                                    Correlations.atJoin(in, fn, fresh, po, joined);
                                    SomePaths.atJoin(in, fn, fresh, po, joined, joinedAt(b));
                                }
                                fresh = joined;
                            }
                        }
                        if (fresh == null) { states.remove(b); exits.remove(b); continue; }
                        cur = shape.loopHeads().contains(b) ? cur.narrow(fresh) : fresh;
                        states.put(b, cur);
                    }
                    State out = transfer(b, cur, quiet);
                    outs.put(b, out);
                    exiting(b, out);
                }
            }
        }
        if (keepStable) {
            // states are changed in place below (the leaks of the exit and of its cases collected): the
            // reporting pass needs them as they are now (a copy shares all it can with its original)
            stable = new HashMap<>();
            states.forEach((b, st) -> stable.put(b, st.copy()));
            stableEntry = entry.copy();
            stepsWhenStable = in.budget.steps();
            onStable.run();
        }
        if (frame.report()) reportingPass(states, entry, frame, quiet);
        State exit = states.get(fn.exit);
        if (exit != null && ReturnCases.splits(fn)) {
            List<State> last = new ArrayList<>();
            for (BasicBlock b : shape.rpo()) if (exits.containsKey(b)) last.add(exits.get(b));
            exitCases = ReturnCases.group(in, fn, last, lastStatement());
            if (exitCases != null) for (State c : exitCases) Leaks.collect(fn, c);
            nullReturned = ReturnedNull.at(fn, shape.rpo(), shape.loopHeads(), exits);
        }
        if (exit == null) return State.unreachable();
        // what the function lost is reported above (in its reporting pass): its callers do not see it again
        Leaks.collect(fn, exit);
        exit.cases = null;
        return exit;
    }

    /**
     * The reporting pass over the fixpoint's states: each block once more with the reporting frame, the
     * releases apart where paths meet, leaks and escapes at the exit, then the runs with input-decided
     * tests forced ({@link AttackerChoices}). It leaves the states as they are.
     */
    private void reportingPass(Map<BasicBlock, State> states, State entry, Interpreter.Frame frame, Interpreter.Frame quiet) {
        Set<String> reported = new HashSet<>();
        // what this pass reports, so that the runs with input-decided tests forced add only what is new
        Checker.Context outer = in.reporter;
        Set<String> lifecycle = new HashSet<>();
        in.reporter = (checker, loc, message, trace) -> {
            reported.add(AttackerChoices.ident(checker, loc, message));
            if (RELEASE_RULES.contains(checker.rule().id())) lifecycle.add(checker.rule().id() + " " + loc);
            outer.report(checker, loc, message, trace);
        };
        Map<BasicBlock, State> outerEntries = in.loopEntries;
        in.loopEntries = new HashMap<>();
        try {
            List<Map.Entry<SourceLoc, State>> returns = new ArrayList<>();
            for (BasicBlock b : shape.rpo()) {
                State s = states.get(b);
                if (s == null || s.bottom) continue;
                State out = transfer(b, s, frame);
                if (entersLoop(b)) in.loopEntries.put(b, out);
                if (b.succs.contains(fn.exit) && !out.bottom) returns.add(Map.entry(returnAt(b), out));
                // only where the join made a block "maybe freed" can one incoming path have freed it for sure
                if (b.preds.size() > 1 && s.freed.values().stream().anyMatch(l -> !l.must()) && releases(b)) {
                    releasesApart(b, states, quiet, frame, lifecycle);
                }
            }
            State exit = states.get(fn.exit);
            if (exit != null && in.forced == null) {
                Leaks.atReturns(in, fn, exit, returns, frame);
                Leaks.atExit(in, fn, exit, lastStatement(), frame);
            }
            if (exit != null) FrameEscapes.check(in, fn, exit, lastStatement(), frame);
        } finally {
            in.reporter = outer;
            in.loopEntries = outerEntries;
        }
        if (in.forced == null) AttackerChoices.replay(in, fn, shape, states, entry, frame, reported);
    }

    /** Does {@code b} go into a loop from outside it? */
    private boolean entersLoop(BasicBlock b) {
        for (BasicBlock t : b.succs) {
            Set<BasicBlock> loop = shape.loops().get(t);
            if (loop != null && !loop.contains(b)) return true;
        }
        return false;
    }

    /** Keep the states of the run once stable, for a reporting pass later ({@link #reportAgain}); then call {@link #onStable}. */
    private boolean keepStable;
    private Runnable onStable;
    private Map<BasicBlock, State> stable;
    private State stableEntry;
    private long stepsWhenStable;

    FunctionFixpoint keepStable(Runnable then) {
        keepStable = true;
        onStable = then;
        return this;
    }

    /** The budget's step count when the states of the last run became stable (with {@link #keepStable}). */
    long stepsWhenStable() { return stepsWhenStable; }

    /**
     * The reporting pass of the last run (made with {@link #keepStable}) on its stable states, as a
     * run with the reporting frame {@code frame} would make it after computing them again.
     */
    void reportAgain(Interpreter.Frame frame) {
        Interpreter.Frame quiet = new Interpreter.Frame(frame.fn(), frame.depth(), frame.calls(), frame.parent(), false);
        reportingPass(stable, stableEntry, frame, quiet);
    }

    /** The place of the last statement of a block that has one in the source, or null. */
    private static SourceLoc lastLoc(BasicBlock b) {
        for (int i = b.stmts.size() - 1; i >= 0; i--) {
            SourceLoc l = b.stmts.get(i).loc();
            if (l != null && l.line() > 0) return l;
        }
        return null;
    }

    /** The rules of a release repeated or followed by a use: checked edge by edge where paths meet. */
    private static final Set<String> RELEASE_RULES = Set.of("MS415", "MS416");

    /** Does the block release memory (a free, a call of a deallocator)? */
    private static boolean releases(BasicBlock b) {
        for (Stmt st : b.stmts) {
            if (st instanceof Stmt.Free) return true;
            if (st instanceof Stmt.Call c && io.memsafe.models.LibraryModels.releasedArgument(c.callee()) >= 0) return true;
        }
        return false;
    }

    /**
     * A block where paths meet and memory is released: each incoming edge's state runs through it on
     * its own, and only double frees and uses after free that the joined state did not already give
     * are reported. Joined with a path that did not free it, a block freed on the other is only
     * "maybe freed", which is not reported; every path through the edge that freed it frees it again
     * (an error label reached by falling through the cleanup above it: {@code kfree(slot->key);
     * kfree(slot); err_key: kfree(key);}).
     */
    private void releasesApart(BasicBlock b, Map<BasicBlock, State> states, Interpreter.Frame quiet, Interpreter.Frame frame, Set<String> lifecycle) {
        Checker.Context outer = in.reporter;
        try {
            for (BasicBlock p : b.preds) {
                State ps = states.get(p);
                if (ps == null || ps.bottom || !shape.index().containsKey(p)) continue;
                State po = transfer(p, ps, quiet);
                if (po.bottom) continue;
                // the trace names the path: where it comes from into the block
                SourceLoc from = lastLoc(p);
                in.reporter = (checker, loc, message, trace) -> {
                    if (!RELEASE_RULES.contains(checker.rule().id()) || !lifecycle.add(checker.rule().id() + " " + loc)) return;
                    List<TraceStep> t = new ArrayList<>(trace);
                    if (from != null) t.add(new TraceStep(from, "on the path that comes from here"));
                    outer.report(checker, loc, message, t);
                };
                transfer(b, po, frame);
            }
        } finally {
            in.reporter = outer;
        }
    }

    private void exiting(BasicBlock b, State out) {
        if (b.succs.contains(fn.exit) && ReturnCases.splits(fn)) exits.put(b, out);
    }

    /** Where the function returns NULL, when it returns an object on other paths too (after {@link #run}; else null). */
    SourceLoc nullReturned() { return nullReturned; }

    /** The exit states by return value after {@link #run} (null when they do not split). */
    List<State> exitCases() { return exitCases; }

    /** Where block {@code b} returns: its return statement, else (falling off the end) the function's last statement. */
    private SourceLoc returnAt(BasicBlock b) {
        for (int i = b.stmts.size() - 1; i >= 0; i--) {
            if (b.stmts.get(i) instanceof Stmt.Return r && r.loc() != null && r.loc().line() > 0) return r.loc();
        }
        return lastStatement();
    }

    /** Where a function ends, as far as the IR tells: its statement furthest down in the source. */
    private SourceLoc lastStatement() {
        SourceLoc last = fn.loc;
        for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
            SourceLoc l = st.loc();
            if (l != null && l.file().equals(fn.loc.file()) && l.line() > last.line()) last = l;
        }
        return last;
    }
}
