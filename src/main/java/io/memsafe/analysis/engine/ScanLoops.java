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
 * to the input's length. A loop every way round which has another way out (a comparison with the length
 * or an end pointer, a test a zero byte ends, a call, a return the analysis cannot read as a byte test)
 * is not one; an exit only some iterations reach (after an escape byte) leaves the others unbounded.
 */
final class ScanLoops {
    private ScanLoops() { }

    /**
     * For a one-byte read through {@code lv} at {@code p}, an input buffer at an offset no bound limits
     * from above, inside such a loop: the origin that names the loop's stopping test; else null.
     */
    static Origin unbounded(Interpreter in, Lvalue lv, Value p, State s, Interpreter.Frame f) {
        if (f.fn() == null || in.block == null || lv.type().size() != 1 || !(lv instanceof Lvalue.Deref || lv instanceof Lvalue.Index)) return null;
        // (a start the checks tied to the input's length carries that length's origin: the scan from there is no less the input's choice)
        if (p.unknown || p.pts.size() != 1) return null;
        Map.Entry<Region, Interval> t = p.pts.entrySet().iterator().next();
        Interval off = t.getValue();
        if (!AttackSurface.isInput(t.getKey()) || off.isBottom() || off.lo() < 0 || off.hi() != Interval.POS_INF
                || !s.rel.variables().contains(BlockCounts.count(t.getKey(), 1))) return null;
        FunctionFixpoint.Shape shape = in.shape(f.fn());
        BasicBlock head = shape.innermostLoop().get(in.block);
        if (head == null) return null;
        Set<BasicBlock> loop = shape.loops().get(head);
        if (loop == null || !loop.contains(in.block)) return null;
        // the blocks of the loop each of whose exits is such a byte test (the location of the first one)
        Map<BasicBlock, SourceLoc> clean = new java.util.HashMap<>();
        for (BasicBlock b : loop) {
            SourceLoc at = exitsAtBytesOnly(b, loop);
            if (at != null) clean.put(b, at);
        }
        SourceLoc stop = stopsOnlyAtByte(clean, head, in.block);
        if (stop == null) return null;
        boolean everyExit = clean.size() == loop.size();
        return new Origin("the position where the scan stops, which only a byte of the input decides: the loop's test stops neither at"
                + " the input's end nor at a terminator" + (everyExit ? "," : " (its other ways out, such as a test of the length, are off"
                + " the way round that skips them),"), stop);
    }

    /**
     * The location of a stopping test when some way round the loop through {@code read} (the block of the
     * read), through {@code clean} blocks only ({@link #exitsAtBytesOnly}), leaves the loop only at byte
     * tests that a zero byte does not take; else null. Other exits off
     * that way count for nothing: a test of the length taken only after an escape byte ({@code if (*p ==
     * '\\') { if (p + 1 - s >= len) fail; p++; }}) stops no scan of an input without one.
     */
    private static SourceLoc stopsOnlyAtByte(Map<BasicBlock, SourceLoc> clean, BasicBlock head, BasicBlock read) {
        if (!clean.containsKey(head) || !clean.containsKey(read)) return null;
        // round the loop through clean blocks only: from the head to the read, and from the read back to the head
        Set<BasicBlock> fromHead = new java.util.HashSet<>();
        if (read != head && !reaches(head, read, head, clean.keySet(), fromHead)) return null;
        if (!reaches(read, head, head, clean.keySet(), new java.util.HashSet<>())) return null;
        SourceLoc at = null;
        fromHead.add(head);
        for (BasicBlock b : fromHead) {
            SourceLoc l = clean.get(b);
            if (l != null && l != SourceLoc.NONE && (at == null || l.line() < at.line())) at = l;
        }
        return at;
    }

    /**
     * Does an edge path from {@code from} reach {@code to} through {@code allowed} blocks, without passing
     * the loop's {@code head} on the way (a way round ends there)? {@code seen} gets the blocks visited.
     */
    private static boolean reaches(BasicBlock from, BasicBlock to, BasicBlock head, Set<BasicBlock> allowed, Set<BasicBlock> seen) {
        java.util.ArrayDeque<BasicBlock> work = new java.util.ArrayDeque<>();
        work.add(from);
        boolean found = false;
        while (!work.isEmpty()) {
            BasicBlock b = work.poll();
            for (BasicBlock n : b.succs) {
                if (n == to) found = true;
                if (n == head || !allowed.contains(n) || !seen.add(n)) continue;
                work.add(n);
            }
        }
        return found;
    }

    /**
     * For a block of the loop: the location of its first exit test when every way out of the loop from it
     * is a byte test that a zero byte does not take ({@link SourceLoc#NONE} when it has none); null otherwise.
     */
    private static SourceLoc exitsAtBytesOnly(BasicBlock b, Set<BasicBlock> loop) {
        SourceLoc at = SourceLoc.NONE;
        for (BasicBlock succ : b.succs) {
            if (loop.contains(succ)) continue;
            // the branch's test opens the block it leads to; a jump out (break) follows the test of its own block
            Stmt.Assume a = leading(succ);
            if (a == null && b.succs.size() == 1) a = leading(b);
            if (a == null) return null;
            boolean[] byteRead = {false};
            Long v = atZeroByte(a.cond(), byteRead);
            if (v == null || !byteRead[0] || (v != 0) == a.truth()) return null;
            if (at == SourceLoc.NONE || a.loc().line() < at.line()) at = a.loc();
        }
        return at;
    }

    /** The test a block opens with (a branch's condition), or null. */
    static Stmt.Assume leading(BasicBlock b) {
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
