package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import io.memsafe.models.FunctionModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A callee's exits split by what it returns, so that the caller's test of the result keeps what
 * the callee established on that outcome: {@code if (parse(s, &month)) return; days[month]} — the
 * callee returns 0 only where {@code month} is in range, and joining its exits would lose that (the
 * status-and-out-parameter idiom; Infer's Pulse keeps one disjunct per outcome, Clang's analyzer
 * one path).
 * <ul>
 * <li>A function returning an integer or a pointer gets its exits grouped by return value: each
 *     number or range (0, -1, [1, 5]) and "some object" (or an object that may be NULL as the
 *     caller's own pointer may) apart from NULL; ranges that overlap stay apart too while there are at
 *     most {@link #MAX_CASES} groups (a loop that returns the bytes it read whether or not it stored
 *     the value it decoded), and are merged past that. None for a value the analysis knows nothing
 *     of (no object it may designate).</li>
 * <li>A call whose result its caller tests right away (the call ends its block, its result is copied
 *     at most into locals, every successor starts with a test of one of them) gets one caller state
 *     per group beside the joined one ({@link State#cases}). The test is then decided in each, and
 *     the states that pass are joined. Any other statement drops them: the cost is a few copies of
 *     the caller's state at such calls only.</li>
 * </ul>
 */
final class ReturnCases {
    private ReturnCases() { }

    static final int MAX_CASES = 4;

    /** Does the function return something its exits can be split by? */
    static boolean splits(Function fn) {
        Type r = fn.type == null ? null : fn.type.returnType();
        return r instanceof Type.Int || r instanceof Type.Pointer;
    }

    /**
     * The exit states of a function grouped by return value (each group's states joined), in a
     * deterministic order; null when there is one group only, a value is unknown, or too many groups.
     */
    static List<State> group(Interpreter in, Function fn, List<State> exits, io.memsafe.ir.SourceLoc at) {
        if (exits.size() < 2) return null;
        Region ret = Interpreter.returnRegion(fn);
        List<Value> values = new ArrayList<>();
        List<State> states = new ArrayList<>();
        for (State x : exits) {
            if (x.bottom) continue;
            Value v = x.contents(ret).load(Interval.ZERO, 8);
            // (an object or NULL is a group of its own, apart from the exits that return NULL only: &t->items[0]
            // of a block the caller handed over, which may be NULL as the caller's pointer may; so is a pointer
            // into known blocks moved by a count the analysis does not know, p->points + p->npoints)
            if (v.unknown && v.pts.isEmpty() || v.isBottom() || (v.isPointer() && !v.num.isBottom() && !v.num.equals(Interval.ZERO))) return null;
            boolean merged = false;
            for (int i = 0; i < values.size() && !merged; i++) {
                if (alike(values.get(i), v)) {
                    values.set(i, values.get(i).join(v));
                    states.set(i, join(in, fn, states.get(i), x, at));
                    merged = true;
                }
            }
            if (!merged) {
                values.add(v);
                states.add(x);
            }
        }
        // exits whose results overlap stay apart while there are few: a test of the result that lets
        // both through joins them where it is ({@link #after}), and what one wrote and the other did not
        // is then written on some paths only; past MAX_CASES, joining two groups can make a group
        // overlap a third: merge until none do
        for (boolean again = states.size() > MAX_CASES; again; ) {
            again = false;
            for (int i = 0; i < values.size() && !again; i++) {
                for (int j = i + 1; j < values.size() && !again; j++) {
                    if (overlap(values.get(i), values.get(j))) {
                        values.set(i, values.get(i).join(values.remove(j)));
                        states.set(i, join(in, fn, states.get(i), states.remove(j), at));
                        again = true;
                    }
                }
            }
        }
        if (states.size() < 2 || states.size() > MAX_CASES) return null;
        for (State st : states) st.cases = null;
        return Collections.unmodifiableList(states);
    }

    /**
     * Two exits with the same outcome joined as the exit block joins them: a block one of them freed and
     * the other kept is freed on some paths of that outcome ({@link SomePaths}), which the caller's test
     * of the result does not decide (a reserve function that returns 0 whether or not it grew the array).
     */
    private static State join(Interpreter in, Function fn, State a, State b, io.memsafe.ir.SourceLoc at) {
        State m = a.join(b);
        SomePaths.atJoin(in, fn, a, b, m, at);
        return m;
    }

    /** Two return values no test can tell apart: the same numbers, or objects (non-NULL, which all look alike). */
    private static boolean alike(Value a, Value b) {
        if (a.isPointer() && b.isPointer()) return true;
        return !a.isPointer() && !b.isPointer() && a.num.equals(b.num);
    }

    /** Two return values some execution could tell apart? Objects (non-NULL) all look alike. */
    private static boolean overlap(Value a, Value b) {
        if (a.isPointer() && b.isPointer()) return true;
        if (a.isPointer() || b.isPointer()) return false;
        return !a.num.meet(b.num).isBottom();
    }

    /**
     * The calls of a function whose result is tested right after: the call is its block's last
     * statement but for copies of the result into locals, and each successor begins with a test.
     */
    static Set<Stmt.Call> tested(Function fn) {
        Set<Stmt.Call> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BasicBlock b : fn.blocks) {
            Stmt.Call call = null;
            Set<Variable> names = new HashSet<>();
            for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Call c && c.result() instanceof Lvalue.Var v) {
                    call = c;
                    names.clear();
                    names.add(v.var());
                } else if (call != null && copied(st, names::contains) != null) {
                    names.add(copied(st, names::contains));
                } else if (call == null || !declaresAnother(st, names::contains)) call = null;
            }
            if (call == null || b.succs.isEmpty()) continue;
            boolean all = true;
            for (BasicBlock n : b.succs) {
                if (n.preds.size() != 1 || n.stmts.isEmpty() || !(n.stmts.get(0) instanceof Stmt.Assume a) || !reads(a.cond(), names::contains)) all = false;
            }
            if (all) out.add(call);
        }
        return out;
    }

    /**
     * Does the statement only declare a variable other than the {@code tested} ones ({@code struct sym *u;}
     * between {@code tgt = find(t, k);} and {@code if (tgt == NULL)}): it changes no outcome.
     */
    private static boolean declaresAnother(Stmt st, Predicate<Variable> tested) {
        return st instanceof Stmt.Declare d && !tested.test(d.var());
    }

    /** The local a statement copies a {@code tested} variable into, or null. */
    private static Variable copied(Stmt st, Predicate<Variable> tested) {
        if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var t && !t.var().isGlobalStorage()
                && strip(a.value()) instanceof Expr.Load l && l.lv() instanceof Lvalue.Var src && tested.test(src.var())) {
            return t.var();
        }
        return null;
    }

    /** Does the expression read a {@code tested} variable? */
    static boolean reads(Expr e, Predicate<Variable> tested) {
        return switch (e) {
            case Expr.Load l -> l.lv() instanceof Lvalue.Var v && tested.test(v.var());
            case Expr.Binary b -> reads(b.left(), tested) || reads(b.right(), tested);
            case Expr.Unary u -> reads(u.operand(), tested);
            case Expr.Cast c -> reads(c.operand(), tested);
            default -> false;
        };
    }

    private static Expr strip(Expr e) {
        while (e instanceof Expr.Cast c) e = c.operand();
        return e;
    }

    /**
     * After a statement ran on {@code s}, which had {@code cases} before it: a copy of the result (or
     * the declaration of another variable) carries the cases on, a test of it decides them (the states
     * that pass, joined, replace {@code s}), anything else ends them.
     */
    static void after(Interpreter in, Stmt st, State.Cases cases, State s, Interpreter.Frame f) {
        Interpreter.Frame quiet = new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false);
        Predicate<Variable> tested = v -> !v.isGlobalStorage() && cases.tested().contains(in.region(v, f.fn()));
        if (st instanceof Stmt.Assume a && reads(a.cond(), tested)) {
            State joined = State.unreachable();
            for (State c : cases.states()) {
                State x = c.copy();
                // (an outcome whose result is a range may be paths that met inside the callee with different
                // results, a store on the way to one of them: the test may tell those apart)
                in.testDecidedByOutcome = singleResult(cases, c);
                try {
                    in.exec(st, x, quiet);
                } finally {
                    in.testDecidedByOutcome = false;
                }
                if (x.bottom) continue;
                // outcomes the test lets through alike: what one of them wrote and another did not is
                // written on some paths only, and this test does not decide which (the callee returns a
                // count either way, and sets the out-parameter on one of those ways only)
                State m = joined.join(x);
                if (!joined.bottom) SomePaths.atJoin(in, f.fn(), joined, x, m, st.loc());
                joined = m;
            }
            joined.cases = null;
            s.assign(joined);
            return;
        }
        Variable copy = copied(st, tested);
        if (copy != null || declaresAnother(st, tested)) {
            List<State> next = new ArrayList<>(cases.states().size());
            for (State c : cases.states()) {
                State x = c.copy();
                in.exec(st, x, quiet);
                if (!x.bottom) next.add(x);
            }
            Set<Region> regions = new HashSet<>(cases.tested());
            if (copy != null) regions.add(in.region(copy, f.fn()));
            s.cases = new State.Cases(next, regions);
        }
    }

    /** Does the tested result hold one number (or some object, or NULL) in this outcome? */
    private static boolean singleResult(State.Cases cases, State c) {
        for (Region r : cases.tested()) {
            Value v = c.contents(r).load(Interval.ZERO, Math.max(1, r.size.constant() instanceof Long n ? n : 8));
            if (!v.isPointer() && !v.num.isSingleton()) return false;
        }
        return true;
    }

    /**
     * A library function that returns a negative value on failure and a count or success status
     * otherwise ({@code read}: -1 or the bytes read), its result stored in a local the caller tests
     * right away (or copied into locals first): the two outcomes stay apart until the test, as a
     * callee's do ({@link ReturnCases}). Copied into an unsigned variable ({@code size_t n = read(...)}),
     * -1 becomes the largest value and one interval holding both would lose the count's bound:
     * {@code n == (size_t)-1} decides it.
     */
    static boolean failureApart(Interpreter in, FunctionModel m, Stmt.Call c, Value result, State s, Interpreter.Frame f) {
        if (!(m.returns() instanceof io.memsafe.models.Returns.Range) || !(c.result() instanceof Lvalue.Var v) || f.fn() == null || s.bottom
                || !(v.type() instanceof Type.Int i) || result.unknown || result.isPointer() || result.num.isBottom()
                || result.num.lo() >= 0 || result.num.hi() < 0 || !in.shape(f.fn()).testedCalls().contains(c)) return false;
        Interpreter.Frame quiet = new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false);
        List<State> states = new ArrayList<>(2);
        for (Interval part : List.of(Interval.of(result.num.lo(), -1), Interval.of(0, result.num.hi()))) {
            State st = s.copy();
            in.store(c.result(), ValueArithmetic.wrap(result.withNum(part), i), st, quiet);
            LibraryRelations.returnedAtMost(in, m, c, st, f);
            states.add(st);
        }
        in.storeResult(c, result, s, f);
        s.cases = new State.Cases(states, Set.of(in.region(v.var(), f.fn())));
        return true;
    }
}
