package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;

import java.util.Map;
import java.util.Set;

/**
 * Scans of an entry point's input that stop only at a byte the input holds: {@code while (*q != ':')
 * q++;} over a buffer handed over with its length. Every way out of the loop is a test of a byte read
 * from memory against a constant, and none of them is taken at a zero byte, so the scan runs past the
 * input's end, and past any terminator, whenever the input lacks the byte it looks for. Where the scan
 * stops is then the input's choice: the position is as untrusted as the bytes, and no check relates it
 * to the input's length. A loop with any other way out (a comparison with the length or an end pointer,
 * a test a zero byte ends, a call, a return the analysis cannot read as a byte test) is not one.
 */
final class ScanLoops {
    private ScanLoops() { }

    /**
     * For a one-byte read through {@code lv} at {@code p}, an input buffer at an offset no bound limits
     * from above, inside such a loop: the origin that names the loop's stopping test; else null.
     */
    static Origin unbounded(Interpreter in, Lvalue lv, Value p, State s, Interpreter.Frame f) {
        if (f.fn() == null || in.block == null || lv.type().size() != 1 || !(lv instanceof Lvalue.Deref || lv instanceof Lvalue.Index)) return null;
        if (p.unknown || p.pts.size() != 1 || p.taint != null) return null;
        Map.Entry<Region, Interval> t = p.pts.entrySet().iterator().next();
        Interval off = t.getValue();
        if (!AttackSurface.isInput(t.getKey()) || off.isBottom() || off.lo() < 0 || off.hi() != Interval.POS_INF
                || !s.rel.variables().contains(BlockCounts.count(t.getKey(), 1))) return null;
        FunctionFixpoint.Shape shape = in.shape(f.fn());
        BasicBlock head = shape.innermostLoop().get(in.block);
        if (head == null) return null;
        SourceLoc stop = stopsOnlyAtByte(shape.loops().get(head));
        if (stop == null) return null;
        return new Origin("the position where the scan stops, which only a byte of the input decides: the loop's test stops neither at"
                + " the input's end nor at a terminator,", stop);
    }

    /** The location of a stopping test when every exit of the loop is a byte test that a zero byte does not take; else null. */
    private static SourceLoc stopsOnlyAtByte(Set<BasicBlock> loop) {
        if (loop == null) return null;
        SourceLoc at = null;
        for (BasicBlock b : loop) {
            for (BasicBlock succ : b.succs) {
                if (loop.contains(succ)) continue;
                // the branch's test opens the block it leads to; a jump out (break) follows the test of its own block
                Stmt.Assume a = leading(succ);
                if (a == null && b.succs.size() == 1) a = leading(b);
                if (a == null) return null;
                boolean[] byteRead = {false};
                Long v = atZeroByte(a.cond(), byteRead);
                if (v == null || !byteRead[0] || (v != 0) == a.truth()) return null;
                if (at == null || a.loc().line() < at.line()) at = a.loc();
            }
        }
        return at;
    }

    private static Stmt.Assume leading(BasicBlock b) {
        return !b.stmts.isEmpty() && b.stmts.get(0) instanceof Stmt.Assume a ? a : null;
    }

    /** The test's value when every byte it reads from memory is 0, or null when it reads anything else. */
    private static Long atZeroByte(Expr e, boolean[] byteRead) {
        return switch (e) {
            case Expr.IntConst k -> k.value();
            case Expr.Cast c -> c.type() instanceof Type.Int ? atZeroByte(c.operand(), byteRead) : null;
            case Expr.Load l -> {
                if (!(l.type() instanceof Type.Int i) || i.size() != 1 || !(l.lv() instanceof Lvalue.Deref || l.lv() instanceof Lvalue.Index)) yield null;
                byteRead[0] = true;
                yield 0L;
            }
            case Expr.Unary u when u.op() == Expr.UnOp.NOT -> {
                Long v = atZeroByte(u.operand(), byteRead);
                yield v == null ? null : v == 0 ? 1L : 0L;
            }
            case Expr.Binary b when b.op().isComparison() -> {
                Long x = atZeroByte(b.left(), byteRead), y = atZeroByte(b.right(), byteRead);
                if (x == null || y == null) yield null;
                boolean r = switch (b.op()) {
                    case LT -> x < y;
                    case LE -> x <= y;
                    case GT -> x > y;
                    case GE -> x >= y;
                    case EQ -> x.longValue() == y.longValue();
                    default -> x.longValue() != y.longValue();
                };
                yield r ? 1L : 0L;
            }
            default -> null;
        };
    }
}
