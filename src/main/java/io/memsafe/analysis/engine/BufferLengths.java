package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Type;

import java.util.Map;

/**
 * Blocks of unknown size whose size a field of another object gives: a request's METHOD_BUFFERED
 * system buffer holds max(InputBufferLength, OutputBufferLength) bytes. The relations keep the block's
 * byte count at least each field, so a check of a length ({@code if (len < sizeof(REQ)) fail}) is a
 * lower bound on the buffer, and an untrusted offset past that bound is an overflow whatever the
 * buffer's real size turns out to be.
 */
final class BufferLengths {
    private BufferLengths() { }

    /**
     * A block of unknown size that holds at least as many bytes as an unsigned integer field of another
     * object says ({@code size} bytes at {@code offset} of {@code holder}): a request's system buffer and
     * its lengths. The block's count is then at least what a check on the field guarantees
     * ({@link #guaranteedBytes}).
     */
    static void atLeast(Interpreter in, Region block, Region holder, long offset, long size, State s) {
        Relations.Place p = new Relations.Place(holder, offset, size, Interval.ofType(size, false), 0);
        in.relatedPlaces.putIfAbsent(p.key(), p);
        Octagon<String> o = s.rel.meetInterval(p.key(), Interval.ofType(size, false)).meetInterval(BlockCounts.count(block, 1), Interval.of(0, Interval.POS_INF));
        o = o.assumeLe(p.key(), BlockCounts.count(block, 1), 0);
        if (!o.isBottom()) s.rel = o;
    }

    /** After an access of {@code n} bytes at a fixed offset of a request buffer: the buffer holds at least that many. */
    static void reached(Value p, long n, State s) {
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        if (!DriverEntryPoints.REQUEST.equals(e.getKey().family) || !e.getValue().isSingleton() || e.getValue().lo() < 0) return;
        String count = BlockCounts.count(e.getKey(), 1);
        if (!s.rel.variables().contains(count)) return;
        Octagon<String> o = s.rel.meetInterval(count, Interval.of(e.getValue().lo() + n, Interval.POS_INF));
        if (!o.isBottom()) s.rel = o;
    }

    /**
     * How many bytes the relations guarantee a block of unknown size has ({@link #atLeast}): the least
     * value of its count on this path; -1 when they do not count it.
     */
    static long guaranteedBytes(Region block, State s) {
        String n = BlockCounts.count(block, 1);
        if (!s.rel.variables().contains(n)) return -1;
        Interval b = s.rel.bounds(n);
        return b.isBottom() || b.lo() == Interval.NEG_INF ? -1 : Math.max(0, b.lo());
    }

    /**
     * A check of an untrusted count scaled into a byte length against the length of a block
     * ({@code if (len < FIELD_OFFSET(REQ, Ids) + req->Count * sizeof(USHORT)) fail}, {@code n * 4 + 8 <= size}):
     * the relations cannot hold the product, but the count is now bounded by the block it counts
     * elements of. It is capped, as Smatch has it ({@link io.memsafe.analysis.domain.Origin#asCapped}):
     * its range and its source stay, but it is no longer evidence of running past a block of unknown
     * size ({@link #guaranteedBytes}). Only a count that reaches the sum through a product or shift by a constant, or a sum
     * that may wrap (a plain sum is the relations' own to keep).
     */
    static void scaledCheck(Interpreter in, Expr left, BinOp op, Expr right, State s, Interpreter.Frame f) {
        Expr small, big;
        if (op == BinOp.LT || op == BinOp.LE) { small = left; big = right; }
        else if (op == BinOp.GT || op == BinOp.GE) { small = right; big = left; }
        else return;
        Lvalue counted = scaledLoad(small, false);
        if (counted == null) counted = productVariable(small, f);
        if (counted == null) {
            // or a sum the relations could not keep because it may wrap ({@code len < *idx + 1} with an
            // unsigned int *idx): the test still compared the value with the length
            Relations.Linear sl = Relations.linear(in, small, s, f);
            if (sl == null || sl.x() == null || sl.y() != null || sl.sx() != 1 || !Relations.mayWrap(in, small, sl, s)) return;
            counted = scaledLoad(small, true);
            if (counted == null) return;
        }
        Relations.Linear b = Relations.linear(in, big, s, f);
        if (b == null || b.x() == null || b.y() != null || b.sx() != 1 || !atMostACount(s, b.x(), b.c())) return;
        Value p = in.address(counted, s, f);
        if (s.bottom || p.pts.size() != 1) return;
        Map.Entry<Region, Interval> at = p.pts.entrySet().iterator().next();
        if (!at.getValue().isSingleton() || UserMemory.isUser(at.getKey())) return;
        long size = Math.max(1, counted.type().size());
        Contents c = s.contents(at.getKey());
        Value v = c.load(at.getValue(), size);
        if (v.taint == null || v.taint.capped() || !v.pts.isEmpty() || v.unknown) return;
        s.set(at.getKey(), c.store(at.getValue(), size, new Value(v.num, v.pts, v.unknown, v.taint.asCapped(), v.widened), true));
    }

    /** Does the relations' {@code x + c} stay at most the byte count of some block? */
    private static boolean atMostACount(State s, String x, long c) {
        for (String n : s.rel.variables()) {
            if (!BlockCounts.isByteCount(n)) continue;
            long d = s.rel.upperDiff(x, n);
            if (d != Octagon.INF && Relations.satAdd(d, c) <= 0) return true;
        }
        return false;
    }

    /**
     * The one integer load an expression grows with, through sums with constants, casts that keep the
     * value, and at least one product or left shift by a positive constant; null for anything else.
     */
    private static Lvalue scaledLoad(Expr e, boolean scaled) {
        e = Relations.strip(e);
        if (e instanceof Expr.Load l) return scaled && l.lv().type() instanceof Type.Int ? l.lv() : null;
        if (!(e instanceof Expr.Binary b) || !(b.type() instanceof Type.Int)) return null;
        Long rc = Relations.constant(b.right()), lc = Relations.constant(b.left());
        return switch (b.op()) {
            case ADD -> rc != null ? scaledLoad(b.left(), scaled) : lc != null ? scaledLoad(b.right(), scaled) : null;
            case MUL -> rc != null && rc > 0 ? scaledLoad(b.left(), true) : lc != null && lc > 0 ? scaledLoad(b.right(), true) : null;
            case SHL -> rc != null && rc >= 0 ? scaledLoad(b.left(), true) : null;
            default -> null;
        };
    }

    /**
     * A block whose length a call stored in a local integer ({@code WdfRequestRetrieveInputBuffer(rq, min,
     * &buf, &len)}): the block's byte count is that local, at least {@code min}.
     */
    static void lengthStored(Interpreter in, Region block, Expr lengthOut, long min, State s, Interpreter.Frame f) {
        while (lengthOut instanceof Expr.Cast c) lengthOut = c.operand();
        if (f.fn() == null || !(lengthOut instanceof Expr.AddressOf a) || !(a.lv() instanceof io.memsafe.ir.Lvalue.Var v)
                || v.var().isGlobalStorage() || !(v.var().type instanceof Type.Int t)) return;
        Relations.Place p = new Relations.Place(in.region(v.var(), f.fn()), -1, t.size(), Interval.ofType(t.size(), t.signed()), 0);
        in.relatedPlaces.putIfAbsent(p.key(), p);
        Octagon<String> o = ScaledCopies.dropCopiesOf(s.rel.forget(p.key()), p.key()).meetInterval(p.key(), Interval.ofType(t.size(), t.signed()).meet(Interval.of(min, Interval.POS_INF)));
        if (!o.isBottom()) s.rel = o.assign(BlockCounts.count(block, 1), p.key(), 0);
    }

    /**
     * A local variable (plus constants) that the function computes in one place only, as a product of
     * a count and a constant ({@code bytes = n * sizeof(RULE)}, {@code RtlULongMult(hdr->Count,
     * sizeof(RULE), &bytes)}): the count's load. Read from the function's code, as {@link ProductGuards}
     * reads its division checks: any other store to the variable, or its address handed to anything
     * else, and there is none.
     */
    private static Lvalue productVariable(Expr e, Interpreter.Frame f) {
        e = Relations.strip(e);
        if (e instanceof Expr.Binary b && b.op() == BinOp.ADD && b.type() instanceof Type.Int) {
            if (Relations.constant(b.right()) != null) return productVariable(b.left(), f);
            if (Relations.constant(b.left()) != null) return productVariable(b.right(), f);
            return null;
        }
        if (f.fn() == null || !(e instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var v) || v.var().isGlobalStorage()) return null;
        Lvalue found = null;
        int definitions = 0;
        for (io.memsafe.ir.BasicBlock block : f.fn().blocks) {
            for (io.memsafe.ir.Stmt st : block.stmts) {
                if (st instanceof io.memsafe.ir.Stmt.Assign a && a.target() instanceof Lvalue.Var t && t.var() == v.var()) {
                    definitions++;
                    found = scaledLoad(a.value(), false);
                } else if (st instanceof io.memsafe.ir.Stmt.Call c) {
                    if (c.result() instanceof Lvalue.Var t && t.var() == v.var()) return null;
                    for (int i = 0; i < c.args().size(); i++) {
                        Expr arg = c.args().get(i);
                        while (arg instanceof Expr.Cast x) arg = x.operand();
                        if (!(arg instanceof Expr.AddressOf ao) || !(ao.lv() instanceof Lvalue.Var t) || t.var() != v.var()) continue;
                        definitions++;
                        found = checkedProduct(c, i);
                    }
                }
            }
        }
        return definitions == 1 ? found : null;
    }

    /** The count of a checked product a call stores through args[out] ({@code RtlULongMult(n, 16, &bytes)}), or null. */
    private static Lvalue checkedProduct(io.memsafe.ir.Stmt.Call c, int out) {
        io.memsafe.models.FunctionModel m = c.callee() == null ? null : io.memsafe.models.LibraryModels.get(c.callee());
        if (m == null) return null;
        for (io.memsafe.models.Effect e : m.effects()) {
            if (e instanceof io.memsafe.models.Effect.CheckedArithmetic ca && ca.op() == BinOp.MUL && ca.out() == out
                    && ca.a() < c.args().size() && ca.b() < c.args().size()) {
                Expr a = c.args().get(ca.a()), b = c.args().get(ca.b());
                return scaledLoad(new Expr.Binary(BinOp.MUL, a, b, a.type(), 1), false);
            }
        }
        return null;
    }
}
