package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.Map;
import java.util.Set;

/**
 * Branch conditions: what a test that held, or failed, says of the values it reads. The intervals
 * of the variables it loads narrow, and the relational, correlation, leak and reallocation facts
 * the test decides are updated.
 */
final class Conditions {
    private Conditions() { }

    static void assume(Interpreter in, Expr cond, boolean truth, State s, Interpreter.Frame f) {
        // the test's own reads follow the join as it was; a read after the test may be reached only
        // the way the test went (State.partly)
        Value c = in.eval(cond, s, f);
        if (!s.partly.isEmpty()) s.partly = in.testDecidedByOutcome ? SomePaths.metInCallees(s.partly, f.fn()) : ReturnedNull.pastTest(in, cond, s, f);
        Boolean t = ValueArithmetic.truth(c);
        if (t != null && t != truth) {
            s.bottom = true;
            return;
        }
        if (t == null && !s.nullAssumed && assumesNull(in, cond, truth, s, f)) s.nullAssumed = true;
        refine(in, cond, truth, s, f);
    }

    /**
     * Does the test, going the way {@code truth} says, take a pointer the analysis knows nothing of
     * (no object, not NULL either) to be NULL: {@code !p}, {@code p == NULL}, or {@code p} failing?
     */
    private static boolean assumesNull(Interpreter in, Expr cond, boolean truth, State s, Interpreter.Frame f) {
        Expr p = null;
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) return assumesNull(in, u.operand(), !truth, s, f);
        if (cond.type() instanceof Type.Pointer && !truth) p = cond;
        else if (cond instanceof Expr.Binary b && (b.op() == Expr.BinOp.EQ && truth || b.op() == Expr.BinOp.NE && !truth)) {
            if (Expr.uncast(b.right()) instanceof Expr.IntConst k && k.value() == 0 && b.left().type() instanceof Type.Pointer) p = b.left();
            else if (Expr.uncast(b.left()) instanceof Expr.IntConst k && k.value() == 0 && b.right().type() instanceof Type.Pointer) p = b.right();
        }
        if (p == null) return false;
        Value v = in.eval(p, s.copy(), new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false));
        return v.unknown && !v.isDefinitelyNull() || CallerObjects.only(v) && v.mayBeNull();
    }

    private static void refine(Interpreter in, Expr cond, boolean truth, State s, Interpreter.Frame f) {
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) {
            refine(in, u.operand(), !truth, s, f);
            return;
        }
        if (cond instanceof Expr.Cast c) {
            refine(in, c.operand(), truth, s, f);
            return;
        }
        if (cond instanceof Expr.Binary b && b.op().isComparison()) {
            BinOp op = truth ? b.op() : b.op().negate();
            Value l = in.eval(b.left(), s, f), r = in.eval(b.right(), s, f);
            // a side whose sum an untrusted term can wrap bounds nothing: the relations take nothing from it
            WrappedTests.Wrap wrap = WrappedTests.of(in, b.left(), s, f);
            if (wrap == null) wrap = WrappedTests.of(in, b.right(), s, f);
            if (wrap != null && f.report()) in.wrappedTest(wrap, f);
            boolean exact = wrap == null && Relations.exactTest(in, b.left(), b.right(), s, f);
            Set<Region> mayFail = Leaks.unchecked(l, r, s);
            if (!s.unchecked.isEmpty()) { s.unchecked.keySet().removeAll(l.pts.keySet()); s.unchecked.keySet().removeAll(r.pts.keySet()); }
            long unsigned = Refinement.unsignedComparison(b.left().type(), b.right().type());
            constrain(in, b.left(), op, Refinement.asUnsigned(r, b.right().type(), unsigned), unsigned, Relations.constant(b.right()) != null, s, f);
            if (!s.bottom) constrain(in, b.right(), op.swap(), Refinement.asUnsigned(l, b.left().type(), unsigned), unsigned,
                    Relations.constant(b.left()) != null, s, f);
            if (!s.bottom && wrap == null) Relations.assume(in, b.left(), op, b.right(), s, f);
            if (!s.bottom) BufferLengths.scaledCheck(in, b.left(), op, b.right(), s, f);
            if (!s.bottom) Relations.reduce(in, b.left(), b.right(), exact, s, f);
            if (!s.bottom) Relations.pruneObjects(in, b.left(), b.right(), s, f);
            if (!s.bottom && !s.cor.isEmpty()) Correlations.apply(in, s);
            if (!s.bottom && mayFail != null) {
                Leaks.failed(in, mayFail, l, in.eval(b.left(), s, f), s);
                Leaks.failed(in, mayFail, r, in.eval(b.right(), s, f), s);
            }
            if (!s.bottom && !s.freed.isEmpty()) {
                Reallocation.decided(l, in.eval(b.left(), s, f), s, in, in.testAt(), f);
                Reallocation.decided(r, in.eval(b.right(), s, f), s, in, in.testAt(), f);
            }
            return;
        }
        if (cond.type() instanceof Type.Int it) {
            // an integer tested for itself is compared with zero, relations included: {@code while (n--)} tests
            // the old value, and the count it leaves (old - 1) is not negative inside the loop
            refine(in, new Expr.Binary(BinOp.NE, cond, new Expr.IntConst(0, it), Type.INT, 1), truth, s, f);
            return;
        }
        Value before = in.eval(cond, s, f);
        Set<Region> mayFail = Leaks.unchecked(before, Value.ZERO, s);
        if (!s.unchecked.isEmpty()) s.unchecked.keySet().removeAll(before.pts.keySet());
        constrain(in, cond, truth ? BinOp.NE : BinOp.EQ, Value.ZERO, s, f);
        if (!s.bottom && cond.type() instanceof Type.Int) Relations.learn(in, cond, s, f);
        if (!s.bottom && !s.cor.isEmpty()) Correlations.apply(in, s);
        if (!s.bottom && mayFail != null) Leaks.failed(in, mayFail, before, in.eval(cond, s, f), s);
        if (!s.bottom && !s.freed.isEmpty()) Reallocation.decided(before, in.eval(cond, s, f), s, in, in.testAt(), f);
    }

    static void constrain(Interpreter in, Expr x, BinOp op, Value other, State s, Interpreter.Frame f) { constrain(in, x, op, other, 0, false, s, f); }

    /**
     * {@code y / k} (or {@code y >> k}) compared with a constant, for a positive divisor and a y that is not
     * negative: the same test of y ({@code len / 4 < 64} is {@code len < 256}), so that a later evaluation of
     * the quotient (the operand {@code min(len / 4, 64)} picks) is bounded as the test says.
     */
    private static void quotient(Interpreter in, Expr.Binary b, BinOp op, Value other, long unsigned, boolean constantBound, State s,
                                 Interpreter.Frame f) {
        Expr k = b.right();
        while (k instanceof Expr.Cast c) k = c.operand();
        if (!(k instanceof Expr.IntConst kc) || !(other.constant() instanceof Long c) || c < 0 || c > (1L << 40)) return;
        long div = b.op() == BinOp.DIV ? kc.value() : kc.value() >= 0 && kc.value() < 40 ? 1L << kc.value() : 0;
        if (div <= 0 || div > (1L << 20)) return;
        Value y = in.eval(b.left(), s, f);
        if (!y.pts.isEmpty() || y.unknown || y.num.isBottom() || y.num.lo() < 0) return;
        switch (op) {
            case LT -> constrain(in, b.left(), BinOp.LT, Value.of(c * div), unsigned, constantBound, s, f);
            case GE -> constrain(in, b.left(), BinOp.GE, Value.of(c * div), unsigned, constantBound, s, f);
            case LE -> constrain(in, b.left(), BinOp.LE, Value.of(c * div + div - 1), unsigned, constantBound, s, f);
            case GT -> constrain(in, b.left(), BinOp.GT, Value.of(c * div + div - 1), unsigned, constantBound, s, f);
            default -> { }
        }
    }

    /**
     * {@code a + b} bounded from above by a known value, where the sum cannot wrap: each addend is bounded
     * by the bound less the other's least value ({@code if (nb + wlen > max) return;} with {@code wlen >= 16}
     * leaves {@code nb <= max - 16}), what the relations cannot keep when the bound is a third variable.
     */
    private static void addend(Interpreter in, Expr.Binary sum, BinOp op, Value other, boolean constantBound, State s, Interpreter.Frame f) {
        if (!(sum.type() instanceof Type.Int t) || other.unknown || other.isPointer() || other.num.isBottom() || other.num.hi() == Interval.POS_INF) return;
        Interpreter.Frame quiet = new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false);
        Value a = in.eval(sum.left(), s, quiet), b = in.eval(sum.right(), s, quiet);
        if (a.unknown || b.unknown || a.isPointer() || b.isPointer() || a.num.isBottom() || b.num.isBottom()) return;
        Interval exact = a.num.add(b.num);
        if (exact.isBottom() || exact.hi() == Interval.POS_INF || !exact.leq(Interval.ofType(Math.max(4, t.size()), t.signed()))) return;
        if (b.num.lo() != Interval.NEG_INF) constrain(in, sum.left(), op, Value.of(Interval.of(Interval.NEG_INF, Relations.satAdd(other.num.hi(), -b.num.lo()))), 0, constantBound, s, f);
        if (!s.bottom && a.num.lo() != Interval.NEG_INF) constrain(in, sum.right(), op, Value.of(Interval.of(Interval.NEG_INF, Relations.satAdd(other.num.hi(), -a.num.lo()))), 0, constantBound, s, f);
    }

    /**
     * Narrows the variable (or other single memory cell) an expression loads, given {@code x op other}
     * compared in an unsigned type of {@code unsigned} bytes (0: signed); {@code constantBound}: the other
     * side is a constant the code spells ({@link Refinement#cappedByCheck}).
     */
    private static void constrain(Interpreter in, Expr x, BinOp op, Value other, long unsigned, boolean constantBound, State s,
                                  Interpreter.Frame f) {
        // a signed operand compared as an unsigned type of at least its size: its negative values convert above the bound
        Expr operand = x;
        while (operand instanceof Expr.Cast c && c.type() instanceof Type.Int ci && !ci.signed() && ci.size() >= sizeOf(c.operand().type())) {
            unsigned = Math.max(unsigned, ci.size());
            operand = c.operand();
        }
        long unsignedView = unsigned > 0 && operand.type() instanceof Type.Int oi && oi.signed() && oi.size() <= unsigned ? unsigned : 0;
        // compared with what a negative value converted to: the interval of x cannot say which x those are
        if (unsignedView > 0 && !other.num.isBottom() && other.num.lo() == Interval.POS_INF) return;
        while (x instanceof Expr.Cast c && !(c.type() instanceof Type.Int ci && ci.size() < sizeOf(c.operand().type()))) x = c.operand();
        if (x instanceof Expr.Binary b && (b.op() == BinOp.DIV || b.op() == BinOp.SHR)) {
            quotient(in, b, op, other, unsigned, constantBound, s, f);
            return;
        }
        if (x instanceof Expr.Binary b && b.op() == BinOp.ADD && (op == BinOp.LT || op == BinOp.LE)) {
            addend(in, b, op, other, constantBound, s, f);
            return;
        }
        if (!(x instanceof Expr.Load l)) return;
        if (l.lv() instanceof Lvalue.Var tv && tv.var().kind == Variable.Kind.TEMP && f.fn() != null
                && in.shape(f.fn()).testedCallResults().get(tv.var()) instanceof Stmt.Call call
                && Conversions.converted(in.program, f.fn(), call) instanceof Expr argument) {
            constrain(in, argument, op, other, unsigned, constantBound, s, f);
        }
        Value p = in.address(l.lv(), s, f);
        if (op == BinOp.NE && other.isDefinitelyNull()) Strings.nonZeroCharacter(in, l.lv(), s, f);
        if (op == BinOp.NE && other.isDefinitelyNull() || op == BinOp.EQ && other.constant() instanceof Long k && k != 0) {
            Strings.pointerBeforeTerminator(in, l.lv(), s, f);
        }
        if (s.bottom || p.pts.size() != 1 || !p.nullOrKnownRegions()) return;
        Map.Entry<Region, Interval> target = p.pts.entrySet().iterator().next();
        if (!target.getValue().isSingleton()) {
            // one element of many, at an index the intervals do not pin down: the test is kept per field
            // (only on a branch that stays in a loop: the one that leaves describes the element it stopped at)
            io.memsafe.ir.BasicBlock loop = in.block == null || f.fn() == null ? null : in.shape(f.fn()).innermostLoop().get(in.block);
            if (!UserMemory.isUser(target.getKey()) && loop != null) {
                long sz = Math.max(1, l.lv().type().size());
                Value cur = s.contents(target.getKey()).load(target.getValue(), sz);
                if (l.lv().type() instanceof Type.Int i && cur.pts.isEmpty() && cur.taint != null) cur = ValueArithmetic.wrap(cur, i);
                // what a test of the field in an earlier loop said holds too
                cur = ElementTests.bounded(l.lv(), p, sz, cur, in.block, f.fn() == null ? null : in.shape(f.fn()), s);
                ElementTests.tested(l.lv(), target.getKey(), sz, cur, Refinement.constrain(cur, op, other), loop, s);
            }
            return;
        }
        if (op == BinOp.NE && other.isDefinitelyNull()) Strings.terminatorNotAt(target.getKey(), target.getValue().lo(), l.lv().type().size(), s);
        long size = Math.max(1, l.lv().type().size());
        if (UserMemory.isUser(target.getKey())) {
            // user memory may change between two reads: a test of it bounds nothing read later, and
            // reading a value bounded by a test again is a double fetch (an (in)equality test, such
            // as a terminator scan, is no bound)
            if (op == BinOp.LT || op == BinOp.LE || op == BinOp.GT || op == BinOp.GE) {
                UserMemory.checked(target.getKey(), target.getValue().lo(), size, l.lv().loc(), s);
            }
            return;
        }
        Contents c = s.contents(target.getKey());
        Value cur = c.load(target.getValue(), size);
        UserFetches.tested(in, target.getKey(), target.getValue().lo(), size, cur, op == BinOp.LT || op == BinOp.LE || op == BinOp.GT || op == BinOp.GE,
                l.lv().loc(), s);
        // the value as a load of this type reads it: bytes filled from input are narrowed as the integer they form
        if (l.lv().type() instanceof Type.Int i && cur.pts.isEmpty() && cur.taint != null) cur = ValueArithmetic.wrap(cur, i);
        // (a parameter tested against a constant the code spells, sizeof(tmp) or a limit: not against a value
        // that is known here only because the caller passed it, which may be the size of another object)
        if (constantBound && l.lv() instanceof Lvalue.Var pv && pv.var().kind == Variable.Kind.PARAM) {
            cur = Refinement.cappedByCheck(cur, op, other, l.lv().type());
        }
        Value refined = Refinement.constrain(cur, op, other);
        if (unsignedView > 0) refined = Refinement.nonNegativeBelow(refined, op, other, unsignedView);
        refined = SizeArithmetic.capped(refined, op, other);
        if (refined.constant() instanceof Long mode && mode == 0 && DriverEntryPoints.requestorMode(l.lv())) UserMemory.kernelCaller(s);
        if (refined.isBottom() && !cur.isBottom()) {
            s.bottom = true;
            return;
        }
        if (!refined.equals(cur)) s.set(target.getKey(), c.store(target.getValue(), size, refined, true));
        if (target.getValue().lo() == 0 && target.getKey().size.constant() instanceof Long whole && whole == size
                && (unsignedView == 0 || !cur.num.isBottom() && cur.num.lo() >= 0)) {
            Correlations.tested(s, target.getKey(), op, other);
        }
    }

    private static long sizeOf(Type t) { return t.size() < 0 ? 8 : t.size(); }
}
