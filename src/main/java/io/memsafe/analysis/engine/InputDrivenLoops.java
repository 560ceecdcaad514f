package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counters of loops whose number of passes the input decides. A loop that runs while {@code pos < len}
 * for an untrusted {@code len}, or until a byte of the input says stop, makes as many passes as the
 * attacker wants; a variable it adds to on each pass and no test of its own bounds ({@code
 * words[nw++] = v} in a parser of groups) grows as far as the input says. Widening extrapolates such a
 * counter to infinity, and a bound extrapolated by widening is otherwise no evidence (a loop of unknown
 * trip count); here the extrapolation is the input's choice, so the counter takes the input's taint, as
 * a loop index compared with an untrusted bound does ({@link Refinement#constrain}). Smatch's
 * user-controlled loop counts, Coverity's tainted loop bounds.
 *
 * <p>What stays quiet: a counter a test on the way to the loop's head compares, or that indexes an
 * element such a test reads (the test, not the input, bounds it), a counter the relations tie to a bounded one ({@code n <= i < len} into a
 * block of {@code len}), and every counter of a loop whose exits test no untrusted value.
 */
final class InputDrivenLoops {
    private InputDrivenLoops() { }

    /** A loop's integer variables it assigns, and the tests on its exit edges. */
    record Loop(List<Variable> assigned, List<Stmt.Assume> exitTests) {
        static final Loop NONE = new Loop(List.of(), List.of());
    }

    /** The loop at {@code head} with {@code body}. */
    static Loop of(BasicBlock head, Set<BasicBlock> body, Set<Variable> addressTaken) {
        if (body == null) return Loop.NONE;
        Set<Variable> assigned = new LinkedHashSet<>(), compared = new HashSet<>();
        List<Stmt.Assume> tests = new ArrayList<>();
        // (in the order of the blocks: the first untrusted test names the loop's driver in reports)
        for (BasicBlock b : body.stream().sorted(java.util.Comparator.comparingInt(x -> x.id)).toList()) {
            for (Stmt st : b.stmts) {
                if (st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var v && v.var().type instanceof Type.Int
                        && v.var().kind != Variable.Kind.TEMP && !v.var().isGlobalStorage() && !addressTaken.contains(v.var())) {
                    // (a temporary holds what a variable of the code held, {@code pos++}'s old value: the variable decides)
                    assigned.add(v.var());
                }
            }
            for (BasicBlock e : b.succs) {
                if (!body.contains(e) && !e.stmts.isEmpty() && e.stmts.get(0) instanceof Stmt.Assume a) {
                    tests.add(a);
                    compared(a.cond(), compared);
                }
            }
        }
        // the tests on the way to the loop's head: of the loop itself, of a loop it is in, before it (a
        // loop's first pass the lowering copied out of it, with the outer test that bounds the counter)
        java.util.ArrayDeque<BasicBlock> todo = new java.util.ArrayDeque<>(List.of(head));
        Set<BasicBlock> reaching = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            BasicBlock b = todo.poll();
            for (Stmt st : b.stmts) if (st instanceof Stmt.Assume a) compared(a.cond(), compared);
            for (BasicBlock p : b.preds) if (reaching.add(p)) todo.add(p);
        }
        // a counter a test on the way to the loop compares bounds itself: the test, not the input, says how far it goes
        // (against an untrusted bound it takes that bound's taint there, Refinement#constrain)
        assigned.removeAll(compared);
        if (assigned.isEmpty() || tests.isEmpty()) return Loop.NONE;
        return new Loop(List.copyOf(assigned), tests);
    }

    /**
     * After widening at a loop head: each integer the loop assigns that widening sent to infinity, with no
     * taint of its own, takes the taint of an untrusted value an exit of the loop tests.
     */
    static State taintCounters(Interpreter in, Function fn, Loop loop, State widened, Interpreter.Frame quiet) {
        if (loop.assigned().isEmpty() || widened.bottom) return widened;
        List<Variable> grown = new ArrayList<>();
        for (Variable v : loop.assigned()) {
            Value cur = load(widened, in.region(v, fn), v);
            if (cur != null && cur.widened && cur.pts.isEmpty() && !cur.unknown && !cur.num.isBottom()
                    && cur.num.hi() == Interval.POS_INF && cur.num.lo() != Interval.NEG_INF) grown.add(v);
        }
        if (grown.isEmpty()) return widened;
        Origin driver = driver(in, loop, widened, quiet);
        if (driver == null) return widened;
        State out = widened.copy();
        for (Variable v : grown) {
            Region r = in.region(v, fn);
            long size = Math.max(1, v.type.size());
            Contents c = out.contents(r);
            Value cur = c.load(Interval.ZERO, size);
            // (an untrusted value of its own, an index bounded by another input's length, keeps that taint)
            if (cur.taint != null && !cur.taint.sameSource(driver)) continue;
            // a count of passes stays below its type's maximum: the 2^31 passes that would wrap an int
            // are no input's (and the wrapped values would say "before the buffer" of an overflow past it)
            Type.Int t = (Type.Int) v.type;
            long max = Interval.ofType(Math.max(4, t.size()), t.signed()).hi();
            if (max != Interval.POS_INF) cur = cur.withNum(Interval.of(cur.num.lo(), max - 1));
            out.set(r, c.store(Interval.ZERO, size, cur.withTaint(cur.taint != null ? cur.taint : driver), true));
        }
        return out;
    }

    private static Value load(State s, Region r, Variable v) {
        if (!s.mem.containsKey(r)) return null;
        Contents c = s.contents(r);
        if (!(c.cells.get(0L) instanceof Contents.Cell cell) || cell.size() != v.type.size()) return null;
        return cell.value();
    }

    /**
     * The taint of an untrusted integer one of the loop's exit tests reads (as the head's state has it): the
     * passes are at most as many as that value allows, so the counter is bounded by what bounds it, and a
     * block sized by that same value is no evidence against it ({@code BoundsViolation}'s same source).
     */
    private static Origin driver(Interpreter in, Loop loop, State s, Interpreter.Frame quiet) {
        for (Stmt.Assume t : loop.exitTests()) {
            for (Expr operand : operands(t.cond())) {
                Value v = in.eval(operand, s.copy(), quiet);
                if (v.taint != null && !v.isPointer()) return v.taint;
            }
        }
        return null;
    }

    /**
     * The variables a condition compares: loaded as they are or as terms of the arithmetic it compares
     * ({@code pos + lablen + 1 >= outsz} bounds {@code pos}), and the indexes of the elements it compares
     * (a scan {@code for (i = 0; names[i]; i++)} stops at its array's terminator).
     */
    private static void compared(Expr e, Set<Variable> out) {
        switch (e) {
            case Expr.Load l when l.lv() instanceof Lvalue.Var v -> out.add(v.var());
            case Expr.Load l -> compared(l.lv(), out);
            case Expr.Binary b -> {
                compared(b.left(), out);
                compared(b.right(), out);
            }
            case Expr.Unary u -> compared(u.operand(), out);
            case Expr.Cast c -> compared(c.operand(), out);
            default -> { }
        }
    }

    private static void compared(Lvalue lv, Set<Variable> out) {
        switch (lv) {
            case Lvalue.Deref d -> compared(d.pointer(), out);
            case Lvalue.Index x -> {
                compared(x.base(), out);
                compared(x.index(), out);
            }
            case Lvalue.Field fl -> compared(fl.base(), out);
            default -> { }
        }
    }

    private static List<Expr> operands(Expr cond) {
        Expr c = cond;
        while (c instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT || c instanceof Expr.Cast) {
            c = c instanceof Expr.Unary u ? u.operand() : ((Expr.Cast) c).operand();
        }
        if (c instanceof Expr.Binary b && b.op().isComparison()) return List.of(b.left(), b.right());
        return List.of(c);
    }
}
