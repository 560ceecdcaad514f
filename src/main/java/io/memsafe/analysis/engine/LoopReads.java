package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.ByteRanges;
import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loops that read every element of a range: {@code for (i = 0; i < n; i++) h = h * 33 + p[i];}. The
 * counter goes up by one each time round, the read is on every way round, and the loop's only way out
 * is its test of the counter against a bound it does not change: every element from the counter's
 * first value up to the bound's least value is read. A byte in that range that nothing wrote on any
 * path (a reserved field of a header left out, a hole between two filled parts) is then read for sure,
 * although the read's own offsets, an interval over the whole range, also cover written bytes (which
 * is why {@link Uninitialized} alone leaves it: it reports a load only where all of it, or its highest
 * or lowest element, is unwritten).
 */
final class LoopReads {
    private LoopReads() { }

    /** Elements looked at in one range at most (a longer range is looked at in its first elements). */
    private static final long MAX_ELEMENTS = 1 << 16;

    /**
     * For the load of {@code size} bytes through {@code lv} at {@code p} in such a loop: what of the
     * range it reads for sure nothing has written ({@link Checker#onUninitializedRead}'s part); else null.
     */
    static String unwrittenInRange(Interpreter in, Lvalue lv, Value p, long size, State s, Interpreter.Frame f) {
        if (f.fn() == null || in.block == null || in.loopEntries == null || size <= 0 || p.unknown || p.pts.size() != 1) return null;
        Region r = p.pts.keySet().iterator().next();
        if (r.kind != Region.Kind.STACK && r.kind != Region.Kind.HEAP) return null;
        Contents c = s.mem.get(r);
        if (c == null || c.neverWritten || c.written.isAll() || c.written.isEmpty()) return null;
        Access a = access(lv, size);
        if (a == null) return null;
        FunctionFixpoint.Shape shape = in.shape(f.fn());
        BasicBlock head = shape.innermostLoop().get(in.block);
        Set<BasicBlock> loop = head == null ? null : shape.loops().get(head);
        if (loop == null || !loop.contains(in.block) || shape.addressTaken().contains(a.counter())) return null;
        Expr bound = onlyExitBound(loop, a.counter());
        if (bound == null || !steppedByOne(loop, a.counter()) || !invariant(bound, loop, shape) || a.base() != null && !invariant(a.base(), loop, shape)) return null;
        Set<BasicBlock> before = beforeRead(loop, head, in.block);
        if (before == null || steppedBeforeRead(before, in.block, in.index, a.counter())) return null;
        // the counter's first value in the loop: the greatest it may have on any way in
        long first = Long.MIN_VALUE;
        for (BasicBlock pred : head.preds) {
            if (loop.contains(pred)) continue;
            State at = in.loopEntries.get(pred);
            if (at == null) continue;
            Interval v = in.eval(new Expr.Load(new Lvalue.Var(a.counter(), null), a.counter().type), at.copy(), quiet(f)).num;
            if (v.isBottom() || v.hi() == Interval.POS_INF) return null;
            first = Math.max(first, v.hi());
        }
        if (first == Long.MIN_VALUE || first < 0) return null;
        State here = s.copy();
        Interval n = in.eval(bound, here, quiet(f)).num;
        Value base = a.base() != null ? in.eval(a.base(), here, quiet(f)) : in.address(a.array(), here, quiet(f));
        if (n.isBottom() || n.lo() <= first || base.unknown || base.pts.size() != 1 || !base.pts.containsKey(r)) return null;
        Interval at = base.pts.get(r);
        if (!at.isSingleton() || at.lo() < 0) return null;
        long elements = Math.min(n.lo() - first, MAX_ELEMENTS);
        long from = at.lo() + first * a.scale(), to = from + elements * a.scale() - 1;
        // past the storage's end it is an out-of-bounds read, which the buffer checkers report
        if (r.size.unknown || r.size.num.isBottom() || r.size.num.lo() <= to) return null;
        ByteRanges hole = c.written.missing(from, to);
        if (hole.isEmpty()) return null;
        long lo = hole.lo(0), hi = hole.hi(0);
        return "bytes " + lo + ".." + hi + ", which nothing has written (only bytes " + c.written + " may have been): the loop reads every element"
                + " from index " + first + " up to its bound " + spelled(bound, n);
    }

    private static String spelled(Expr bound, Interval n) {
        if (n.isSingleton()) return String.valueOf(n.lo());
        String name = WrappedTests.spelled(bound);
        return (name != null ? "'" + name + "'" : "(a value the loop does not change)") + ", which is at least " + n.lo() + " here";
    }

    private static Interpreter.Frame quiet(Interpreter.Frame f) { return new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false); }

    /**
     * A read of element {@code counter}, elements {@code scale} bytes apart, from the pointer {@code base}
     * or (null base) from the start of the array variable {@code array}.
     */
    private record Access(Expr base, Lvalue.Var array, Variable counter, long scale) { }

    /** {@code *(base + i)} with the element's size as the addition's scale, or {@code a[i]} of an array variable. */
    private static Access access(Lvalue lv, long size) {
        if (lv instanceof Lvalue.Deref d && d.byteOffset() == 0 && Expr.uncast(d.pointer()) instanceof Expr.Binary b
                && b.op() == Expr.BinOp.ADD && b.scale() == size && counter(b.right()) instanceof Variable i) return new Access(b.left(), null, i, size);
        if (lv instanceof Lvalue.Index x && x.base() instanceof Lvalue.Var v && v.var().type instanceof io.memsafe.ir.Type.Array
                && counter(x.index()) instanceof Variable i && lv.type().size() == size) return new Access(null, v, i, size);
        return null;
    }

    /** The local scalar an index loads, or null. */
    private static Variable counter(Expr e) {
        if (Expr.uncast(e) instanceof Expr.Load l && l.lv() instanceof Lvalue.Var v && (v.var().kind == Variable.Kind.LOCAL || v.var().kind == Variable.Kind.PARAM)
                && v.var().type instanceof io.memsafe.ir.Type.Int) return v.var();
        return null;
    }

    /**
     * The bound of the loop's only way out, a test {@code i < bound} not taken; null when the loop has
     * another (a break, a return, a test of something else, a block that ends the run).
     */
    private static Expr onlyExitBound(Set<BasicBlock> loop, Variable i) {
        Expr bound = null;
        for (BasicBlock b : loop) {
            if (b.succs.isEmpty()) return null;
            for (BasicBlock t : b.succs) {
                if (loop.contains(t)) continue;
                if (bound != null || !(ScanLoops.leading(t) instanceof Stmt.Assume as) || as.truth()) return null;
                if (!(Expr.uncast(as.cond()) instanceof Expr.Binary cmp)) return null;
                if (cmp.op() == Expr.BinOp.LT && counter(cmp.left()) == i) bound = cmp.right();
                else if (cmp.op() == Expr.BinOp.GT && counter(cmp.right()) == i) bound = cmp.left();
                else return null;
            }
        }
        return bound;
    }

    /** Is {@code i} assigned in the loop once only, {@code i = i + 1}? */
    private static boolean steppedByOne(Set<BasicBlock> loop, Variable i) {
        int steps = 0;
        for (BasicBlock b : loop) for (Stmt st : b.stmts) {
            if (!(Stmt.target(st) instanceof Lvalue.Var v) || v.var() != i) continue;
            if (st instanceof Stmt.Assign as && Expr.uncast(as.value()) instanceof Expr.Binary add && add.op() == Expr.BinOp.ADD
                    && counter(add.left()) == i && Expr.uncast(add.right()) instanceof Expr.IntConst one && one.value() == 1) steps++;
            else return false;
        }
        return steps == 1;
    }

    /** Is the counter stepped before the read on the way round: ahead of it in its block, or in a block {@link #beforeRead}? */
    private static boolean steppedBeforeRead(Set<BasicBlock> before, BasicBlock read, int readAt, Variable i) {
        for (int k = 0; k < readAt && k < read.stmts.size(); k++) if (Stmt.target(read.stmts.get(k)) instanceof Lvalue.Var v && v.var() == i) return true;
        for (BasicBlock b : before) for (Stmt st : b.stmts) if (Stmt.target(st) instanceof Lvalue.Var v && v.var() == i) return true;
        return false;
    }

    /**
     * Does {@code e} read only constants and local variables whose address is never taken and that
     * the loop does not assign (no memory, which the loop's calls and stores might change)?
     */
    private static boolean invariant(Expr e, Set<BasicBlock> loop, FunctionFixpoint.Shape shape) {
        Set<Variable> read = new HashSet<>();
        boolean[] memory = {false};
        ProgramAnalyzer.walk(e, x -> {
            if (x instanceof Expr.Load l) {
                if (l.lv() instanceof Lvalue.Var v) read.add(v.var());
                else memory[0] = true;
            }
        });
        if (memory[0]) return false;
        for (Variable v : read) {
            if (v.kind != Variable.Kind.LOCAL && v.kind != Variable.Kind.PARAM || shape.addressTaken().contains(v)) return false;
        }
        for (BasicBlock b : loop) for (Stmt st : b.stmts) if (Stmt.target(st) instanceof Lvalue.Var v && read.contains(v.var())) return false;
        return true;
    }

    /**
     * The blocks of the loop its head reaches before the read (the head included, unless it is the read);
     * null when a way round the loop does not pass the read.
     */
    private static Set<BasicBlock> beforeRead(Set<BasicBlock> loop, BasicBlock head, BasicBlock read) {
        Set<BasicBlock> before = new HashSet<>();
        if (read == head) return before;
        before.add(head);
        ArrayDeque<BasicBlock> work = new ArrayDeque<>(List.of(head));
        while (!work.isEmpty()) {
            for (BasicBlock t : work.poll().succs) {
                if (t == head) return null;
                if (t != read && loop.contains(t) && before.add(t)) work.add(t);
            }
        }
        return before;
    }
}
