package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import io.memsafe.models.Effect;

import java.util.List;
import java.util.Map;

/**
 * The element counts of blocks in the relations: how many elements a heap block or an entry point's
 * input buffer has, as an octagon variable tied to the variable it was allocated or declared with, so
 * that an index below that variable is inside the block however large the variable may be.
 */
final class BlockCounts {
    private BlockCounts() { }

    /** What a byte count may add to an object's length and still not wrap ({@code len + 1}, a header's bytes). */
    private static final long SMALL_EXTRA = 1 << 16;

    /** The octagon variable that holds how many elements of {@code elem} bytes a heap block has. */
    static String count(Region block, long elem) { return "n:" + block.key + "/" + elem; }

    /** Is this variable an element count ({@link #count})? */
    static boolean isCount(String k) { return k.startsWith("n:"); }

    /** Is this variable a count of bytes ({@code count(block, 1)})? */
    static boolean isByteCount(String k) { return isCount(k) && k.endsWith("/1"); }

    /** The key of the block a count variable counts. */
    static String countedBlock(String k) { return k.substring(2, k.lastIndexOf('/')); }

    /**
     * An entry point's input buffer holds as many bytes as its length parameter says: its byte count is
     * the parameter, so that {@code buf[i]} with {@code i < len} is inside and an untrusted index that no
     * check relates to {@code len} is not (see {@link #elementInBlock}).
     */
    static void inputLength(Interpreter in, Function fn, Region buffer, Variable length, State s) {
        if (!(length.type instanceof Type.Int t)) return;
        Relations.Place p = new Relations.Place(in.region(length, fn), -1, t.size(), Interval.ofType(t.size(), t.signed()), 0);
        in.relatedPlaces.putIfAbsent(p.key(), p);
        Octagon<String> o = s.rel.meetInterval(p.key(), Interval.ofType(t.size(), t.signed()).meet(Interval.of(0, Interval.POS_INF)));
        if (o.isBottom()) return;
        s.rel = o.assign(count(buffer, 1), p.key(), 0);
        Value len = Relations.value(in, p.key(), s);
        if (len.taint != null) in.inputLengths.put(buffer, len.taint);
    }

    /** The same for an input given as a start and an end pointer: the count is the end's offset in it. */
    static void inputEnd(Interpreter in, Function fn, Region buffer, Variable end, State s) {
        Relations.Place p = new Relations.Place(in.region(end, fn), -1, 8, Interval.TOP, 1);
        in.relatedPlaces.putIfAbsent(p.key(), p);
        Octagon<String> o = s.rel.meetInterval(p.key(), Interval.of(0, Interval.POS_INF));
        if (!o.isBottom()) s.rel = o.assign(count(buffer, 1), p.key(), 0);
    }

    /**
     * After an allocation of {@code size} bytes ({@code malloc(n * sizeof *p)}, {@code calloc(n, k)},
     * {@code realloc(p, (n + 1) * k)}): the new block's element count is related to the variable it
     * was computed from, so that {@code p[i]} with {@code i < n} is in bounds however large n may
     * be. Only when the size cannot wrap (the variable's bounds, its type's range).
     */
    static void allocated(Interpreter in, Effect.Len size, List<Expr> args, Value block, State s, Interpreter.Frame f) {
        if (block == null || block.pts.size() != 1 || f.fn() == null) return;
        Region r = block.pts.keySet().iterator().next();
        Octagon<String> o = s.rel;
        String prefix = "n:" + r.key + "/";
        for (String k : o.variables()) if (k.startsWith(prefix) || SumCounts.isRoomOf(k, r.key)) o = o.forget(k);
        s.rel = o;
        if (in.severalLive.contains(r.key)) return;
        Expr e;
        long scale;
        switch (size) {
            case Effect.Len.Arg a -> {
                if (a.arg() >= args.size()) return;
                e = args.get(a.arg());
                scale = a.scale();
            }
            case Effect.Len.Product pr -> {
                if (pr.a() >= args.size() || pr.b() >= args.size()) return;
                Long ka = Relations.constant(args.get(pr.a())), kb = Relations.constant(args.get(pr.b()));
                if (kb != null) { e = args.get(pr.a()); scale = kb; }
                else if (ka != null) { e = args.get(pr.b()); scale = ka; }
                else return;
            }
            default -> { return; }
        }
        e = Relations.strip(e);
        if (e instanceof Expr.Binary b && b.op() == BinOp.MUL) {
            Long kl = Relations.constant(b.left()), kr = Relations.constant(b.right());
            if (kr != null) { e = b.left(); scale *= kr; }
            else if (kl != null) { e = b.right(); scale *= kl; }
        }
        Relations.Linear n = Relations.linear(in, e, s, f);
        if (scale == 1 && n != null && n.y() != null) {
            SumCounts.allocated(in, n, r, s);
            return;
        }
        if (scale <= 0 || n == null || n.x() == null || n.y() != null || n.sx() != 1) return;
        Relations.introduce(in, n, s);
        Relations.Place p = in.relatedPlaces.get(n.x());
        Value v = Relations.value(in, n.x(), s);
        Interval x = s.rel.bounds(n.x()).meet(p == null ? Interval.TOP : p.range());
        if (!v.unknown && v.pts.isEmpty() && !v.num.isBottom()) x = x.meet(v.num);
        // the product of the exact count and the element size must be the size allocated (no wrap); a byte
        // count that is a variable as it is cannot wrap, and one of a value no input chose plus a small
        // constant (malloc(len + 1) of a string's length) cannot come near the top of the address space,
        // however large the intervals leave it
        boolean lengthOfObject = scale == 1 && (n.c() == 0 || (n.c() > 0 && n.c() <= SMALL_EXTRA && v.taint == null));
        if (x.isBottom() || x.lo() + n.c() < 0) return;
        if (!lengthOfObject && (x.hi() == Interval.POS_INF || Relations.satAdd(x.hi(), n.c()) > Long.MAX_VALUE / 2 / scale)) return;
        s.rel = s.rel.assign(count(r, scale), n.x(), n.c());
        in.countDefinedBy.computeIfAbsent(count(r, scale), c -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(n.x());
    }

    /**
     * An element {@code p[i]} of a heap block that {@code p} points to the start of, whose count n the
     * relations know: {@code INSIDE} when {@code i < n} holds, {@code MAY_REACH_COUNT} (or {@code PAST_COUNT},
     * when a relation tighter than the intervals says so) when the
     * tightest bound they know is {@code i <= n} or above (a loop {@code i <= n}, a check against
     * {@code n} where {@code n - 1} was meant). Only the end; the start is the intervals' to check.
     */
    static MemoryAccess.End elementInBlock(Interpreter in, Lvalue lv, boolean write, State s, Interpreter.Frame f) {
        MemoryAccess.End none = MemoryAccess.End.UNRELATED;
        in.atInputLength = false;
        in.pastScan = -1;
        Element e = s.rel.variables().isEmpty() ? null : element(lv);
        if (e == null && !s.rel.variables().isEmpty()) e = walkedElement(lv);
        if (e == null) return none;
        Expr.Binary b = e.add();
        Value at = base(in, e, s, f);
        if (at.unknown || at.pts.isEmpty()) return none;
        Relations.Linear i = withoutConstants(in, Relations.linear(in, b.right(), s, f), s);
        if (i != null && i.x() == null) {
            // a constant element past a pointer walked along its object (p[2] in a loop p < end): the index is
            // the pointer's own offset, which the relations keep, plus the constant, from the object's start
            String walked = walkedPointer(in, e, b, f);
            if (walked == null || !s.rel.variables().contains(walked) || at.pts.size() != 1) return none;
            Region r = at.pts.keySet().iterator().next();
            return elementInBlock(in, s, Value.pointer(r, Interval.ZERO), b,
                    new Relations.Linear(walked, 1, null, 0, i.c()), write, none, f.depth() == 0, f.fn(), e.base());
        }
        if (i == null || i.x() == null || i.y() != null || i.sx() != 1) return none;
        // an index k times a local ({@code out[2 * i]}) is that local's scaled copy, related to the other
        // copies while the check looks (the state keeps what it had)
        if (ScaledCopies.of(i.x()) == null || s.rel.variables().contains(i.x())) return elementInBlock(in, s, at, b, i, write, none, f.depth() == 0, f.fn(), b.right());
        io.memsafe.analysis.domain.Octagon<String> kept = s.rel;
        try {
            Relations.introduce(in, i, s);
            return elementInBlock(in, s, at, b, i, write, none, f.depth() == 0, f.fn(), b.right());
        } finally {
            s.rel = kept;
        }
    }

    private static MemoryAccess.End elementInBlock(Interpreter in, State s, Value at, Expr.Binary b, Relations.Linear i, boolean write, MemoryAccess.End none,
                                                  boolean root, Function fn, Expr stepped) {
        // every block the pointer may designate: the start of it, with a known count
        MemoryAccess.End end = MemoryAccess.End.INSIDE;
        for (Map.Entry<Region, Interval> t : at.pts.entrySet()) {
            String n = count(t.getKey(), b.scale());
            // the pointer at the block's start, or (into an input) past some of it: a callee's view of the input
            // past a header (walk(d + off, n)), whose least offset is what counts (the access runs past the input
            // from there on, and further from any later start)
            Interval at0 = t.getValue();
            long start = at0.isSingleton() && at0.lo() == 0 ? 0
                    : isInput(t.getKey()) && !at0.isBottom() && at0.lo() > 0 && at0.lo() != Interval.POS_INF ? at0.lo() / b.scale() : -1;
            if (start < 0) return none;
            if (!s.rel.variables().contains(n) || in.severalLive.contains(t.getKey().key)) return none;
            long d0 = s.rel.upperDiff(i.x(), n);
            // an untrusted index into an input buffer that no check relates to the buffer's length (from its start;
            // past a header only in the entry point itself, whose own relations hold all the checks: in a callee,
            // the index is checked against what a caller computed of the rest, which the relations between the
            // two functions need not keep)
            if ((start == 0 || root) && at.pts.size() == 1 && isInput(t.getKey()) && !related(s, i.x(), n) && untrustedIndex(in, i.x(), t.getKey(), s)) {
                return MemoryAccess.End.UNCHECKED_AGAINST_COUNT;
            }
            if (d0 == Octagon.INF) return none;
            // (an input's own length as its index reads its terminator as often as past its end; an index
            // the relations let go past that byte, an untrusted one checked against another bound than what is
            // left of the input, does not: d[off + n] after n <= len)
            long over = Relations.satAdd(Relations.satAdd(d0, i.c()), start);
            // (a write at the length is no terminator read: out[2 * len] after len <= outsz / 2 is out[outsz])
            // (a write at or past the length of a buffer handed over with it overflows it whatever the index's
            // origin, as a heap block's does: out[j++] twice after a test that left room for one; not at the
            // length itself, s[len] = '\0' of a string handed over with its length and room for its terminator)
            // (nor is an untrusted index's read of bytes of binary data, unsigned char: b[pos] after pos > n failed)
            boolean noSlack = write || binaryBytes(b);
            if (over > -1 && isInput(t.getKey())) {
                boolean past = (over > 0 || noSlack && start == 0) && related(s, i.x(), n) && !s.rel.boundedByRest(i.x(), n);
                if (past && (untrustedLength(in, i.x(), t.getKey(), s) || write && start == 0 && !lengthItself(in, i.x(), t.getKey(), s))) {
                    end = MemoryAccess.End.PAST_COUNT;
                    if (over == 0) in.atInputLength = true;
                } else if (past && !write && root && pastScan(s, i, n, d0, over, fn, stepped)) {
                    end = MemoryAccess.End.PAST_COUNT;
                    in.pastScan = i.c();
                } else end = none;
            } else if (over > -1) end = related(s, i.x(), n) ? MemoryAccess.End.PAST_COUNT : MemoryAccess.End.MAY_REACH_COUNT;
        }
        return end;
    }

    /**
     * A read past an input's length by an index the checks keep within that length: a loop or test stops
     * {@code i} (or a pointer walked along the input) at the length, and the code reads a constant number of
     * bytes further ({@code s[i + 2]} after {@code i < n}; {@code *p} after {@code p++} past a separator the
     * walk may not have found). The byte at the length itself may be a string's terminator, so only a read
     * past it ({@code over > 0}) is evidence; and only where the relations hold all the checks (the function
     * analysed, not a callee in a caller's context, whose bounds come from sums the relations keep loosely),
     * where the index steps by no more than the constant (records of k bytes read at {@code i + k - 1} after
     * {@code n % k == 0}), and where no other variable that may exceed the length is what bounds the index.
     */
    private static boolean pastScan(State s, Relations.Linear i, String n, long d0, long over, Function fn, Expr stepped) {
        return over > 0 && (i.c() <= 0 || stride(fn, stepped) <= i.c()) && !boundedByAnother(s, i.x(), n, d0);
    }

    /**
     * Is {@code x}'s bound by the count {@code n} one the relations derive through another variable that
     * may itself exceed the count ({@code *pos <= end - 2} in a callee handed {@code end}, whose caller kept
     * it within the input by a sum the relations hold only loosely: {@code end <= n + 3}), or is x bounded
     * by a variable they do not relate to the count at all? The checks then bound x by that other value,
     * and how it compares with the input's length is more than the relations say: no evidence that the
     * index runs past the input.
     */
    private static boolean boundedByAnother(State s, String x, String n, long d0) {
        for (String y : s.rel.variables()) {
            if (y.equals(x) || y.equals(n)) continue;
            long xy = s.rel.upperDiff(x, y);
            if (xy == Octagon.INF) continue;
            long yn = s.rel.upperDiff(y, n);
            if (yn == Octagon.INF) return true;
            boolean pinned = s.rel.upperDiff(n, y) != Octagon.INF && yn + s.rel.upperDiff(n, y) == 0;
            if (yn > 0 && !pinned && Relations.satAdd(xy, yn) <= d0) return true;
        }
        return false;
    }

    /**
     * The largest constant step {@code v += k} of the local v an index or pointer loads ({@code i}, {@code i + 2}),
     * 0 when none: a loop over records of k elements reads {@code p[i + k - 1]} after a test of {@code i} alone,
     * bounded by a count that is a multiple of k ({@code n % 3 == 0}), which the relations cannot show.
     */
    private static long stride(Function fn, Expr index) {
        Expr e = Expr.uncast(index);
        if (e instanceof Expr.Binary a && (a.op() == BinOp.ADD || a.op() == BinOp.SUB)) e = Expr.uncast(a.left());
        if (fn == null || !(e instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var v)) return 0;
        long k = 0;
        for (BasicBlock bb : fn.blocks) for (Stmt st : bb.stmts) {
            if (st instanceof Stmt.Assign as && as.target() instanceof Lvalue.Var t && t.var() == v.var()
                    && Expr.uncast(as.value()) instanceof Expr.Binary add && add.op() == BinOp.ADD
                    && Expr.uncast(add.left()) instanceof Expr.Load al && al.lv() instanceof Lvalue.Var av && av.var() == v.var()
                    && Relations.constant(add.right()) instanceof Long step) k = Math.max(k, step);
        }
        return k;
    }

    /**
     * {@code *p} of a local pointer p to bytes or elements of the size read: the element at index 0 past p
     * (read as {@code p[0]}, so that a pointer walked along its object is checked as {@code p[k]} is).
     */
    private static Element walkedElement(Lvalue lv) {
        if (!(lv instanceof Lvalue.Deref d) || d.byteOffset() != 0) return null;
        Expr pe = d.pointer();
        while (pe instanceof Expr.Cast c && c.type() instanceof Type.Pointer cp && cp.pointee().size() == lv.type().size()) pe = c.operand();
        if (!(pe instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var pv) || pv.var().isGlobalStorage()) return null;
        long unit = Relations.unit(l.type());
        if (unit <= 0 || unit != lv.type().size()) return null;
        return new Element(l, new Expr.Binary(BinOp.ADD, l, new Expr.IntConst(0, Type.LONG), l.type(), unit));
    }

    /** The relations' key of the offset of the local pointer {@code e} loads, when it counts elements of the access's size. */
    private static String walkedPointer(Interpreter in, Element e, Expr.Binary b, Interpreter.Frame f) {
        if (!(e.base().lv() instanceof Lvalue.Var v) || v.var().isGlobalStorage() || f.fn() == null) return null;
        if (Relations.unit(e.base().lv().type()) != b.scale()) return null;
        return in.region(v.var(), f.fn()).key + "#p";
    }

    /**
     * Does the access read unsigned bytes ({@code uint8_t}, {@code unsigned char}): binary data, whose
     * length counts every byte there is, not a string whose terminator follows its counted characters.
     */
    private static boolean binaryBytes(Expr.Binary b) {
        return b.type() instanceof Type.Pointer p && p.pointee() instanceof Type.Int e && e.size() == 1 && !e.signed();
    }

    /**
     * {@code l} with a variable the relations pin to one value folded into the constant: {@code off + i}
     * with {@code off} a fixed header length is {@code i + 12}.
     */
    private static Relations.Linear withoutConstants(Interpreter in, Relations.Linear l, State s) {
        if (l == null || l.y() == null) return l;
        Interval y = pinned(in, l.y(), s), x = pinned(in, l.x(), s);
        if (y != null) return new Relations.Linear(l.x(), l.sx(), null, 0, Relations.satAdd(l.c(), l.sy() * y.lo()));
        if (x != null) return new Relations.Linear(l.y(), l.sy(), null, 0, Relations.satAdd(l.c(), l.sx() * x.lo()));
        return l;
    }

    private static Interval pinned(Interpreter in, String k, State s) {
        Value v = Relations.value(in, k, s);
        Interval b = v.unknown || v.isPointer() || v.num.isBottom() ? s.rel.bounds(k) : v.num.meet(s.rel.bounds(k));
        return b.isSingleton() ? b : null;
    }

    /**
     * {@code p[i]}, {@code *(p + i)} of a local pointer p or of a pointer member of an object a local
     * pointer designates ({@code pg->lacing[i]}): the load of the pointer and the addition.
     */
    private record Element(Expr.Load base, Expr.Binary add) { }

    /** The pointer an element's base holds, as the state has it (read without reporting anything). */
    private static Value base(Interpreter in, Element e, State s, Interpreter.Frame f) {
        if (e.base().lv() instanceof Lvalue.Var v) return s.contents(in.region(v.var(), f.fn())).load(Interval.ZERO, 8);
        return in.eval(e.base(), s, new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false));
    }

    private static Element element(Lvalue lv) {
        if (!(lv instanceof Lvalue.Deref d) || d.byteOffset() != 0) return null;
        Expr pe = d.pointer();
        while (pe instanceof Expr.Cast c && c.type() instanceof Type.Pointer) pe = c.operand();
        if (!(pe instanceof Expr.Binary b) || b.op() != BinOp.ADD || b.scale() <= 0 || lv.type().size() > b.scale()) return null;
        Expr left = b.left();
        while (left instanceof Expr.Cast c && c.type() instanceof Type.Pointer) left = c.operand();
        if (!(left instanceof Expr.Load l)) return null;
        if (l.lv() instanceof Lvalue.Var pv) return pv.var().isGlobalStorage() ? null : new Element(l, b);
        // a member of the object a local pointer designates
        Lvalue object = l.lv() instanceof Lvalue.Field fl ? fl.base() : l.lv();
        if (object instanceof Lvalue.Deref md && Expr.uncast(md.pointer()) instanceof Expr.Load o && o.lv() instanceof Lvalue.Var ov
                && !ov.var().isGlobalStorage()) return new Element(l, b);
        return null;
    }

    /**
     * The address of an element {@link #elementInBlock} found at or past its block's count: the block the
     * base pointer designates, at the offsets the relations bound the index to (adding an index of unknown
     * value lost the block, {@code p[n]} with {@code n = strlen(s)}; a loop's first pass fixed the offset).
     */
    static Value elementAddress(Interpreter in, Lvalue lv, Value p, State s, Interpreter.Frame f) {
        Element e = element(lv);
        Expr.Binary b = e == null ? null : e.add();
        Relations.Linear i = b == null ? null : withoutConstants(in, Relations.linear(in, b.right(), s, f), s);
        if (i == null || i.x() == null || i.y() != null) return p;
        Value at = base(in, e, s, f);
        Relations.Place place = in.relatedPlaces.get(i.x());
        Interval index = s.rel.bounds(i.x()).meet(place == null ? Interval.TOP : place.range()).add(Interval.of(i.c())).mul(Interval.of(b.scale()));
        if (index.isBottom() || index.lo() < 0) return p;
        Map<Region, Interval> pts = new java.util.TreeMap<>();
        for (Map.Entry<Region, Interval> t : at.pts.entrySet()) pts.put(t.getKey(), t.getValue().add(index));
        return new Value(Interval.BOTTOM, pts, true, p.taint, p.widened);
    }

    /**
     * Whether the relations bound {@code x - n} more tightly than the two intervals do: some test or
     * assignment related them ({@code x < n}, {@code x + len <= n}), not just their ranges.
     */
    static boolean related(State s, String x, String n) {
        long d = s.rel.upperDiff(x, n);
        if (d == Octagon.INF) return false;
        Interval bx = s.rel.bounds(x), bn = s.rel.bounds(n);
        if (bx.isBottom() || bn.isBottom() || bx.hi() == Interval.POS_INF || bn.lo() == Interval.NEG_INF) return true;
        return d < Relations.satAdd(bx.hi(), -bn.lo());
    }

    /** Whether {@code p} designates an entry point's input buffer only. */
    static boolean intoInput(Value p) {
        return !p.pts.isEmpty() && p.pts.keySet().stream().allMatch(BlockCounts::isInput);
    }

    /** The bytes an entry point's buffer parameter designates (keyed {@code in:} by {@link AttackSurface#bind}). */
    static boolean isInput(Region r) { return AttackSurface.isInput(r); }

    /**
     * A place whose value comes from untrusted input other than the input's own length, not capped by a test
     * ({@link BufferLengths#scaledCheck}) (a position a loop
     * or a callee derived from the length, {@code i < size}, is bounded by it where the relations cannot
     * see: the bytes of the input and what other sources give are what an offset read from the input is).
     */
    static boolean untrustedIndex(Interpreter in, String k, Region input, State s) { return untrustedIndex(in, k, input, s, false); }

    /**
     * An untrusted length or index whose bound the relations show is not what is left of an input: as
     * {@link #untrustedIndex}, also when a test capped it (the test bounds it by too much) and whatever
     * the intervals lost of it.
     */
    static boolean untrustedLength(Interpreter in, String k, Region input, State s) { return untrustedIndex(in, k, input, s, true); }

    /** The same; {@code evenCapped}: also when a test capped it (a test the relations show bounds it by too much). */
    private static boolean untrustedIndex(Interpreter in, String k, Region input, State s, boolean evenCapped) {
        Value v = Relations.value(in, k, s);
        if (evenCapped && testedParameter(in, k, v)) return true;
        // (there the relations bound it, whatever the intervals lost of it)
        if (v.taint == null || (v.taint.capped() && !evenCapped) || (v.unknown && !evenCapped) || !v.pts.isEmpty() || v.num.isBottom() || v.num.hi() <= 0) return false;
        Origin length = in.inputLengths.get(input);
        return length == null || !length.sameSource(v.taint);
    }

    /**
     * A parameter the analysis knows nothing of (whatever a caller passes): when the relations show the
     * function's own test bounds it by the object's length, not by what the access needs of it
     * ({@code if (off > len) return -1; memcpy(&v, p + off, 4)}), the test is the evidence that the
     * value is not trusted, and that it lets through values the access cannot take (Smatch's check
     * against the wrong bound, with a variable bound).
     */
    static boolean testedParameter(Interpreter in, String k, Value v) {
        Relations.Place p = in.relatedPlaces.get(k);
        if (p == null || p.field() || p.pointer() || !v.unknown || v.taint != null || !v.pts.isEmpty()) return false;
        return in.parameters.contains(p.region());
    }

    /**
     * A parameter the function tests against another input's length and never against this one's
     * ({@code if (len > srclen) return -1; memcpy(dst, src, len)}): checked against the wrong buffer.
     * That other buffer, or null.
     */
    static Region testedAgainstAnother(Interpreter in, String k, Region input, State s) {
        if (!testedParameter(in, k, Relations.value(in, k, s))) return null;
        for (Region r : s.mem.keySet()) {
            if (isInput(r) && !r.equals(input) && s.rel.variables().contains(count(r, 1)) && related(s, k, count(r, 1))) return r;
        }
        return null;
    }

    /** Whether {@code k} holds the length of {@code input} itself, as the relations say (equal to its count). */
    private static boolean lengthItself(Interpreter in, String k, Region input, State s) {
        String n = count(input, 1);
        return s.rel.upperDiff(k, n) == 0 && s.rel.upperDiff(n, k) == 0;
    }
}
