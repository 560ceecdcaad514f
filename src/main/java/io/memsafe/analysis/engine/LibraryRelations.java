package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Relations.Linear;
import io.memsafe.analysis.engine.Relations.Place;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.models.FunctionModel;
import io.memsafe.models.Returns;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static io.memsafe.analysis.engine.BlockCounts.count;
import static io.memsafe.analysis.engine.BlockCounts.isInput;
import static io.memsafe.analysis.engine.BlockCounts.related;
import static io.memsafe.analysis.engine.BlockCounts.untrustedIndex;
import static io.memsafe.analysis.engine.Relations.constant;
import static io.memsafe.analysis.engine.Relations.exact;
import static io.memsafe.analysis.engine.Relations.fits;
import static io.memsafe.analysis.engine.Relations.introduce;
import static io.memsafe.analysis.engine.Relations.le;
import static io.memsafe.analysis.engine.Relations.linear;
import static io.memsafe.analysis.engine.Relations.satAdd;
import static io.memsafe.analysis.engine.Relations.strip;
import static io.memsafe.analysis.engine.Relations.tracked;
import static io.memsafe.analysis.engine.Relations.unit;

/**
 * What library calls tell the relations ({@link Relations}) and what the relations prove of them: a
 * result at most an argument ({@code read}, {@code fread}), a search result within its length
 * ({@code memchr}), and accesses of a length the relations bound ({@code memcpy(buf + k, src, n)} with
 * {@code k + n <= sizeof buf}, {@code memchr(pos, c, end - pos)}).
 */
final class LibraryRelations {
    private LibraryRelations() { }

    /**
     * A library call that returns at most one of its arguments ({@code read(fd, buf, n)} returns at most
     * {@code n}): the result stored is related to that argument, so {@code buf[nread - 1]} after
     * {@code nread = read(fd, buf, len)} and {@code nread > 0} is inside a buffer of {@code len} bytes.
     */
    static void returnedAtMost(Interpreter in, FunctionModel m, Stmt.Call c, State s, Interpreter.Frame f) {
        if (s.bottom || f.fn() == null || c.result() == null || !(m.returns() instanceof Returns.Range rg) || rg.boundArg() < 0
                || rg.boundArg() >= c.args().size()) return;
        String x = tracked(in, c.result(), s, f);
        Linear bound = linear(in, c.args().get(rg.boundArg()), s, f);
        // at most n, or at most c - k (fread(buf + k, 1, sizeof buf - k, f))
        if (x == null || bound == null || bound.x() == null || bound.y() != null || !fits(exact(in, bound, s), strip(c.args().get(rg.boundArg())).type())) return;
        introduce(in, bound, s);
        List<Object[]> terms = new ArrayList<>();
        terms.add(new Object[] {x, 1});
        terms.add(new Object[] {bound.x(), -bound.sx()});
        Octagon<String> o = le(s.rel, terms, bound.c());
        if (!o.isBottom()) s.rel = o;
    }

    /**
     * Whether a byte access from pointer {@code pe} of length {@code n} ends inside its object of constant
     * size by the relations: the pointer's offset plus the length as one form
     * ({@code memchr(pos, c, end - pos)} ends at {@code end}), bounded by the object's size, the length
     * not negative.
     */
    private static boolean endWithin(Interpreter in, Expr pe, Expr n, Region region, State s, Interpreter.Frame f) {
        Long size = region.size.constant();
        if (size == null || unit(pe.type()) != 1) return false;
        // from a pointer held in a variable or member (an address taken of a member array is bounded by
        // the member, below)
        Expr base = pe;
        while (base instanceof Expr.Cast || base instanceof Expr.Binary) base = base instanceof Expr.Cast c ? c.operand() : ((Expr.Binary) base).left();
        if (!(base instanceof Expr.Load)) return false;
        Linear p = linear(in, pe, s, f), len = linear(in, n, s, f);
        if (p == null) p = offsetFromFixedPlace(in, pe, region, s, f);
        if (p == null || len == null || (p.x() == null && len.x() == null)) return false;
        Linear end = sum(p, len);
        if (end == null) return false;
        Interval e = exact(in, end, s), l = exact(in, len, s), at = exact(in, p, s);
        return !e.isBottom() && !l.isBottom() && !at.isBottom() && l.lo() >= 0 && at.lo() >= 0 && e.hi() <= size;
    }

    /**
     * {@code q + k} of a pointer q that the relations do not follow (an element of a container, a member
     * of another object) but that designates one fixed place of {@code region}: the offset k there, plus
     * that place ({@code memcpy(blocks.back() + offset, src, avail)} with {@code offset + avail} bounded
     * by the block's size).
     */
    private static Linear offsetFromFixedPlace(Interpreter in, Expr pe, Region region, State s, Interpreter.Frame f) {
        while (pe instanceof Expr.Cast c && unit(c.operand().type()) == 1) pe = c.operand();
        if (!(pe instanceof Expr.Binary b) || (b.op() != BinOp.ADD && b.op() != BinOp.SUB) || b.scale() != 1 || !(b.right().type() instanceof Type.Int)) return null;
        Linear k = linear(in, b.right(), s, f);
        if (k == null || k.y() != null) return null;
        Value q = in.eval(b.left(), s.copy(), new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false));
        // (where it designates that object: what else it may designate is checked apart)
        Interval at = q.pts.get(region);
        if (at == null || !at.isSingleton() || at.lo() < 0) return null;
        if (b.op() == BinOp.SUB) k = k.x() == null ? Linear.constant(-k.c()) : new Linear(k.x(), -k.sx(), null, 0, -k.c());
        return new Linear(k.x(), k.sx(), null, 0, satAdd(k.c(), at.lo()));
    }

    /**
     * A search within a length ({@code q = memchr(p, c, n)}): the match, when there is one, lies at
     * {@code p} or after and before {@code p + n}, so {@code memchr(pos, '\n', end - pos)} is before
     * {@code end}, whatever the intervals of {@code pos} and {@code end} are.
     */
    static void returnedWithin(Interpreter in, FunctionModel m, Stmt.Call c, State s, Interpreter.Frame f) {
        if (s.bottom || f.fn() == null || !(m.returns() instanceof Returns.PointerInto pi) || pi.lengthArg() < 0 || pi.lengthArg() >= c.args().size()
                || !(c.result() instanceof Lvalue.Var rv) || rv.var().isGlobalStorage() || !(rv.type() instanceof Type.Pointer rt)
                || unit(rt) != pi.elem() || unit(c.args().get(pi.arg()).type()) != pi.elem()) return;
        Linear p = linear(in, c.args().get(pi.arg()), s, f);
        // (size_t)(end - pos) is end - pos while the relations keep it non-negative (Relations.linear)
        Linear len = linear(in, c.args().get(pi.lengthArg()), s, f);
        Linear end = p == null || len == null ? null : sum(p, len);
        if (end == null || (p.x() == null && end.x() == null)) return;
        Place res = new Place(in.region(rv.var(), f.fn()), -1, 8, Interval.TOP, pi.elem());
        in.relatedPlaces.putIfAbsent(res.key(), res);
        introduce(in, p, s);
        introduce(in, end, s);
        Octagon<String> o = ScaledCopies.dropCopiesOf(s.rel.forget(res.key()), res.key());
        // p - res <= 0
        List<Object[]> atOrAfter = terms(p, -1);
        atOrAfter.add(new Object[] {res.key(), -1});
        o = le(o, atOrAfter, Interval.satNeg(p.c()));
        // res - end <= -1
        List<Object[]> before = terms(end, -1);
        before.add(0, new Object[] {res.key(), 1});
        o = le(o, before, satAdd(end.c(), -1));
        if (!o.isBottom()) s.rel = o;
    }

    /** The terms of a linear form, each sign multiplied by {@code sign}. */
    private static List<Object[]> terms(Linear l, int sign) {
        List<Object[]> t = new ArrayList<>();
        if (l.x() != null) t.add(new Object[] {l.x(), sign * l.sx()});
        if (l.y() != null) t.add(new Object[] {l.y(), sign * l.sy()});
        return t;
    }

    /** The sum of two linear forms, when it has at most two variables once opposite terms cancel. */
    private static Linear sum(Linear a, Linear b) {
        Map<String, Integer> coef = new java.util.TreeMap<>();
        for (Linear l : new Linear[] {a, b}) {
            if (l.x() != null) coef.merge(l.x(), l.sx(), Integer::sum);
            if (l.y() != null) coef.merge(l.y(), l.sy(), Integer::sum);
        }
        coef.values().removeIf(v -> v == 0);
        if (coef.size() > 2 || coef.values().stream().anyMatch(v -> Math.abs(v) != 1)) return null;
        List<Map.Entry<String, Integer>> e = new ArrayList<>(coef.entrySet());
        long c = satAdd(a.c(), b.c());
        if (e.isEmpty()) return Linear.constant(c);
        if (e.size() == 1) return new Linear(e.get(0).getKey(), e.get(0).getValue(), null, 0, c);
        return new Linear(e.get(0).getKey(), e.get(0).getValue(), e.get(1).getKey(), e.get(1).getValue(), c);
    }

    /**
     * A length {@code x - k + c} at offset {@code k + base}, x a variable no larger than the object less c
     * and base, k never above x and c not negative (so that the length does not wrap): the room left from
     * the offset up to x ({@code fread(buf + end, 1, size - end, f)} with a variable {@code size} as long
     * as the buffer).
     */
    private static boolean roomFrom(Interpreter in, Linear len, String k, long base, long size, State s) {
        if (len.x() == null || len.y() == null || len.sx() != 1 || len.sy() != -1 || !len.y().equals(k) || len.c() < 0) return false;
        Interval x = Relations.exact(in, new Linear(len.x(), 1, null, 0, 0), s), at = Relations.exact(in, new Linear(k, 1, null, 0, 0), s);
        if (x.isBottom() || at.isBottom() || x.hi() == Interval.POS_INF) return false;
        boolean noWrap = at.hi() <= x.lo() || s.rel.upperDiff(k, len.x()) <= 0;
        return noWrap && satAdd(satAdd(x.hi(), len.c()), base) <= size;
    }

    /**
     * Whether an access of {@code len} bytes from offset {@code from} of an input, {@code len} at most
     * {@code d} more than the input's length (the relations' tightest bound), may end more than one byte past the
     * input (the byte at its length is a counted string's terminator as often as not; a write there is past
     * a buffer given with its size): an untrusted
     * length checked against the whole input where what is left of it past the offset was meant.
     */
    private static boolean pastInput(Interpreter in, Region region, Linear len, long d, long from, boolean write, State s) {
        return isInput(region) && from >= 0 && satAdd(satAdd(d, len.c()), from) > (write ? 0 : 1) && related(s, len.x(), count(region, 1))
                && !s.rel.boundedByRest(len.x(), count(region, 1)) && BlockCounts.untrustedLength(in, len.x(), region, s);
    }

    /**
     * An access of a constant length at {@code p + off}, p at a fixed place of an input, whose offset the
     * checks bound by the input's length but not by what the access needs past it ({@code if (off > len)
     * return -1; memcpy(&v, p + off, 4)}): it may end that many bytes past the input.
     */
    private static boolean offsetPastInput(Interpreter in, Expr.Binary pb, Expr n, Region region, boolean write, State s, Interpreter.Frame f) {
        if (pb.scale() != 1 || !isInput(region)) return false;
        Linear off = linear(in, pb.right(), s, f), len = linear(in, n, s, f);
        if (off == null || off.x() == null || off.y() != null || off.sx() != 1 || len == null || len.x() != null || len.c() <= 0) return false;
        // the local pointer, past a header of a constant size ({@code buf + 8 + len})
        Expr left = pb.left();
        long header = 0;
        while (left instanceof Expr.Cast || left instanceof Expr.Binary hb && hb.op() == BinOp.ADD && hb.scale() == 1 && constant(hb.right()) != null) {
            if (left instanceof Expr.Binary hb) {
                header = satAdd(header, constant(hb.right()));
                left = hb.left();
            } else left = ((Expr.Cast) left).operand();
        }
        // (a local pointer itself, not an array member of what one points to: its value is where the input starts)
        if (!localPointer(left) || !(left instanceof Expr.Load pl && pl.lv() instanceof Lvalue.Var pv) || header < 0) return false;
        Value base = s.contents(in.region(pv.var(), f.fn())).load(Interval.ZERO, 8);
        Interval start = base.unknown || base.pts.size() != 1 ? null : base.pts.get(region);
        if (start == null || !start.isSingleton() || start.lo() < 0) return false;
        start = start.add(Interval.of(header));
        String count = count(region, 1);
        long d = s.rel.upperDiff(off.x(), count);
        if (d == Octagon.INF) return false;
        long over = satAdd(satAdd(satAdd(d, off.c()), len.c()), start.lo());
        return over > (write ? 0 : 1) && related(s, off.x(), count) && !s.rel.boundedByRest(off.x(), count)
                && BlockCounts.untrustedLength(in, off.x(), region, s);
    }

    /**
     * Records such an access of {@code ptr} as ending past the input, with what its finding says of the length
     * ({@code from} its offset; negative: {@code len} is the offset itself, of an access of a constant length).
     */
    private static Map<Value, MemoryAccess.End> pastInput(Interpreter in, Map<Value, MemoryAccess.End> out, Value ptr, Linear len, long from, State s) {
        if (out == null) out = new IdentityHashMap<>();
        out.put(ptr, MemoryAccess.End.PAST_COUNT);
        Value v = Relations.value(in, len.x(), s);
        Interval n = v.num.isBottom() ? s.rel.bounds(len.x()) : v.num.meet(s.rel.bounds(len.x()));
        String what = (n.isBottom() ? "?" : n.add(Interval.of(len.c())).toString())
                + (v.taint == null ? " (a parameter)" : " from " + v.taint.what() + " at line " + v.taint.loc().line());
        in.endDetails.put(ptr, from < 0 ? "offset " + what + ", checked against the buffer's length, not against what the access needs past the offset"
                : from == 0 ? "length " + what + ", checked against the buffer's length by a test that lets it run past the buffer"
                : "length " + what + ", checked against the input's whole length, not against what is left of it past offset " + from);
        return out;
    }

    /** A local pointer, or an array member of what one points to ({@code pkt->payload}): a fixed place of the block it designates. */
    private static boolean localPointer(Expr pe) {
        if (pe instanceof Expr.AddressOf ad && ad.lv() instanceof Lvalue.Deref d && d.byteOffset() > 0 && ad.lv().type() instanceof Type.Array) pe = d.pointer();
        while (pe instanceof Expr.Cast c) pe = c.operand();
        return pe instanceof Expr.Load pl && pl.lv() instanceof Lvalue.Var pv && !pv.var().isGlobalStorage() && pv.var().type instanceof Type.Pointer;
    }

    /**
     * Pointer arguments of a library call whose byte access, by the model's (pointer, length) pairs,
     * the relations prove to end inside the object: {@code memcpy(buf + k, src, n)} with
     * {@code k + n <= sizeof buf}. Keyed by the argument's value (each argument a distinct instance).
     */
    static Map<Value, MemoryAccess.End> provenEnds(Interpreter in, FunctionModel m, List<Expr> exprs, List<Value> args, State s, Interpreter.Frame f) {
        List<int[]> pairs = m.byteAccesses();
        if (s.rel.variables().isEmpty() || pairs.isEmpty()) return Map.of();
        java.util.Set<Integer> written = new java.util.HashSet<>();
        for (int[] w : m.byteAccesses(true)) written.add(w[0]);
        Map<Value, MemoryAccess.End> out = null;
        for (int[] pair : pairs) {
            int[] p = pair;
            boolean write = written.contains(p[0]);
            if (p.length == 3) {
                // size * count with one of them 1 (fread(buf, 1, n, f)): the other is the length
                if (p[1] >= exprs.size() || p[2] >= exprs.size()) continue;
                Long a = constant(exprs.get(p[1])), b = constant(exprs.get(p[2]));
                if (a != null && a == 1) p = new int[] {p[0], p[2]};
                else if (b != null && b == 1) p = new int[] {p[0], p[1]};
                else continue;
            }
            if (p[0] >= exprs.size() || p[1] >= exprs.size()) continue;
            Value ptr = args.get(p[0]);
            SumCounts.At sum = SumCounts.at(in, exprs.get(p[0]), ptr, s, f);
            if (sum != null) {
                // into a block sized by a sum, after one of the summands (memcpy(p + la, b, lb + 1)): the
                // access is into that block, at the summand's offsets
                Linear len = linear(in, exprs.get(p[1]), s, f);
                MemoryAccess.End end = len == null || len.x() == null || len.y() != null || len.sx() != 1
                        ? MemoryAccess.End.UNRELATED : SumCounts.end(sum, len.x(), len.c(), s);
                if (end != MemoryAccess.End.UNRELATED) {
                    if (sum.pointer() != ptr) args.set(p[0], ptr = sum.pointer());
                    if (end == MemoryAccess.End.PAST_COUNT) in.endDetails.put(ptr, SumCounts.detail(in, sum, len.x(), len.c()));
                    if (out == null) out = new IdentityHashMap<>();
                    out.put(ptr, end);
                }
                continue;
            }
            if (ptr.pts.size() != 1) continue;
            Region region = ptr.pts.keySet().iterator().next();
            Expr pe = exprs.get(p[0]);
            while (pe instanceof Expr.Cast c) pe = c.operand();
            // &p[k] of a pointer p: p + k
            if (pe instanceof Expr.AddressOf ad && ad.lv() instanceof Lvalue.Deref d && d.byteOffset() == 0) pe = d.pointer();


            String k = null;
            long base = 0;
            Long size;
            // &arr[k] of a byte array is arr + k
            if (pe instanceof Expr.AddressOf ai && ai.lv() instanceof Lvalue.Index ix && ix.type().size() == 1) {
                pe = new Expr.Binary(BinOp.ADD, new Expr.AddressOf(ix.base(), new Type.Pointer(ix.base().type(), 8)), ix.index(), ai.type(), 1);
            }
            if (localPointer(pe) && ptr.pts.get(region).isSingleton() && ptr.pts.get(region).lo() >= 0 && s.rel.variables().contains(BlockCounts.count(region, 1))) {
                // a place k of a block whose byte count the relations know (a request's system buffer):
                // a length at most the count less k
                Linear len = linear(in, exprs.get(p[1]), s, f);
                if (len != null && len.x() != null && len.y() == null && len.sx() == 1) {
                    long d = s.rel.upperDiff(len.x(), BlockCounts.count(region, 1));
                    if (d != Octagon.INF && satAdd(satAdd(d, len.c()), ptr.pts.get(region).lo()) <= 0) {
                        if (out == null) out = new IdentityHashMap<>();
                        out.put(ptr, MemoryAccess.End.INSIDE);
                    } else if (d != Octagon.INF && !isInput(region) && related(s, len.x(), BlockCounts.count(region, 1))) {
                        // the tightest bound the relations know lets it run past the count (memcpy(p, s, n + 1)
                        // into a block of n bytes; a length checked with <= against the count)
                        if (out == null) out = new IdentityHashMap<>();
                        out.put(ptr, MemoryAccess.End.PAST_COUNT);
                    } else if (d != Octagon.INF && pastInput(in, region, len, d, ptr.pts.get(region).lo(), write, s)) {
                        out = pastInput(in, out, ptr, len, ptr.pts.get(region).lo(), s);
                    } else if (isInput(region) && ptr.pts.size() == 1 && ptr.pts.get(region).lo() == 0
                            && !related(s, len.x(), BlockCounts.count(region, 1))) {
                        // a buffer the entry point was given with its size, and a length from the input that no
                        // check relates to that size (checked against another buffer's, or against nothing)
                        boolean untrusted = BlockCounts.untrustedIndex(in, len.x(), region, s);
                        Region other = untrusted ? null : BlockCounts.testedAgainstAnother(in, len.x(), region, s);
                        if (other != null) {
                            // a parameter: the test against the other buffer's length is the evidence it is not trusted
                            Relations.Place lp = in.relatedPlaces.get(len.x());
                            args.set(p[1], Value.tainted(s.rel.bounds(len.x()), new io.memsafe.analysis.domain.Origin("parameter " + lp.region().description
                                    + ", tested against the length of " + other.description + " only", lp.region().allocated)));
                        }
                        if (untrusted || other != null) {
                            if (out == null) out = new IdentityHashMap<>();
                            out.put(ptr, MemoryAccess.End.UNCHECKED_AGAINST_COUNT);
                        }
                    }
                }
                continue;
            }
            if (pe instanceof Expr.Binary pb && pb.op() == BinOp.ADD && s.rel.variables().contains(count(region, 1))
                    && offsetPastInput(in, pb, exprs.get(p[1]), region, write, s, f)) {
                out = pastInput(in, out, ptr, linear(in, pb.right(), s, f), -1, s);
                continue;
            }
            if (pe instanceof Expr.Binary pb && pb.op() == BinOp.ADD && localPointer(pb.left()) && s.rel.variables().contains(count(region, 1))) {
                // an input read from past a header ({@code memcpy(dst, d + 2, n)}) by a length the checks bound by
                // the whole input's length: the copy runs past the input by up to the header's size
                Interval at = ptr.pts.get(region);
                Linear len = linear(in, exprs.get(p[1]), s, f);
                if (!at.isBottom() && at.lo() > 0 && at.lo() != Interval.POS_INF && len != null && len.x() != null && len.y() == null && len.sx() == 1) {
                    long d = s.rel.upperDiff(len.x(), count(region, 1));
                    if (d != Octagon.INF && pastInput(in, region, len, d, at.lo(), write, s)) {
                        out = pastInput(in, out, ptr, len, at.lo(), s);
                        continue;
                    }
                }
            }
            if (endWithin(in, pe, exprs.get(p[1]), region, s, f)) {
                if (out == null) out = new IdentityHashMap<>();
                out.put(ptr, MemoryAccess.End.INSIDE);
                continue;
            }
            if (!(pe instanceof Expr.Binary b) || b.op() != BinOp.ADD || b.scale() != 1) continue;
            Expr left = b.left();
            while (left instanceof Expr.Cast c && c.type() instanceof Type.Pointer) left = c.operand();
            if (left instanceof Expr.AddressOf ao) {
                // a whole variable is bounded by its object; an array member ({@code md->buf + used}) by the member
                if (ao.lv() instanceof Lvalue.Var) size = region.size.constant();
                else if (ao.lv().type() instanceof Type.Array arr && arr.size() > 0) size = arr.size();
                else continue;
            } else if (left instanceof Expr.Load l && l.lv() instanceof Lvalue.Var pv && !pv.var().isGlobalStorage() && pv.var().type instanceof Type.Pointer) {
                // a local pointer to one place of an object of constant size: the room from that place on
                Value at = s.contents(in.region(pv.var(), f.fn())).load(Interval.ZERO, 8);
                Long whole = region.size.constant();
                if (whole == null && BlockCounts.isInput(region) && at.pts.size() == 1 && at.pts.containsKey(region) && Interval.ZERO.equals(at.pts.get(region))) {
                    // an input of the length its entry point was given: an untrusted offset no check relates to it
                    Linear off = linear(in, b.right(), s, f);
                    String n = BlockCounts.count(region, 1);
                    if (off != null && off.x() != null && off.y() == null && off.sx() == 1 && s.rel.variables().contains(n)
                            && !BlockCounts.related(s, off.x(), n) && BlockCounts.untrustedIndex(in, off.x(), region, s)) {
                        if (out == null) out = new IdentityHashMap<>();
                        out.put(ptr, MemoryAccess.End.UNCHECKED_AGAINST_COUNT);
                    }
                    continue;
                }
                if (at.unknown || at.pts.size() != 1 || !at.pts.containsKey(region) || !at.pts.get(region).isSingleton() || whole == null) continue;
                size = whole - at.pts.get(region).lo();
            } else continue;
            Linear off = linear(in, b.right(), s, f);
            if (size == null || off == null || off.x() == null || off.y() != null || off.sx() != 1) continue;
            k = off.x();
            base = off.c();
            Linear len = linear(in, exprs.get(p[1]), s, f);
            if (len != null && roomFrom(in, len, k, base, size, s)) {
                if (out == null) out = new IdentityHashMap<>();
                out.put(ptr, MemoryAccess.End.INSIDE);
                continue;
            }
            if (len == null || len.x() == null || len.y() != null) continue;
            long bound;
            if (len.sx() == 1) bound = len.x().equals(k) ? Octagon.INF : s.rel.upperSum(k, len.x());
            else {
                // a length c - x (the room left): it must not wrap, and k + c - x is bounded by k - x
                Interval x = s.rel.bounds(len.x());
                if (x.isBottom() || x.lo() == Interval.NEG_INF || x.hi() == Interval.POS_INF || x.hi() > len.c()) continue;
                bound = len.x().equals(k) ? 0 : s.rel.upperDiff(k, len.x());
            }
            if (bound == Octagon.INF || satAdd(satAdd(bound, base), len.c()) > size) continue;
            if (out == null) out = new IdentityHashMap<>();
            out.put(ptr, MemoryAccess.End.INSIDE);
        }
        return out == null ? Map.of() : out;
    }
}
