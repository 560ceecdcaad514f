package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Branches the input decides. The merge of two paths keeps "NULL on one path" and "written on one
 * path" as maybe, and the NULL and uninitialised-read checkers report only what holds on every path,
 * since a merge cannot tell a real path from correlated branches. When the branch that splits the
 * paths tests an untrusted value against a constant ({@code if (value == MAGIC)}, {@code if (n > 16)},
 * or a plain truth test of it), whoever supplies the input picks the path: the function's reporting pass
 * is run again once with the test forced each way, and what the checkers find on those paths only
 * is reported with the test in the trace. Every test of the same expression in the function goes the
 * same way in a forced run (a flag tested twice stays consistent).
 * <p>The result of a function the scan has no body of decides its test the same way: two calls of it
 * return values of their own, as in Clang's analyzer and Infer, so each outcome of each test is a
 * path the program can take. Those tests are forced only where a merge lost what the lifetime
 * checkers need (a block freed on some paths only; a pointer to storage of different kinds,
 * allocators or lifetimes on different paths): {@code p = coin() ? buf : malloc(n); ... free(p)}; and
 * only what those checkers find on such paths is reported (an unknown function may well always answer
 * the same, which makes the other rules' findings there as often wrong as right).
 * <p>Kept cheap: a value compared with several constants is a dispatch (a {@code switch} on a
 * command code), each of whose arms the ordinary run already reaches, and is not forced; at most
 * {@link #MAX_CONDITIONS} tests per function.
 */
final class AttackerChoices {
    static final int MAX_CONDITIONS = 2;

    private AttackerChoices() { }

    /**
     * A test forced one way while a function's reporting pass runs again. No leak is reported from a
     * forced run: a block allocated on a path that the forced test then leaves still exists in the
     * merged state, with nothing pointing to it (the merge does not say that it exists only where the
     * pointer does), so a leak there is no evidence.
     */
    record Forced(Function fn, String key, boolean truth) {
        /** The truth the forced run gives {@code cond} in {@code f}, or null if it is another test. */
        Boolean truthOf(Function f, Expr cond) {
            if (f != fn) return null;
            boolean negated = false;
            while (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT || cond instanceof Expr.Cast) {
                if (cond instanceof Expr.Unary u) { negated = !negated; cond = u.operand(); }
                else cond = ((Expr.Cast) cond).operand();
            }
            return key.equals(AttackerChoices.key(cond, fn)) ? truth != negated : null;
        }
    }

    /** A test ({@code key}) at {@code at} of the untrusted value {@code subject}; {@code decider} says who decides it. */
    private record Candidate(String key, SourceLoc at, String subject, String decider) { }

    /**
     * After the reporting pass of {@code fn} (whose findings so far are {@code reported}): the runs with
     * each input-decided test forced, reporting what only they find.
     */
    static void replay(Interpreter in, Function fn, FunctionFixpoint.Shape shape, Map<BasicBlock, State> states, State entry,
                       Interpreter.Frame frame, Set<String> reported) {
        if (in.forced != null) return;
        List<Candidate> cands = candidates(in, fn, shape, states, frame);
        if (cands.isEmpty()) return;
        Checker.Context outer = in.reporter;
        for (Candidate c : cands) {
            for (boolean truth : new boolean[]{false, true}) {
                List<Summaries.Reported> got = new ArrayList<>();
                in.reporter = (checker, loc, message, trace) -> got.add(new Summaries.Reported(checker, loc, message, List.copyOf(trace)));
                in.forced = new Forced(fn, c.key(), truth);
                boolean finished;
                try {
                    // the forced runs only add findings: they give back the steps and time they take, and one that
                    // runs out of budget reports nothing (the analysis it serves goes on as if it had not run)
                    finished = in.budget.aside(() -> new FunctionFixpoint(in, fn, shape).run(entry.copy(), frame));
                } finally {
                    in.forced = null;
                    in.reporter = outer;
                }
                if (!finished) continue;
                for (Summaries.Reported r : got) {
                    // a path an unseen function's result picks is evidence for what it was forced for: the lifetime rules
                    if (c.decider() != null && !lifetimeRule(r.checker())) continue;
                    if (!reported.add(ident(r.checker(), r.loc(), r.message()))) continue;
                    List<TraceStep> t = new ArrayList<>(r.trace());
                    t.add(new TraceStep(c.at(), c.decider() == null
                            ? "the input decides this test: on the path where it is " + truth + ", which whoever supplies the input can take"
                            : c.decider() + " decides this test: on the path where it is " + truth));
                    outer.report(r.checker(), r.loc(), r.message(), t);
                }
            }
        }
    }

    /** The rules about a block's lifetime: use after free, double free, free of non-heap storage, mismatched or offset release. */
    private static final Set<Integer> LIFETIME_CWES = Set.of(415, 416, 590, 761, 762);

    private static boolean lifetimeRule(Checker checker) {
        Rule rule = checker.getClass().getAnnotation(Rule.class);
        return rule != null && LIFETIME_CWES.contains(rule.cwe());
    }

    static String ident(Checker checker, SourceLoc loc, String message) {
        return checker.getClass().getName() + "|" + loc + "|" + message;
    }

    /** The input-decided tests of {@code fn}, in block order, at most {@link #MAX_CONDITIONS}. */
    private static List<Candidate> candidates(Interpreter in, Function fn, FunctionFixpoint.Shape shape, Map<BasicBlock, State> states,
                                              Interpreter.Frame frame) {
        Interpreter.Frame quiet = new Interpreter.Frame(frame.fn(), frame.depth(), frame.calls(), frame.parent(), false);
        Map<String, Candidate> found = new LinkedHashMap<>();
        // the constants each tested value is compared with: several make a dispatch
        Map<String, Set<Long>> constants = new HashMap<>();
        Map<Variable, String> unseen = lifecycleApart(states) ? unseenResults(in, fn) : Map.of();
        for (BasicBlock b : shape.rpo()) {
            State s = states.get(b);
            if (s == null || s.bottom) continue;
            int lastTest = -1;
            for (int i = 0; i < b.stmts.size(); i++) if (b.stmts.get(i) instanceof Stmt.Assume) lastTest = i;
            // a test in a loop decides how often it runs, and what it reads may change from one turn to the next
            if (lastTest < 0 || inLoop(b)) continue;
            State cur = s.copy();
            for (int i = 0; i <= lastTest && !cur.bottom; i++) {
                Stmt st = b.stmts.get(i);
                if (st instanceof Stmt.Assume as) inspect(in, fn, as.cond(), cur, quiet, as.loc(), found, constants, unseen);
                if (i < lastTest) in.exec(st, cur, quiet);
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : found.values()) {
            if (constants.getOrDefault(c.subject(), Set.of()).size() > 1) continue;
            out.add(c);
            if (out.size() == MAX_CONDITIONS) break;
        }
        return out;
    }

    private static boolean inLoop(BasicBlock b) {
        Set<BasicBlock> seen = new HashSet<>();
        List<BasicBlock> todo = new ArrayList<>(b.succs);
        while (!todo.isEmpty()) {
            BasicBlock n = todo.remove(todo.size() - 1);
            if (n == b) return true;
            if (seen.add(n)) todo.addAll(n.succs);
        }
        return false;
    }

    /**
     * The temporaries holding what a call to a function the scan has no body of returned, by the
     * function's name. Two such calls give values of their own, as each call of an unknown function
     * does in Clang's analyzer and Infer: the test of one says nothing of the other.
     */
    private static Map<Variable, String> unseenResults(Interpreter in, Function fn) {
        Map<Variable, String> out = new HashMap<>();
        for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) {
            if (st instanceof Stmt.Call c && c.callee() != null && c.result() instanceof Lvalue.Var v && v.var().kind == Variable.Kind.TEMP
                    && in.program.resolve(fn.unit, c.callee()) == null) out.put(v.var(), c.callee());
        }
        return out;
    }

    /**
     * Do the merged states lose what the lifetime checkers need — a block freed on some paths only, or
     * a pointer that designates storage of different kinds or allocators on different paths? Only then
     * are tests of unseen functions' results forced (each costs a run of the function).
     */
    private static boolean lifecycleApart(Map<BasicBlock, State> states) {
        for (State s : states.values()) {
            if (s == null || s.bottom) continue;
            for (io.memsafe.analysis.domain.Lifetime l : s.freed.values()) if (!l.must()) return true;
            for (io.memsafe.analysis.domain.Contents c : s.mem.values()) {
                if (mixed(c.rest, s)) return true;
                for (io.memsafe.analysis.domain.Contents.Cell cell : c.cells.values()) if (mixed(cell.value(), s)) return true;
            }
        }
        return false;
    }

    /** A pointer to heap blocks of different allocators, to the heap and to other storage, or to a freed block and a live one. */
    private static boolean mixed(Value v, State s) {
        if (v.pts.size() < 2) return false;
        String first = null;
        for (io.memsafe.analysis.domain.Region r : v.pts.keySet()) {
            String k = r.kind == io.memsafe.analysis.domain.Region.Kind.HEAP ? r.family + (s.lifetime(r) != null) : r.kind.name();
            if (first == null) first = k;
            else if (!first.equals(k)) return true;
        }
        return false;
    }

    private static void inspect(Interpreter in, Function fn, Expr cond, State s, Interpreter.Frame quiet, SourceLoc at,
                                Map<String, Candidate> found, Map<String, Set<Long>> constants, Map<Variable, String> unseen) {
        while (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT || cond instanceof Expr.Cast) {
            cond = cond instanceof Expr.Unary u ? u.operand() : ((Expr.Cast) cond).operand();
        }
        String key = key(cond, fn);
        if (key == null) return;
        if (cond instanceof Expr.Binary b) {
            if (!b.op().isComparison()) return;
            Value l = in.eval(b.left(), s, quiet), r = in.eval(b.right(), s, quiet);
            Value tested = l.taint != null && r.taint == null ? l : r.taint != null && l.taint == null ? r : null;
            Value other = tested == l ? r : l;
            if (tested == null || other.constant() == null || !tested.pts.isEmpty()) return;
            // a test both of whose outcomes the value's range allows (a threshold the input may or may not pass)
            Boolean decided = ValueArithmetic.truth(in.eval(b, s, quiet));
            if (decided != null) return;
            String subject = key(tested == l ? b.left() : b.right(), fn);
            // (only equalities make a dispatch: a value compared with several thresholds is still one choice each)
            if (b.op() == Expr.BinOp.EQ || b.op() == Expr.BinOp.NE) constants.computeIfAbsent(subject, x -> new HashSet<>()).add(other.constant());
            found.putIfAbsent(key, new Candidate(key, at, subject, null));
        } else if (cond instanceof Expr.Load l && !(cond.type() instanceof io.memsafe.ir.Type.Pointer)) {
            // (a pointer tested for NULL: a check, not a choice between two values the code trusts)
            Value v = in.eval(cond, s, quiet);
            String callee = l.lv() instanceof Lvalue.Var var ? unseen.get(var.var()) : null;
            if (callee != null && v.unknown && v.num.isBottom() && v.pts.isEmpty()) {
                found.putIfAbsent(key, new Candidate(key, at, key, "the result of " + callee + "() (its body is not in the scan)"));
                return;
            }
            if (v.taint == null || !v.pts.isEmpty() || v.constant() != null) return;
            found.putIfAbsent(key, new Candidate(key, at, key, null));
        }
    }

    /**
     * A test's shape without source positions, so every test of the same expression has the same key;
     * null for what the forced runs leave alone (a test of something else than the function's own
     * variables and their fields: a global may be changed by the callees the run analyses, what a
     * pointer designates by whatever else points there).
     */
    static String key(Expr e, Function fn) {
        StringBuilder sb = new StringBuilder();
        return key(e, fn, sb) ? sb.toString() : null;
    }

    private static boolean key(Expr e, Function fn, StringBuilder sb) {
        switch (e) {
            case Expr.IntConst c -> { sb.append(c.value()); return true; }
            case Expr.Cast c -> { return key(c.operand(), fn, sb); }
            case Expr.Unary u -> { sb.append(u.op()).append('('); boolean ok = key(u.operand(), fn, sb); sb.append(')'); return ok; }
            case Expr.Binary b -> {
                sb.append(b.op()).append('(');
                boolean ok = key(b.left(), fn, sb);
                sb.append(',');
                ok &= key(b.right(), fn, sb);
                sb.append(')');
                return ok;
            }
            case Expr.Load l -> { return key(l.lv(), fn, sb); }
            default -> { return false; }
        }
    }

    private static boolean key(Lvalue lv, Function fn, StringBuilder sb) {
        switch (lv) {
            case Lvalue.Var v -> {
                if (v.var().kind != Variable.Kind.LOCAL && v.var().kind != Variable.Kind.PARAM && v.var().kind != Variable.Kind.TEMP) return false;
                sb.append('v').append(v.var().id);
                return true;
            }
            case Lvalue.Field f -> { boolean ok = key(f.base(), fn, sb); sb.append('.').append(f.name()); return ok; }
            default -> { return false; }
        }
    }
}
