package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.models.Effect;
import io.memsafe.models.FunctionModel;
import io.memsafe.models.Returns;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Applies a declarative {@link FunctionModel} to the abstract state, telling the checkers what it accesses. */
final class ModelInterpreter {
    private final Interpreter in;

    private final KernelObjects kernel;

    ModelInterpreter(Interpreter in) {
        this.in = in;
        this.kernel = new KernelObjects(in, this);
    }

    private static Value arg(List<Value> args, int i) { return i >= 0 && i < args.size() ? args.get(i) : Value.UNKNOWN; }

    /** A length in bytes; bottom num with unknown when not computable. */
    private static Value length(Effect.Len len, List<Value> args) {
        return switch (len) {
            case Effect.Len.Arg a -> {
                Value v = arg(args, a.arg());
                yield v.withNum(v.num.mul(Interval.of(a.scale()))).withoutPointers();
            }
            case Effect.Len.Product p -> ValueArithmetic.binary(io.memsafe.ir.Expr.BinOp.MUL, arg(args, p.a()), arg(args, p.b()), 1, io.memsafe.ir.Type.ULONG);
            case Effect.Len.Const c -> Value.of(c.bytes());
        };
    }

    /** The character {@code c} converts to (strchr converts its int to char) cannot be NUL. */
    private static boolean notNul(Interval c, int elem) {
        if (c.isBottom()) return false;
        if (c.isSingleton()) return elem >= 4 ? c.lo() != 0 : (c.lo() & ((1L << (8 * elem)) - 1)) != 0;
        long max = (1L << (8 * Math.min(elem, 3))) - 1;
        return c.lo() >= 1 && c.hi() <= max || c.lo() >= -max && c.hi() <= -1;
    }

    /** The length in bytes (terminator excluded) of the string a pointer designates; null if unknown. */
    record Str(Interval bytes, Origin taint, boolean alsoUnknown) {
        /** For checks: an unbounded length counts only with its lower bound (it is "no terminator known"). */
        Interval forCheck() { return bytes.hi() == Interval.POS_INF ? Interval.of(bytes.lo()) : bytes; }
    }

    /**
     * The known part of a string's length: where the first NUL is on the paths that determine it.
     * Paths on which nothing is known (uninitialised or havocked storage) add {@code alsoUnknown};
     * they are no evidence for a finding, but the known paths are.
     */
    Str strlen(Value p, State s) { return strlen(p, s, 0); }

    /** The length of the string at {@code p} as a scan of {@code elem}-byte characters finds it (0: by the first zero element). */
    Str strlen(Value p, State s, int elem) {
        if (p.pts.isEmpty()) return null;
        Interval len = Interval.BOTTOM;
        Origin taint = null;
        boolean unknown = p.unknown;
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
            Contents c = s.contents(e.getKey());
            unknown |= c.nul.unknown;
            Long inWide = elem == 1 && e.getValue().isSingleton() ? zeroByteInWideElements(c, e.getValue().lo(), c.nul.num) : null;
            if (inWide != null) {
                // a byte scan of wide characters: it stops inside the first one with a zero byte
                len = len.join(Interval.of(inWide - e.getValue().lo()));
                if (taint == null) taint = c.nul.taint != null ? c.nul.taint : c.rest.taint;
                continue;
            }
            if (c.nul.num.isBottom()) continue;
            Interval l = c.nul.num.sub(e.getValue());
            if (l.hi() < 0) { unknown = true; continue; } // the pointer is past the terminator: not tracked
            len = len.join(l.meet(Interval.of(0, Interval.POS_INF)));
            if (taint == null) taint = c.nul.taint != null ? c.nul.taint : c.rest.taint;
        }
        if (len.isBottom()) return null;
        return new Str(len, taint, unknown);
    }

    /**
     * The offset of the first zero byte from {@code from} on, when the bytes there are cells wider than
     * a byte holding known integers (wide characters, {@code L'A'} is 41 00 00 00 on a little-endian
     * target) and one of them has a zero byte before the first zero element {@code nul} says; null
     * otherwise (a byte not in such a cell, an unknown value). What {@code strlen} of a wide string
     * cast to {@code char *} returns.
     */
    private static Long zeroByteInWideElements(Contents c, long from, Interval nul) {
        long at = from;
        for (int n = 0; n < 64; n++) {
            Contents.Cell cell = c.cells.get(at);
            if (cell == null || cell.size() < 2 || cell.size() > 8) return null;
            Long v = cell.value().constant();
            if (v == null) return null;
            for (int b = 0; b < cell.size(); b++) {
                if (((v >>> (8 * b)) & 0xff) == 0) {
                    long zero = at + b;
                    // a zero byte of a zero element is where the element scan stops too: nothing to add
                    return v == 0 || (!nul.isBottom() && zero >= nul.lo()) ? null : zero;
                }
            }
            at += cell.size();
        }
        return null;
    }

    /**
     * A string of the input's choosing, of a length nothing bounds, has been measured: code that takes a
     * string's length does so to check it or to size what receives it, which the intervals cannot relate
     * to the terminator they keep apart. From here on its length is still untrusted but no evidence that a
     * copy of it runs past its destination ({@link Origin#asCapped}).
     */
    private static void measured(Value p, State s) {
        for (Region r : p.pts.keySet()) {
            Contents c = s.contents(r);
            Value nul = c.nul;
            if (nul.num.isBottom() || nul.num.hi() != Interval.POS_INF) continue;
            Origin t = nul.taint != null ? nul.taint : c.rest.taint;
            if (t == null || t.capped()) continue;
            s.set(r, c.withNul(nul.withTaint(t.asCapped())));
        }
    }

    /** A string length the input chooses with no bound: evidence that a copy of it runs past its destination. */
    private static boolean unboundedInput(Str str) {
        return str != null && str.taint() != null && !str.taint().capped() && !str.alsoUnknown() && str.bytes().hi() == Interval.POS_INF;
    }

    /** The characters of a constant string (a literal), or null. */
    String constant(Value p, State s, int elem) {
        if (p.pts.size() != 1 || p.unknown || !p.num.isBottom()) return null;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        if (e.getKey().kind != Region.Kind.STRING_LITERAL || !e.getValue().isSingleton()) return null;
        Contents c = s.contents(e.getKey());
        if (c.nul.unknown || !c.nul.num.isSingleton()) return null;
        StringBuilder sb = new StringBuilder();
        for (long o = e.getValue().lo(); o < c.nul.num.lo(); o += elem) {
            Long ch = c.load(Interval.of(o), elem).constant();
            if (ch == null) return null;
            sb.appendCodePoint((int) (long) ch);
        }
        return sb.toString();
    }

    Value apply(FunctionModel m, Stmt.Call c, List<Value> args, State s, Interpreter.Frame f) {
        Value allocated = null;
        SourceLoc loc = c.loc();
        String op = m.name();
        for (Effect e : m.effects()) {
            switch (e) {
                case Effect.ReadString r -> {
                    Value p = arg(args, r.arg());
                    if (r.limitArg() >= 0 || !unterminatedRead(loc, p, r.elem(), op, s, f)) checkStringRead(loc, p, r.elem(), limit(args, r.limitArg(), r.elem()), true, op, "string", s, f);
                }
                case Effect.ReadBytes r -> {
                    Value len = length(r.len(), args);
                    in.checkAccess(loc, arg(args, r.arg()), len, false, op, lengthDetail(arg(args, r.arg()), len), f);
                }
                case Effect.WriteBytes w -> writeBytes(w, c, args, loc, op, s, f);
                case Effect.CopyString cs -> copyString(cs, args, loc, op, s, f);
                case Effect.CopyBoundedString cs -> copyBoundedString(cs, args, loc, op, s, f);
                case Effect.AppendString as -> appendString(as, args, loc, op, s, f);
                case Effect.Format fm -> format(fm, args, loc, op, s, f);
                case Effect.ReadLine rl when rl.countArg() < 0 -> {
                    // gets: a line as long as the input's, no limit at all
                    Value dst = arg(args, rl.dst());
                    Origin o = new Origin(op + "()", loc);
                    in.checkAccess(loc, dst, Value.tainted(Interval.of(rl.elem(), Interval.POS_INF), o), true, op, "a line of any length: " + op + "() takes no limit", f);
                    fill(dst, s, Value.tainted(Interval.ofType(rl.elem(), true), o), (nul, off) -> new Value(off.add(Interval.of(0, Interval.POS_INF)), Map.of(), false, o));
                }
                case Effect.ReadLine rl -> {
                    Value dst = arg(args, rl.dst());
                    Value n = arg(args, rl.countArg());
                    Value bytes = n.withNum(n.num.mul(Interval.of(rl.elem())).meet(Interval.of(0, Interval.POS_INF)));
                    in.checkAccess(loc, dst, bytes, true, op, "count " + n.num, f);
                    Origin o = new Origin(op + "()", loc);
                    Interval maxLen = n.num.isBottom() ? Interval.of(0, Interval.POS_INF) : Interval.of(0, Math.max(0, (n.num.hi() == Interval.POS_INF ? Interval.POS_INF : (n.num.hi() - 1) * rl.elem())));
                    fill(dst, s, Value.tainted(Interval.ofType(rl.elem(), true), o), (nul, off) -> new Value(off.add(maxLen), Map.of(), false, o));
                }
                case Effect.Scan sc -> scan(sc, args, loc, op, s, f);
                case Effect.Allocate a -> {
                    io.memsafe.ir.Variable holder = Reallocation.resultVariable(in, c, f);
                    allocated = allocate(loc, length(a.size(), args), a.family(), a.onStack(), a.zeroed(), a.mayFail(), null,
                            holder == null ? null : in.region(holder, f.fn()), s, f);
                    BlockCounts.allocated(in, a.size(), c.args(), allocated, s, f);
                }
                case Effect.Reallocate r -> {
                    Value old = arg(args, r.arg());
                    List<Region> onlyThere = Reallocation.heldOnlyByResultVariable(in, c, r.arg(), old, s, f);
                    // the old block is released only when realloc succeeds, which the caller learns later:
                    // for the lifetime it is "maybe freed", so no use or free of it is reported from here
                    in.free(loc, old, op, false, s, f);
                    allocated = allocate(loc, length(r.size(), args), "malloc", false, false, true, old, null, s, f);
                    BlockCounts.allocated(in, r.size(), c.args(), allocated, s, f);
                    Reallocation.returned(old, allocated.pts.keySet().iterator().next(), loc, s, in.severalLive);
                    Reallocation.overwrittenOnFailure(in, onlyThere, allocated.pts.keySet().iterator().next(), loc, s, f);
                    Contents joined = null;
                    for (Region reg : old.pts.keySet()) joined = joined == null ? s.contents(reg) : joined.combine(s.contents(reg), Value::join);
                    if (joined != null) for (Region reg : allocated.pts.keySet()) s.set(reg, joined);
                    // an old block the analysis does not see holds data of its own
                    if (old.unknown || (old.pts.isEmpty() && !old.isDefinitelyNull())) for (Region reg : allocated.pts.keySet()) s.set(reg, Contents.uninitialized());
                }
                case Effect.Duplicate d -> {
                    Str str = strlen(arg(args, d.arg()), s);
                    Value size = str == null ? Value.UNKNOWN : Value.of(str.bytes().add(Interval.of(d.elem())));
                    allocated = allocate(loc, size, "malloc", false, false, true, s, f);
                    for (Region reg : allocated.pts.keySet()) {
                        s.set(reg, Contents.uninitialized().withNul(str == null ? Value.UNKNOWN : new Value(str.bytes(), Map.of(), str.alsoUnknown(), str.taint())));
                    }
                }
                case Effect.DuplicateBytes d -> {
                    Value len = length(d.len(), args);
                    allocated = allocate(loc, len, d.family(), false, false, !d.fromUser(), s, f);
                    BlockCounts.allocated(in, d.len(), c.args(), allocated, s, f);
                    Value content = d.fromUser() ? Value.tainted(Interval.of(-128, 255), new Origin(op + "()", loc)) : loadAll(arg(args, d.src()), s);
                    for (Region reg : allocated.pts.keySet()) s.set(reg, new Contents(new TreeMap<>(), content, Value.UNKNOWN));
                }
                case Effect.Deallocate d -> {
                    PendingCallbacks.atRelease(in, c, d.arg(), arg(args, d.arg()), loc, op, f);
                    deallocate(loc, arg(args, d.arg()), op, s, f);
                }
                case Effect.OpenStream o -> allocated = openStream(loc, op, s);
                case Effect.MapsBuffer mb -> allocated = mappedBuffer(loc, op, s);
                case Effect.UsesStream u -> {
                    // closing a stream closed before is the double release its Deallocate reports, not also a use
                    Value stream = arg(args, u.arg());
                    if (!(m.effects().contains(new Effect.Deallocate(u.arg(), op)) && closedOnEveryPath(stream, s))) in.use(loc, stream, op, true, f);
                }
                case Effect.PrintString ps -> printString(loc, arg(args, ps.arg()), ps.elem(), op, s, f);
                case Effect.FormatArg fa -> {
                    formatString(loc, arg(args, fa.arg()), op, s, f);
                    String fmt = constant(arg(args, fa.arg()), s, fa.elem());
                    if (fmt != null) {
                        // a %s argument is read up to its terminator (a precision bounds it instead)
                        for (int[] str : FormatLength.strings(fmt, fa.arg() + 1, fa.elem())) {
                            if (str[0] < args.size()) printString(loc, args.get(str[0]), str[1], op, s, f);
                        }
                    }
                }
                case Effect.NoReturn n -> {
                    if (n.unlessZeroArg() < 0 || Boolean.TRUE.equals(ValueArithmetic.truth(arg(args, n.unlessZeroArg())))) s.bottom = true;
                }
                case Effect.ParseInto pi -> in.storeVia(arg(args, pi.out()), pi.size(), parsed(arg(args, pi.src()), pi.lo(), pi.hi(), s), s, pi.size() == 1);
                case Effect.StoreEnd se -> fill(arg(args, se.out()), s, Value.UNKNOWN, Interval.of(8), (nul, off) -> nul);
                case Effect.Probe pr -> {
                    // the probe itself raises for a bad address: outside a __try nothing catches it
                    UserMemory.probe(arg(args, pr.arg()), arg(args, pr.lenArg()), pr.raises(), s);
                    if (pr.raises()) probedOutsideTry(loc, arg(args, pr.arg()), op, s, f);
                }
                case Effect.FetchFromUser fe -> UserFetches.fetched(in, arg(args, fe.dst()), arg(args, fe.src()), length(fe.len(), args), loc, s);
                case Effect.CopyToUser cu -> in.copiedToUser(loc, arg(args, cu.src()), length(cu.len(), args), objectType(c, cu.src()), op, s, f);
                case Effect.RequestBuffer rb -> requestBuffer(rb, c, args, loc, op, s, f);
                case Effect.CheckedArithmetic ca -> checkedArithmetic(ca, c, args, s);
                case Effect.ParseAttributes pa -> NetlinkRequests.parsed(c, args, pa.tb(), pa.max(), pa.policy(), loc, s);
                case Effect.AllocateInField af -> kernel.allocateInField(af, c, args, loc, op, s, f);
                case Effect.InitCountedString ic -> kernel.initCountedString(ic, c, args, loc, op, s, f);
                case Effect.DeallocateField df -> kernel.deallocateField(df, c, args, loc, op, s, f);
                case Effect.DispatcherWait dw -> kernel.dispatcherWait(dw, c, args, loc, op, s, f);
                case Effect.CompletesRequest cr -> kernel.completesRequest(cr, c, args, loc, op, s, f);
                case Effect.Lock lk -> {
                    in.use(loc, arg(args, lk.lock()), op, true, f);
                    if (lk.savedOut() >= 0) in.storeVia(arg(args, lk.savedOut()), slotSize(c, lk.savedOut()), Value.UNKNOWN, s, false);
                }
            }
        }
        return result(m.returns(), m.name(), args, allocated, loc, s);
    }

    /**
     * WdfRequestRetrieve*Buffer: the request's buffer, with untrusted bytes, of at least the minimum
     * length asked for (the call fails otherwise), stored through the out-parameters.
     */
    private void requestBuffer(Effect.RequestBuffer rb, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value min = arg(args, rb.minArg());
        Origin o = new Origin("the length of the request buffer from " + op + "()", loc);
        Interval lo = min.num.isBottom() || min.unknown ? Interval.of(0) : Interval.of(Math.max(0, min.num.lo()));
        Value len = Value.tainted(Interval.of(lo.lo(), Interval.POS_INF), o);
        Value buf;
        Region r = null;
        if (rb.user()) {
            buf = UserMemory.region(loc.file() + ":" + loc.line() + ":" + loc.column(), "the user buffer from " + op + "() at line " + loc.line(), loc, s);
        } else {
            r = new Region(KernelObjects.requestBufferKey(arg(args, rb.request())) + loc.file() + ":" + loc.line() + ":" + loc.column(), Region.Kind.UNKNOWN, len,
                    "the request buffer from " + op + "() at line " + loc.line(), loc, DriverEntryPoints.REQUEST);
            Origin bytes = new Origin("the bytes of the request buffer from " + op + "()", loc);
            s.set(r, new Contents(new TreeMap<>(), Value.tainted(Interval.of(-128, 255), bytes), Value.UNKNOWN));
            buf = Value.pointer(r, Interval.ZERO);
        }
        Value out = arg(args, rb.bufferOut());
        if (out.isPointer()) in.storeVia(out, slotSize(c, rb.bufferOut()), buf, s, false);
        Value lenOut = arg(args, rb.lengthOut());
        if (lenOut.isPointer()) in.storeVia(lenOut, slotSize(c, rb.lengthOut()), len, s, false);
        // the buffer is as long as the length stored says
        if (r != null && lenOut.isPointer() && rb.lengthOut() < c.args().size()) BufferLengths.lengthStored(in, r, c.args().get(rb.lengthOut()), lo.lo(), s, f);
    }

    /** ProbeForRead/ProbeForWrite of a user buffer where no {@code __try} catches the exception it raises for a bad address. */
    private void probedOutsideTry(SourceLoc loc, Value p, String op, State s, Interpreter.Frame f) {
        if (UserMemory.guarded(loc, s, f)) return;
        for (Region r : p.pts.keySet()) {
            if (!UserMemory.isUser(r)) continue;
            // the accesses after it are the same defect: one report
            UserMemory.reportedOutsideTry(r, s);
            if (f.report()) for (Checker ch : in.checkers) ch.onUserAccessOutsideTry(loc, r, op, in.withCalls(f));
            return;
        }
    }

    /** Checked arithmetic: the exact result, within the type of what args[out] points to, stored there. */
    private void checkedArithmetic(Effect.CheckedArithmetic ca, Stmt.Call c, List<Value> args, State s) {
        Value out = arg(args, ca.out());
        if (!out.isPointer()) return;
        long size = slotSize(c, ca.out());
        boolean signed = ca.out() < c.args().size() && c.args().get(ca.out()).type() instanceof io.memsafe.ir.Type.Pointer p
                && p.pointee() instanceof io.memsafe.ir.Type.Int t && t.signed();
        Value r = ValueArithmetic.binary(ca.op(), arg(args, ca.a()), arg(args, ca.b()), 1, null);
        Interval range = Interval.ofType(size, signed);
        Interval fits = r.num.isBottom() ? Interval.BOTTOM : r.num.meet(range);
        Value stored = r.isPointer() || r.unknown || fits.isBottom() ? Value.of(range).withTaint(r.taint) : r.withNum(fits);
        in.storeVia(out, size, stored, s, false);
    }

    /** The size of what an out-parameter points to (a PVOID or size_t: 4 bytes under ILP32); 8 when its type is not known. */
    private static long slotSize(Stmt.Call c, int arg) {
        if (arg < 0 || arg >= c.args().size() || !(c.args().get(arg).type() instanceof io.memsafe.ir.Type.Pointer p)) return 8;
        return p.pointee().size() > 0 ? p.pointee().size() : 8;
    }

    /** An unmodelled function reads a C string argument (its prototype says const char * and no length). */
    void readString(SourceLoc loc, Value p, int elem, String fn, State s, Interpreter.Frame f) {
        if (unterminatedRead(loc, p, elem, fn, s, f)) return;
        checkStringRead(loc, p, elem, null, false, fn, "string", s, f);
    }

    /** A string printed ({@link Effect.PrintString}): used, and its read checked where its terminator is known. */
    private void printString(SourceLoc loc, Value p, int elem, String fn, State s, Interpreter.Frame f) {
        in.use(loc, p, fn, true, f);
        checkStringRead(loc, p, elem, null, false, fn, "string", s, f);
    }

    /**
     * Checks the read of the string {@code p} designates, block by block: each block is read up to its
     * own terminator (joining the lengths of several strings would pair one's length with another's
     * size: a pointer to "octet" or "netascii" does not read 9 bytes of "octet"). Without a known
     * length, the read is checked as unbounded when {@code unknownWithoutLength}, else not at all.
     */
    private void checkStringRead(SourceLoc loc, Value p, int elem, Value lim, boolean unknownWithoutLength, String op, String what,
                                 State s, Interpreter.Frame f) {
        if (p.pts.size() > 1) {
            for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
                Value one = new Value(p.num, Map.of(e.getKey(), e.getValue()), p.unknown, p.taint, p.widened);
                checkStringRead(loc, one, elem, lim, unknownWithoutLength, op, what, s, f);
            }
            return;
        }
        Str str = strlen(p, s);
        if (str == null && !unknownWithoutLength) return;
        if (lim == null && terminatorPastTheEnd(p, s)) {
            // the write that put the terminator outside the object was the overflow (and is reported
            // there); reading the string it left is its consequence, not a second defect
            in.use(loc, p, op, true, f);
            return;
        }
        in.checkAccess(loc, p, str == null ? Value.UNKNOWN : readLen(str, elem, lim), false, op, describe(str, what),
                str != null && terminatorInside(p, elem, s) ? MemoryAccess.End.INSIDE : MemoryAccess.End.UNRELATED, null, f);
    }

    /**
     * Does the read of the string at the one object {@code p} designates end inside the object? It
     * stops at the first terminator, and the object's first terminator is inside it: the read ends
     * there, whichever offset it starts from, as {@link #strlen} takes it (at or before the terminator).
     * The offset and the terminator's place are intervals apart from each other ({@code *end = 0;
     * atoi(start)} with both somewhere in a line buffer), so their maxima added are no end.
     */
    private static boolean terminatorInside(Value p, int elem, State s) {
        if (p.pts.size() != 1 || p.unknown) return false;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        Value nul = s.contents(e.getKey()).nul;
        Long size = e.getKey().size.constant();
        Interval off = e.getValue();
        if (size == null || nul.unknown || !nul.pts.isEmpty() || nul.num.isBottom() || off.isBottom() || nul.num.hi() == Interval.POS_INF) return false;
        return off.lo() <= nul.num.hi() && nul.num.hi() + elem <= size;
    }

    /** Does the one object {@code p} designates have its first terminator beyond its end on every path? */
    private static boolean terminatorPastTheEnd(Value p, State s) {
        if (p.pts.size() != 1) return false;
        Region r = p.pts.keySet().iterator().next();
        Value nul = s.contents(r).nul;
        Long size = r.size.constant();
        return size != null && !nul.unknown && nul.pts.isEmpty() && !nul.num.isBottom() && nul.num.lo() >= size;
    }

    /**
     * A string read from storage in which no terminator was ever written (on every path): the
     * read runs at least to the end of the buffer and one element beyond.
     */
    private boolean unterminatedRead(SourceLoc loc, Value p, int elem, String fn, State s, Interpreter.Frame f) {
        if (p.pts.size() != 1 || !p.nullOrKnownRegions()) return false;
        Map.Entry<Region, Interval> e = p.pts.entrySet().iterator().next();
        Contents c = s.contents(e.getKey());
        Value size = e.getKey().size;
        if (!c.unterminated || size.unknown || !size.num.isSingleton() || !e.getValue().isSingleton()) return false;
        long toEnd = size.num.lo() - e.getValue().lo();
        if (toEnd < 0) return false;
        in.checkAccess(loc, p, Value.of(toEnd + elem), false, fn, "no NUL terminator was written to this buffer", f);
        return true;
    }

    private static Value limit(List<Value> args, int limitArg, int elem) {
        if (limitArg < 0) return null;
        Value n = arg(args, limitArg);
        return n.withNum(n.num.mul(Interval.of(elem)));
    }

    private static Value readLen(Str str, int elem, Value limit) {
        Interval len = str.forCheck().add(Interval.of(elem));
        if (limit != null) {
            if (limit.unknown && limit.num.isBottom()) return Value.UNKNOWN;
            len = Interval.of(Math.min(len.lo(), limit.num.lo()), Math.min(len.hi(), limit.num.hi()));
        }
        return new Value(len, Map.of(), false, str.taint());
    }

    private static String describe(Str s, String what) {
        if (s == null) return null;
        return what + " of length " + s.bytes() + " bytes" + (s.taint() != null ? " (from " + s.taint().what() + " at line " + s.taint().loc().line() + ")" : "");
    }

    private static String origin(Value v) {
        return v.taint != null ? " (from " + v.taint.what() + " at line " + v.taint.loc().line() + ")" : "";
    }

    private interface NulUpdate { Value apply(Value oldNul, Interval offset); }

    /** Overwrites a region range of unknown extent with {@code content}; the first NUL becomes what {@code nul} says. */
    private void fill(Value dst, State s, Value content, NulUpdate nul) {
        fill(dst, s, content, Interval.of(0, Interval.POS_INF), nul);
    }

    /**
     * Writes {@code content} to {@code length} bytes from where {@code dst} points. What is stored at
     * exact offsets the write may reach is forgotten (those bytes read as the block's other bytes,
     * joined with {@code content}, with the terminator position as {@code nul} updates it); what lies
     * outside every byte it can reach is kept as it was: a memset of one member does not touch its
     * neighbours.
     */
    private void fill(Value dst, State s, Value content, Interval length, NulUpdate nul) {
        fill(dst, s, content, length, nul, -1);
    }

    /**
     * The same, for a write into an array member that ends at {@code memberEnd} in the one object
     * {@code dst} designates (-1: none): the write is taken to stay inside the member, so the members
     * after it keep what they hold (writing past it is the overflow the access check reports when it
     * cannot prove the write fits; a fill level kept after the member survives an append into it).
     */
    private void fill(Value dst, State s, Value content, Interval length, NulUpdate nul, long memberEnd) {
        for (Map.Entry<Region, Interval> e : dst.pts.entrySet()) {
            Region r = e.getKey();
            if (r.kind == Region.Kind.STRING_LITERAL) continue;
            Contents c = s.contents(r);
            Interval off = e.getValue();
            // a write from a known start never reaches the bytes before it, however long it is
            boolean from = !dst.unknown && !off.isBottom() && off.lo() != Interval.NEG_INF && !length.isBottom();
            boolean bounded = from && off.hi() != Interval.POS_INF && length.hi() != Interval.POS_INF;
            TreeMap<Long, Contents.Cell> kept = new TreeMap<>();
            if (from) {
                long reach = bounded ? off.hi() + Math.max(0, length.hi()) : Long.MAX_VALUE;
                if (memberEnd >= 0 && dst.pts.size() == 1) reach = Math.min(reach, memberEnd);
                for (Map.Entry<Long, Contents.Cell> cell : c.cells.entrySet()) {
                    long at = cell.getKey();
                    if (at + cell.getValue().size() <= off.lo() || at >= reach) kept.put(at, cell.getValue());
                }
            }
            // a write over the whole object from its start replaces what it held (read(fd, &len, 4)):
            // the length read is the input's, not the input's joined with what the variable held before
            Long whole = r.size.constant();
            boolean replaces = from && off.isSingleton() && off.lo() == 0 && whole != null && whole > 0 && whole <= 8 && length.lo() >= whole
                    && dst.pts.size() == 1;
            // the bytes it may have written, for a fill from one known place (a member, a whole
            // object): a fill at a place that varies (appending at a count kept across calls) counts
            // as writing anywhere, since what the count says was written before is not known here
            Interval range = !bounded || !off.isSingleton() ? null : length.hi() <= 0 ? Interval.BOTTOM : Interval.of(off.lo(), off.lo() + length.hi() - 1);
            Contents n = c.filled(kept, replaces ? content : c.rest.join(content), nul.apply(c.nul, e.getValue()),
                    c.unterminated && !Contents.mayBeZero(content), range);
            s.set(r, n);
        }
    }

    /** The type of the object argument {@code i} points to before its conversion to {@code void *} (names the bytes of a copy), or null. */
    private static io.memsafe.ir.Type objectType(Stmt.Call c, int i) {
        if (c == null || i < 0 || i >= c.args().size()) return null;
        return io.memsafe.ir.Expr.uncast(c.args().get(i)).type() instanceof io.memsafe.ir.Type.Pointer p ? p.pointee() : null;
    }

    /**
     * Does {@code p} designate only memory the requester reads back: user space, or the buffer of an
     * I/O request (a METHOD_BUFFERED system buffer, a KMDF request buffer)? A copy into it leaves the
     * kernel as copy_to_user's does.
     */
    private static boolean toRequester(Value p) {
        if (p.unknown || p.pts.isEmpty()) return false;
        for (Region r : p.pts.keySet()) if (!UserMemory.isUser(r) && !DriverEntryPoints.REQUEST.equals(r.family)) return false;
        return true;
    }

    private void writeBytes(Effect.WriteBytes w, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, w.arg());
        Value len = length(w.len(), args);
        in.checkAccess(loc, dst, len, true, op, lengthDetail(dst, len), f);
        if (w.fill() == Effect.Fill.COPY && toRequester(dst)) in.copiedToUser(loc, arg(args, w.source()), len, objectType(c, w.source()), op, s, f);
        // a length whose range is known reaches no further than it, even where the value may also be
        // something else: the bytes past it keep theirs
        boolean bounded = len.pts.isEmpty() && !len.num.isBottom() && len.num.lo() >= 0 && len.num.hi() != Interval.POS_INF;
        Interval reach = len.unknown && !bounded ? Interval.of(0, Interval.POS_INF) : len.num;
        // a length the analysis cannot bound, into an array member ({@code memcpy(e->key, key, klen + 1)}): the
        // member is what the call writes; the members after it keep theirs (writing past it is the overflow
        // the access check above reports when it can tell)
        long member = memberArrayBytes(c, w.arg());
        Interval n = member > 0 && reach.hi() == Interval.POS_INF ? Interval.of(Math.min(Math.max(0, reach.lo()), member), member) : reach;
        long end = SubObjects.memberEnd(in, c == null || w.arg() >= c.args().size() ? null : c.args().get(w.arg()), dst, s, f);
        switch (w.fill()) {
            case BYTE_ARG -> {
                Value b = w.source() < 0 ? Value.ZERO : arg(args, w.source());
                fill(dst, s, b, n, (nul, off) -> Strings.afterFill(nul, off, n, b), end);
                if (w.elem() > 1) firstElement(dst, n, w.elem(), b, s);
                else if (b.constant() instanceof Long zero && zero == 0) CallerObjects.zeroedMembers(dst, objectType(c, w.arg()), n, s);
            }
            case COPY -> {
                Value src = arg(args, w.source());
                // the byte copy keeps only the source's typical value: pointers stored in it are not followed
                Interpreter.escapeContents(src, s);
                Str str = strlen(src, s);
                boolean noTerminatorCopied = str != null && str.bytes().lo() >= n.hi();
                Value content = noTerminatorCopied ? Value.of(Interval.of(1, 255)).withTaint(str.taint()) : loadAll(src, s);
                fill(dst, s, content, n, (nul, off) -> {
                    if (str != null && !str.bytes().isBottom() && str.bytes().hi() < n.lo()) {
                        // the source's terminator is among the copied bytes, unless dst already ends earlier
                        if (!nul.unknown && !nul.num.isBottom() && nul.num.hi() < off.lo()) return nul;
                        return new Value(off.add(str.bytes()), Map.of(), str.alsoUnknown(), str.taint());
                    }
                    if (str != null && str.bytes().lo() >= n.hi()) return Strings.afterFill(nul, off, n, Value.of(Interval.of(1, 255)));
                    return Strings.afterFill(nul, off, n, Value.UNKNOWN);
                }, end);
                wholeCopy(dst, src, n, s);
            }
            case TAINTED -> {
                Origin o = new Origin(op + "()", loc);
                fill(dst, s, Value.tainted(Interval.of(-128, 255), o), n, (nul, off) -> Strings.afterFill(nul, off, n, Value.UNKNOWN).withTaint(o).withUnknown(false), end);
            }
            case UNKNOWN -> fill(dst, s, Value.UNKNOWN, n, (nul, off) -> Value.UNKNOWN, end);
        }
    }

    /**
     * A copy of one whole local or heap object onto another of the same size ({@code memcpy(&d, &c,
     * sizeof c)}): the destination's bytes are the source's, those never written included, as a
     * structure assignment has them ({@link Aggregates#copy}).
     */
    private void wholeCopy(Value dst, Value src, Interval n, State s) {
        if (dst.unknown || src.unknown || dst.pts.size() != 1 || src.pts.size() != 1 || !n.isSingleton()) return;
        Region d = dst.pts.keySet().iterator().next(), r = src.pts.keySet().iterator().next();
        Long dsize = d.size.constant(), ssize = r.size.constant();
        if (d.equals(r) || dsize == null || ssize == null || dsize != n.lo() || ssize != n.lo() || !Interval.ZERO.equals(dst.pts.get(d))
                || !Interval.ZERO.equals(src.pts.get(r))) return;
        // (not a site that stands for several blocks: the copy wrote one of them)
        if ((d.kind != Region.Kind.STACK && d.kind != Region.Kind.HEAP) || (r.kind != Region.Kind.STACK && r.kind != Region.Kind.HEAP)
                || in.severalLive.contains(d.key)) return;
        s.set(d, s.contents(r));
    }

    /** The size of the array member (of two elements or more) that argument {@code i} designates decayed, or -1. */
    private static long memberArrayBytes(Stmt.Call c, int i) {
        if (c == null || i < 0 || i >= c.args().size()) return -1;
        io.memsafe.ir.Expr e = io.memsafe.ir.Expr.uncast(c.args().get(i));
        if (!(e instanceof io.memsafe.ir.Expr.AddressOf ao) || ao.lv() instanceof io.memsafe.ir.Lvalue.Var
                || !(ao.lv().type() instanceof io.memsafe.ir.Type.Array a) || a.length() < 2 || a.size() <= 0) return -1;
        return a.size();
    }

    /**
     * After a fill of elements wider than a byte ({@code wmemset}) from a known place: its first element
     * holds the value exactly, in a cell of the element's width. Its bytes are what a byte scan of the
     * wide string reads first ({@code strlen((char *) w)} stops at the zero byte of {@code L'A'}).
     */
    private static void firstElement(Value dst, Interval n, int elem, Value v, State s) {
        if (dst.unknown || dst.pts.size() != 1 || n.isBottom() || n.lo() < 1 || v.constant() == null) return;
        Map.Entry<Region, Interval> e = dst.pts.entrySet().iterator().next();
        if (!e.getValue().isSingleton() || e.getKey().kind == Region.Kind.STRING_LITERAL) return;
        s.set(e.getKey(), s.contents(e.getKey()).store(e.getValue(), elem, v, true));
    }

    private Value loadAll(Value p, State s) {
        Value v = Value.BOTTOM;
        for (Region r : p.pts.keySet()) v = v.join(s.contents(r).rest);
        return p.unknown || v.isBottom() ? v.join(Value.UNKNOWN) : v;
    }

    /** How long an access of a byte count is, for its finding. */
    private String lengthDetail(Value p, Value len) {
        if (in.provenEnd(p) != MemoryAccess.End.UNRELATED && in.endDetails.get(p) instanceof String d) return d;
        if (len.num.isBottom() && in.provenEnd(p) == MemoryAccess.End.PAST_COUNT) {
            return "a length the checks on the path let reach past the bytes the block was allocated with";
        }
        return "length " + len.num + origin(len);
    }

    private void copyString(Effect.CopyString cs, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, cs.dst()), src = arg(args, cs.src());
        Str str = strlen(src, s);
        Value lim = limit(args, cs.limitArg(), cs.elem());
        if (lim != null || !unterminatedRead(loc, src, cs.elem(), op, s, f)) checkStringRead(loc, src, cs.elem(), lim, true, op, "source string", s, f);
        Value writeLen;
        if (lim != null) writeLen = lim;
        // a string of unknown length whose length the relations know against the destination's: at least its terminator
        else if (str == null && in.provenEnd(dst) != MemoryAccess.End.UNRELATED) writeLen = Value.of(Interval.of(Math.max(1, cs.elem()), Interval.POS_INF));
        else writeLen = str == null ? Value.UNKNOWN : new Value((unboundedInput(str) ? str.bytes() : str.forCheck()).add(Interval.of(cs.elem())), Map.of(), false, str.taint());
        in.checkAccess(loc, dst, writeLen, true, op, lim != null ? "count " + lim.num + " bytes" + origin(lim)
                : in.provenEnd(dst) == MemoryAccess.End.PAST_COUNT ? in.endDetails.getOrDefault(dst, "the source string's length and its terminator, into a block allocated with no more than that length")
                : describe(str, "source string"), f);
        // characters before the source's terminator are non-zero: if the terminator is not copied, neither is a zero
        boolean noTerminatorCopied = str != null && lim != null && !lim.num.isBottom() && str.bytes().lo() >= lim.num.hi();
        Value content = noTerminatorCopied ? Value.of(Interval.of(1, 255)).withTaint(str.taint()) : loadAll(src, s);
        // a source of known length writes its characters and terminator, and nothing past them
        // (strcpy(o.host, "localhost") leaves the members after the string as unwritten as they were)
        Interval wrote = lim == null && str != null && !str.alsoUnknown() && !str.bytes().isBottom() && str.bytes().hi() != Interval.POS_INF
                ? str.bytes().add(Interval.of(cs.elem())) : Interval.of(0, Interval.POS_INF);
        fill(dst, s, content, wrote, (nul, off) -> {
            if (str == null) return Value.UNKNOWN;
            if (lim == null || (!lim.num.isBottom() && str.bytes().hi() < lim.num.lo())) {
                return new Value(off.add(str.bytes()), Map.of(), str.alsoUnknown(), str.taint());
            }
            if (!lim.num.isBottom() && str.bytes().lo() >= lim.num.hi()) {
                // strncpy copied no terminator: the bytes it wrote are all non-zero
                return Strings.afterFill(nul, off, lim.num, Value.of(Interval.of(1, 255))).withTaint(str.taint());
            }
            return Value.UNKNOWN;
        });
    }

    /**
     * A copy that truncates and always terminates (strlcpy, strscpy): it writes the source's
     * characters up to the limit less one element, and a terminator after them. What it may write
     * is checked against the destination (a limit larger than the destination overflows it with a
     * long enough source); only those bytes count as written, so the members after a string member
     * stay as unwritten as they were.
     */
    private void copyBoundedString(Effect.CopyBoundedString cs, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, cs.dst()), src = arg(args, cs.src());
        Value lim = limit(args, cs.limitArg(), cs.limitInBytes() ? 1 : cs.elem());
        Interval cap = lim.unknown || lim.num.isBottom() ? Interval.of(0, Interval.POS_INF) : lim.num.meet(Interval.of(0, Interval.POS_INF));
        checkStringRead(loc, src, cs.elem(), lim, false, op, "source string", s, f);
        if (cap.isBottom() || cap.hi() < cs.elem()) return;
        Str str = strlen(src, s);
        Interval chars = str == null ? Interval.of(0, Interval.POS_INF) : str.bytes();
        // the characters copied: the source's, at most the limit less the terminator's element
        long room = cap.hi() == Interval.POS_INF ? Interval.POS_INF : cap.hi() - cs.elem();
        Interval copied = Interval.of(Math.max(0, Math.min(chars.lo(), cap.lo() - cs.elem())), Math.min(chars.hi(), room));
        Interval written = copied.add(Interval.of(cs.elem()));
        Origin t = str != null && str.taint() != null ? str.taint() : lim.taint;
        in.checkAccess(loc, dst, new Value(written, Map.of(), false, t), true, op, "at most " + cap + " bytes" + origin(lim), f);
        fill(dst, s, loadAll(src, s), written, (nul, off) -> new Value(off.add(copied), Map.of(), false, t));
    }

    private void appendString(Effect.AppendString as, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, as.dst()), src = arg(args, as.src());
        Str dstr = strlen(dst, s), sstr = strlen(src, s);
        Value lim = limit(args, as.limitArg(), as.elem());
        checkStringRead(loc, src, as.elem(), lim, true, op, "source string", s, f);
        checkStringRead(loc, dst, as.elem(), null, true, op, "destination string", s, f);
        if (dstr != null && sstr != null) {
            // a source of the input's choosing is as long as it likes: only a limit bounds what is appended
            Interval copied = unboundedInput(sstr) || (lim != null && sstr.taint() != null && !sstr.alsoUnknown()) ? sstr.bytes() : sstr.forCheck();
            if (lim != null && !lim.num.isBottom()) copied = Interval.of(Math.min(copied.lo(), lim.num.lo()), Math.min(copied.hi(), lim.num.hi()));
            Value at = ValueArithmetic.binary(io.memsafe.ir.Expr.BinOp.ADD, dst, Value.of(dstr.forCheck()), 1, new io.memsafe.ir.Type.Pointer(io.memsafe.ir.Type.CHAR));
            Origin t = sstr.taint() != null ? sstr.taint() : lim != null ? lim.taint : null;
            // with a limit, the limit is what bounds the amount: the source's input is evidence only of
            // what the limit lets through (sizeof buf - strlen(buf) - 1 holds with the length it was taken of)
            Origin amount = lim == null ? (sstr.taint() != null && sstr.taint().capped() ? null : sstr.taint()) : lim.taint != null && dstr.taint() != null && lim.taint.sameSource(dstr.taint()) ? null : lim.taint;
            in.checkAccess(loc, at, new Value(copied.add(Interval.of(as.elem())), Map.of(), false, amount), true, op,
                    "appending " + copied + " bytes after " + dstr.bytes() + " bytes already there" + (t != null ? " (from " + t.what() + " at line " + t.loc().line() + ")" : ""), f);
            Interval newLen = dstr.bytes().add(lim == null ? sstr.bytes() : copied);
            Value content = loadAll(src, s);
            fill(dst, s, content, (nul, off) -> new Value(off.add(newLen), Map.of(), false, t));
        } else {
            fill(dst, s, Value.UNKNOWN, (nul, off) -> Value.UNKNOWN);
        }
    }

    private void format(Effect.Format fm, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, fm.dst());
        String fmt = constant(arg(args, fm.fmtArg()), s, fm.elem());
        Origin[] input = new Origin[1];
        Interval measured = fmt == null ? null : FormatLength.of(fmt, args, fm.fmtArg() + 1, p -> {
            Str str = strlen(p, s);
            if (unboundedInput(str) && input[0] == null) input[0] = str.taint();
            return str;
        }, fm.elem());
        // a %s of a string the input chooses, of no known bound: the output is as long as the input likes
        Interval out = measured == null || input[0] == null ? measured : Interval.of(measured.lo(), Interval.POS_INF);
        Value lim = limit(args, fm.limitArg(), fm.elem());
        // a limit of 0 writes nothing, and the buffer may then be NULL: snprintf(NULL, 0, ...) measures
        if (lim != null && !lim.num.isBottom() && lim.num.lo() == 0 && lim.num.hi() == 0) return;
        Value writeLen;
        if (out == null) writeLen = lim != null ? lim.withNum(Interval.of(0, lim.num.isBottom() ? Interval.POS_INF : lim.num.hi())) : Value.UNKNOWN;
        else {
            Interval w = out.add(Interval.of(fm.elem()));
            if (lim != null && !lim.num.isBottom()) w = Interval.of(Math.min(w.lo(), lim.num.lo()), Math.min(w.hi(), lim.num.hi()));
            writeLen = lim == null && input[0] != null ? Value.tainted(w, input[0]) : Value.of(w);
        }
        in.checkAccess(loc, dst, writeLen, true, op, out == null ? null : "formatted output of " + out + " bytes", f);
        Interval finalOut = out;
        fill(dst, s, Value.UNKNOWN, (nul, off) -> {
            if (finalOut == null) return Value.UNKNOWN;
            Interval len = finalOut;
            if (lim != null && !lim.num.isBottom()) len = Interval.of(Math.min(len.lo(), Math.max(0, lim.num.lo() - fm.elem())), Math.min(len.hi(), Math.max(0, lim.num.hi() - fm.elem())));
            return Value.of(off.add(len));
        });
    }

    /**
     * What a %s of sscanf writes, read from the string {@code src}: at most its length and a terminator;
     * as long as the input likes where the string is the input's and no terminator is known.
     */
    private Value fieldOf(Value src, int unit, State s) {
        Str str = strlen(src, s, unit == 4 ? 4 : 0);
        if (str == null) return new Value(Interval.of(unit, Interval.POS_INF), Map.of(), false, null);
        long hi = str.bytes().hi();
        Interval len = Interval.of(unit, hi == Interval.POS_INF ? Interval.POS_INF : hi + unit);
        return new Value(len, Map.of(), false, hi == Interval.POS_INF && !unboundedInput(str) ? null : str.taint());
    }

    private void scan(Effect.Scan sc, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Origin o = new Origin("scanf-family input", loc);
        String fmt = constant(arg(args, sc.fmtArg()), s, sc.elem());
        List<ScanFormat.Conversion> conversions = fmt == null ? null : ScanFormat.parse(fmt, sc.elem());
        for (int i = sc.firstPointer(); i < args.size(); i++) {
            Value p = args.get(i);
            ScanFormat.Conversion conv = conversions != null && i - sc.firstPointer() < conversions.size() ? conversions.get(i - sc.firstPointer()) : null;
            if (conv != null && conv.string()) {
                // %s and %[: as many characters as the input holds, and a terminator, unless a width bounds them
                Value len = conv.width() >= 0 ? Value.of(Interval.of(conv.unit(), (conv.width() + 1) * conv.unit()))
                        : sc.sourceArg() < 0 ? Value.tainted(Interval.of(conv.unit(), Interval.POS_INF), o) : fieldOf(arg(args, sc.sourceArg()), conv.unit(), s);
                in.checkAccess(loc, p, len, true, op, conv.width() < 0 ? "a %" + conv.letter() + " conversion with no width: the input's whole field"
                        : "a %" + conv.width() + conv.letter() + " conversion: up to " + conv.width() + " characters and a terminator", f);
                long most = conv.width() < 0 ? Interval.POS_INF : conv.width() * conv.unit();
                fill(p, s, Value.tainted(Interval.ofType(conv.unit(), true), o), (nul, off) -> new Value(off.add(Interval.of(0, most)), Map.of(), false, o));
                continue;
            }
            if (conv != null && conv.bytes() > 0) in.checkAccess(loc, p, Value.of(conv.bytes()), true, op, "a %" + conv.letter() + " conversion", f);
            long size = conv != null && conv.bytes() > 0 ? conv.bytes() : 4;
            for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
                Region r = e.getKey();
                if (r.kind == Region.Kind.STRING_LITERAL) continue;
                Contents c = s.contents(r);
                Value v = Value.tainted(size <= 8 && conv != null && !conv.floating() ? Interval.ofType(size, true) : Interval.ofType(4, true), o);
                Contents n = e.getValue().isSingleton() && p.pts.size() == 1 ? c.store(e.getValue(), size, v, true) : c.store(e.getValue(), size, v, false);
                s.set(r, n.withNul(Value.UNKNOWN.withTaint(o)));
            }
        }
    }

    /**
     * A new block from an allocation site. {@code mayFail}: the result is NULL when the allocator
     * fails (malloc, calloc, realloc, strdup), until the caller compares it with NULL.
     */
    Value allocate(SourceLoc loc, Value size, String family, boolean onStack, boolean zeroed, boolean mayFail, State s, Interpreter.Frame f) {
        return allocate(loc, size, family, onStack, zeroed, mayFail, null, null, s, f);
    }

    /**
     * As above; {@code reallocated}: the pointer a realloc at this site was given. When it may designate
     * this site's own earlier block, that block is the one this call releases (on success) or leaves
     * as it was (on failure, with a NULL result): the site's region does not stand for two live
     * blocks ({@code p = realloc(p, cap * sizeof *p)} in a loop). {@code holder}: the local the result
     * replaces, if any ({@code p = malloc(n)}): an earlier block only it holds is not live after the call.
     */
    private Value allocate(SourceLoc loc, Value size, String family, boolean onStack, boolean zeroed, boolean mayFail, Value reallocated,
                           Region holder, State s, Interpreter.Frame f) {
        in.allocationSize(loc, size, family, f);
        String key = (onStack ? "a:" : "h:") + loc.file() + ":" + loc.line() + ":" + loc.column();
        Value sz = size.unknown && size.num.isBottom() ? Value.UNKNOWN : size;
        Region r = Region.block(key, onStack, sz, family, loc);
        Contents fresh = zeroed ? Contents.zeroed() : Contents.unwritten(sz);
        Contents earlier = s.mem.get(r);
        Lifetime gone = s.lifetime(r);
        boolean replaced = reallocated != null && reallocated.pts.containsKey(r);
        if (earlier != null && !onStack && !replaced && (gone == null || !gone.must())
                && Interpreter.reachableFromRoots(s, in.temporaries, holder == null ? Set.of() : Set.of(holder)).contains(r)) {
            // a block from this site may still be live (a wrapper such as zcalloc called for every
            // allocation of a program): the region now stands for both, so it keeps what the
            // earlier one holds, joined with the fresh block's contents, and no release through
            // it is certain to release a given block (Interpreter#free). An earlier block no pointer
            // reaches, or only the local this call's result replaces, is no second live one: a buffer a
            // loop allocates while its pointer is NULL ({@code if (!cap) { cap = 5; p = malloc(cap * k); }})
            fresh = earlier.combine(fresh, Value::join);
            in.severalLive.add(r.key);
        }
        // the block of this allocation, with its size: not an earlier one's from the same site
        if (earlier != null) s.mem.remove(r);
        s.set(r, fresh);
        boolean nullable = mayFail && !onStack;
        s.allocated(r, nullable ? loc : null);
        Value p = Value.pointer(r, Interval.ZERO);
        return nullable ? p.withNum(Interval.ZERO) : p;
    }

    /**
     * A stream handle from fopen: storage of unknown kind and size (the FILE object is the
     * library's), NULL when opening fails until the caller checks it.
     */
    private Value openStream(SourceLoc loc, String op, State s) {
        Region r = new Region("h:" + loc.file() + ":" + loc.line() + ":" + loc.column(), Region.Kind.UNKNOWN, Value.UNKNOWN,
                "stream from " + op + "() at line " + loc.line(), loc, op);
        s.set(r, Contents.uninitialized());
        s.allocated(r, loc);
        return Value.pointer(r, Interval.ZERO).withNum(Interval.ZERO);
    }

    /** The system address of a mapped buffer: storage of unknown size, NULL when mapping fails until the caller checks it. */
    private Value mappedBuffer(SourceLoc loc, String op, State s) {
        Region r = new Region("m:" + loc.file() + ":" + loc.line() + ":" + loc.column(), Region.Kind.UNKNOWN, Value.UNKNOWN,
                "system address from " + op + "() at line " + loc.line(), loc, op);
        s.set(r, new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN));
        s.allocated(r, loc);
        return Value.pointer(r, Interval.ZERO).withNum(Interval.ZERO);
    }

    /**
     * A format string whose characters come from untrusted input on every path: every region the
     * argument designates holds tainted characters (a literal never does).
     */
    private void formatString(SourceLoc loc, Value fmt, String op, State s, Interpreter.Frame f) {
        if (!f.report() || !fmt.nullOrKnownRegions()) return;
        Origin taint = null;
        for (Region r : fmt.pts.keySet()) {
            if (r.kind == Region.Kind.STRING_LITERAL) return;
            Contents c = s.contents(r);
            Origin t = c.nul.taint != null ? c.nul.taint : c.rest.taint;
            if (t == null) return;
            if (taint == null) taint = t;
        }
        in.formatFromInput(loc, fmt, op, taint, f);
    }

    /** free, delete, delete[]: the contents stay as they were (a use reads stale data), the lifetime ends. */
    private static boolean closedOnEveryPath(Value stream, State s) {
        if (stream.pts.isEmpty()) return false;
        for (Region r : stream.pts.keySet()) if (!(s.freed.get(r) instanceof io.memsafe.analysis.domain.Lifetime l && l.must())) return false;
        return true;
    }

    /** Does this deallocator close the stream {@code r} (one {@link #openStream} made)? */
    static boolean closedStream(Region r, String deallocator) {
        return r.kind == Region.Kind.UNKNOWN && io.memsafe.models.LibraryModels.STREAM_OPENERS.contains(r.family) && ("fclose".equals(deallocator) || "pclose".equals(deallocator));
    }

    void deallocate(SourceLoc loc, Value p, String deallocator, State s, Interpreter.Frame f) {
        in.free(loc, p, deallocator, true, s, f);
    }

    /**
     * CONTAINING_RECORD(address, T, field): the T in which the object at {@code address} sits, at
     * {@code offset}. Where the pointed-to block has room before the address for that offset, the
     * record is in that block; otherwise (a list head that is no T, a block the analysis does not
     * know) it is a record elsewhere: a pointer the analysis does not know, not an overflow of the head.
     */
    private static Value containingRecord(Value address, Value offset) {
        Long off = offset.constant();
        if (off == null || address.unknown || address.pts.isEmpty()) return Value.UNKNOWN;
        Map<Region, Interval> pts = new TreeMap<>();
        for (Map.Entry<Region, Interval> e : address.pts.entrySet()) {
            Interval at = e.getValue();
            if (at.isBottom() || at.lo() < off) return Value.UNKNOWN;
            pts.put(e.getKey(), at.sub(Interval.of(off)));
        }
        return new Value(address.num, pts, false, address.taint);
    }

    /** A number in [lo, hi] parsed from the string at {@code p}: its value when the string is constant, untrusted when the string is. */
    private Value parsed(Value p, long lo, long hi, State s) {
        String text = constant(p, s, 1);
        if (text != null) {
            try {
                return Value.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return Value.of(Interval.of(lo, hi));
            }
        }
        Origin t = null;
        for (Region reg : p.pts.keySet()) {
            Contents c = s.contents(reg);
            if (c.rest.taint != null) t = c.rest.taint;
            else if (c.nul.taint != null) t = c.nul.taint;
        }
        return t != null ? Value.tainted(Interval.of(lo, hi), t) : Value.UNKNOWN;
    }

    private Value result(Returns r, String name, List<Value> args, Value allocated, SourceLoc loc, State s) {
        return switch (r) {
            case Returns.Argument a -> a.orNull() ? arg(args, a.arg()).join(Value.ZERO) : arg(args, a.arg());
            case Returns.StringLength sl -> {
                Str str = strlen(arg(args, sl.arg()), s, sl.elem());
                measured(arg(args, sl.arg()), s);
                if (str == null) yield Value.UNKNOWN;
                Interval len = str.bytes().div(Interval.of(sl.elem()));
                if (sl.limitArg() >= 0) {
                    Value lim = arg(args, sl.limitArg());
                    if (!lim.num.isBottom()) len = Interval.of(Math.min(len.lo(), lim.num.lo()), Math.min(len.hi(), lim.num.hi()));
                }
                yield new Value(len, Map.of(), str.alsoUnknown(), str.taint());
            }
            case Returns.PointerInto pi -> {
                Value p = arg(args, pi.arg());
                Str str = strlen(p, s);
                Interval span = str == null ? Interval.of(0, Interval.POS_INF) : Interval.of(0, str.bytes().hi());
                Value searched = pi.charArg() >= 0 ? arg(args, pi.charArg()) : null;
                boolean beforeNul = pi.charArg() == Returns.PointerInto.BEFORE_TERMINATOR
                        || searched != null && searched.pts.isEmpty() && !searched.unknown && notNul(searched.num, pi.elem());
                if (beforeNul && str != null && str.bytes().hi() != Interval.POS_INF) {
                    // a character that is not NUL is found before the terminator, if at all
                    if (str.bytes().hi() < pi.elem()) yield Value.of(Interval.ZERO);
                    span = Interval.of(0, str.bytes().hi() - pi.elem());
                }
                Value n = pi.lengthArg() >= 0 ? arg(args, pi.lengthArg()) : null;
                Interval within = null;
                if (n != null && !n.unknown && n.pts.isEmpty() && !n.num.isBottom() && n.num.hi() != Interval.POS_INF) {
                    // among the first n elements
                    if (n.num.hi() < 1) yield Value.of(Interval.ZERO);
                    within = span.meet(Interval.of(0, (n.num.hi() - 1) * pi.elem()));
                }
                Map<Region, Interval> pts = new TreeMap<>();
                for (Map.Entry<Region, Interval> e : p.pts.entrySet()) pts.put(e.getKey(), e.getValue().add(span));
                if (within != null) {
                    // only as a proof that the match is an element of the object (a looser bound is the
                    // intervals' loss, {@code end - pos} over-approximated, not evidence of a match past it)
                    Map<Region, Interval> inside = new TreeMap<>();
                    for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
                        Interval at = e.getValue().add(within);
                        Long size = e.getKey().size.constant();
                        if (size == null || at.isBottom() || at.lo() < 0 || at.hi() > size - pi.elem()) {
                            inside = null;
                            break;
                        }
                        inside.put(e.getKey(), at);
                    }
                    if (inside != null) pts = inside;
                }
                yield new Value(Interval.ZERO, pts, p.unknown || str == null, null);
            }
            case Returns.Allocated al -> allocated == null ? Value.UNKNOWN : allocated;
            case Returns.Range rg -> {
                long hi = rg.hi();
                if (rg.boundArg() >= 0) {
                    Value b = arg(args, rg.boundArg());
                    if (!b.num.isBottom() && !b.unknown) hi = Math.min(hi, b.num.hi());
                }
                Interval iv = Interval.of(rg.lo(), Math.max(rg.lo(), hi));
                yield rg.source() == null ? Value.of(iv) : Value.tainted(iv, new Origin(rg.source() + "()", loc));
            }
            case Returns.Parsed pa -> parsed(arg(args, pa.arg()), pa.lo(), pa.hi(), s);
            case Returns.ExternalString es -> {
                Origin o = new Origin(es.source() + "()", loc);
                Region reg = new Region("e:" + loc, Region.Kind.UNKNOWN, Value.UNKNOWN, "string from " + es.source(), loc, "environment");
                s.set(reg, new Contents(new TreeMap<>(), Value.tainted(Interval.of(-128, 127), o), new Value(Interval.of(0, Interval.POS_INF), Map.of(), false, o)));
                // NULL when there is no such string (an unset variable), until the caller compares the result with NULL
                s.allocated(reg, loc);
                yield new Value(Interval.ZERO, Map.of(reg, Interval.ZERO), false, o);
            }
            case Returns.WireInteger wi -> WireFormat.converted(arg(args, wi.arg()), wi.bits(), wi.swapped(), name, loc);
            case Returns.ContainingRecord cr -> containingRecord(arg(args, cr.arg()), arg(args, cr.offsetArg()));
            case Returns.SaturatingProduct sp -> {
                Value a = arg(args, sp.a()), b = arg(args, sp.b());
                Interval prod = a.num.mul(b.num);
                if (sp.plus() >= 0) prod = prod.add(arg(args, sp.plus()).num);
                boolean unknown = a.unknown || b.unknown || (sp.plus() >= 0 && arg(args, sp.plus()).unknown);
                Origin t = a.taint != null ? a.taint : b.taint;
                // SIZE_MAX on overflow: an allocation of it fails instead of coming out small
                Interval sat = prod.isBottom() ? prod : prod.meet(Interval.of(0, Interval.POS_INF));
                yield new Value(sat, Map.of(), unknown, t);
            }
            case Returns.Unknown u -> Value.UNKNOWN;
            case Returns.Span sp -> {
                Str str = strlen(arg(args, sp.arg()), s, sp.elem());
                // a string the analysis does not know: its span is unknown, and no evidence
                if (str == null) yield Value.UNKNOWN;
                Interval len = str.bytes().div(Interval.of(sp.elem()));
                yield new Value(Interval.of(0, Math.min(len.hi(), Integer.MAX_VALUE)), Map.of(), str.alsoUnknown(), str.taint());
            }
            case Returns.Formatted fo -> {
                // the output's length; an encoding error (-1) needs a wide character, which a narrow
                // format without %ls or %lc does not convert
                String fmt = constant(arg(args, fo.fmtArg()), s, 1);
                Origin[] input = new Origin[1];
                Interval out = fmt == null || FormatLength.convertsWide(fmt) ? null : FormatLength.of(fmt, args, fo.fmtArg() + 1, p -> {
                    Str str = strlen(p, s);
                    if (unboundedInput(str) && input[0] == null) input[0] = str.taint();
                    return str;
                }, 1);
                // an output that holds a string of the input's choosing, as long as it likes: the length the
                // whole output would have is the input's too (what snprintf cut is still counted, and a
                // write of that many bytes from the buffer reads past it)
                if (out != null && input[0] != null) {
                    Origin o = input[0];
                    yield Value.tainted(Interval.of(out.lo(), Integer.MAX_VALUE), new Origin("the length of the whole output " + name
                            + "() formats, not what fit (a string from " + o.what() + (o.loc() != null && o.loc().line() > 0 ? " at line " + o.loc().line() : "") + ")", loc));
                }
                // an output whose length the analysis cannot bound otherwise (a string it does not know): the
                // result is unknown, not the type's range (-1..INT_MAX), which would be read as evidence
                // that an offset advanced by it (r += snprintf(buf + r, size - r, ...)) reaches 2^31
                yield out == null || out.hi() > Integer.MAX_VALUE ? Value.UNKNOWN : Value.of(out);
            }
        };
    }
}
