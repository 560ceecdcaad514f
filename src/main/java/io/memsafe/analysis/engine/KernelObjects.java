package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.models.Effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel effects that act on structures the caller owns rather than on byte ranges: the
 * counted strings ({@code UNICODE_STRING}, {@code ANSI_STRING}) whose buffer a routine allocates,
 * points at a literal or releases, and the dispatcher objects a thread waits on. The member a
 * routine acts on is found by name in the argument's structure type, so that the offsets follow
 * the data model (the {@code Buffer} of a {@code UNICODE_STRING} is at 8 under LLP64, 4 under ILP32).
 */
final class KernelObjects {
    private final Interpreter in;
    private final ModelInterpreter models;

    KernelObjects(Interpreter in, ModelInterpreter models) {
        this.in = in;
        this.models = models;
    }

    private static Value arg(List<Value> args, int i) { return i >= 0 && i < args.size() ? args.get(i) : Value.UNKNOWN; }

    /** The structure type args[i] points to, or null. */
    private static Type.Struct pointee(Stmt.Call c, int i) {
        if (i < 0 || i >= c.args().size() || !(c.args().get(i).type() instanceof Type.Pointer p)) return null;
        return p.pointee() instanceof Type.Struct st ? st : null;
    }

    /** A pointer to member {@code name} of the structure {@code p} designates (null when the type or member is unknown). */
    private static Value member(Value p, Type.Field fd) {
        if (fd == null || p.pts.isEmpty()) return null;
        Map<Region, Interval> pts = new TreeMap<>();
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) pts.put(e.getKey(), e.getValue().add(Interval.of(fd.offset())));
        return new Value(Interval.BOTTOM, pts, p.unknown, null);
    }

    private static long size(Type.Field fd) { return fd.type().size() > 0 ? fd.type().size() : 8; }

    /** The routine reads or writes the whole structure at {@code p} (a NULL or freed one is reported). */
    private void accessed(SourceLoc loc, Value p, Type.Struct st, boolean write, String op, Interpreter.Frame f) {
        if (st != null && st.size() > 0) in.checkAccess(loc, p, Value.of(st.size()), write, op, null, f);
        else in.use(loc, p, op, true, f);
    }

    /** The lengths of a counted string describing {@code bytes} bytes of characters (null: unknown). */
    private void lengths(Value dst, Type.Struct st, Interval bytes, int elem, State s) {
        for (String n : List.of("Length", "MaximumLength")) {
            Type.Field fd = st.field(n);
            Value at = member(dst, fd);
            if (at == null) continue;
            Value v = bytes == null ? Value.UNKNOWN : Value.of(n.equals("Length") ? bytes : bytes.add(Interval.of(elem)));
            in.storeVia(at, size(fd), v, s, false);
        }
    }

    /** RtlCreateUnicodeString and kin: a new block holding a copy of the string, in the structure's buffer member. */
    void allocateInField(Effect.AllocateInField af, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, af.dst());
        if (af.onlyIfArg() >= 0) {
            Long flag = arg(args, af.onlyIfArg()).constant();
            // not asked to allocate: the routine converts into the caller's buffer
            if (flag != null && flag == 0) return;
            if (flag == null) {
                Interpreter.escapeContents(dst, s);
                return;
            }
        }
        Type.Struct st = pointee(c, af.dst());
        accessed(loc, dst, st, true, op, f);
        Type.Field fd = st == null ? null : st.field(af.field());
        Value slot = member(dst, fd);
        ModelInterpreter.Str str = af.srcCounted() ? null : models.strlen(arg(args, af.src()), s);
        Value size = str == null ? Value.UNKNOWN : Value.of(str.bytes().add(Interval.of(af.elem())));
        Value block = models.allocate(loc, size, op, false, false, false, s, f);
        for (Region reg : block.pts.keySet()) {
            s.set(reg, Contents.uninitialized().withNul(str == null ? Value.UNKNOWN : new Value(str.bytes(), Map.of(), str.alsoUnknown(), str.taint())));
        }
        if (slot == null) {
            // a structure the analysis cannot see into keeps the block
            Interpreter.escape(block, s);
            return;
        }
        in.storeVia(slot, size(fd), block, s, false);
        lengths(dst, st, str == null ? null : str.bytes(), af.elem(), s);
    }

    /** RtlInitUnicodeString and kin: the structure points at the caller's string. */
    void initCountedString(Effect.InitCountedString ic, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value dst = arg(args, ic.dst());
        Type.Struct st = pointee(c, ic.dst());
        Type.Field fd = st == null ? null : st.field(ic.field());
        Value slot = member(dst, fd);
        Value src = arg(args, ic.src());
        if (slot == null) {
            accessed(loc, dst, st, true, op, f);
            Interpreter.escapeContents(dst, s);
            return;
        }
        accessed(loc, dst, st, true, op, f);
        in.storeVia(slot, size(fd), src, s, false);
        ModelInterpreter.Str str = src.isPointer() ? models.strlen(src, s) : null;
        Interval bytes = src.isDefinitelyNull() ? Interval.ZERO : str == null ? null : str.bytes();
        lengths(dst, st, bytes, src.isDefinitelyNull() ? 0 : ic.elem(), s);
    }

    /** RtlFreeUnicodeString and kin: the buffer member's block is released. */
    void deallocateField(Effect.DeallocateField df, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value p = arg(args, df.arg());
        Type.Struct st = pointee(c, df.arg());
        accessed(loc, p, st, false, op, f);
        Value slot = member(p, st == null ? null : st.field(df.field()));
        if (slot == null) return;
        models.deallocate(loc, in.loadVia(slot, size(st.field(df.field())), s), op, s, f);
    }

    /**
     * KeWaitFor*Object(s) in user mode (a mode that is not KernelMode, 0, on every path): a waited
     * object, or wait block, that lives on the kernel stack on every path is reported.
     */
    void dispatcherWait(Effect.DispatcherWait dw, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value mode = arg(args, dw.mode());
        if (!f.report() || mode.unknown || mode.isPointer() || mode.num.isBottom() || mode.num.contains(0)) return;
        List<Value> waited = new ArrayList<>();
        if (dw.count() < 0) {
            waited.add(arg(args, dw.object()));
        } else {
            Value array = arg(args, dw.object());
            Long n = arg(args, dw.count()).constant();
            long slot = pointerSize(c, dw.object());
            if (n != null && n > 0 && n <= 64 && array.nullOrKnownRegions() && !array.pts.isEmpty()) {
                for (long i = 0; i < n; i++) {
                    Map<Region, Interval> at = new TreeMap<>();
                    for (Map.Entry<Region, Interval> e : array.pts.entrySet()) at.put(e.getKey(), e.getValue().add(Interval.of(i * slot)));
                    waited.add(in.loadVia(new Value(Interval.BOTTOM, at, false, null), slot, s));
                }
            }
        }
        if (dw.waitBlocks() >= 0) waited.add(arg(args, dw.waitBlocks()));
        for (Value v : waited) {
            if (v.pts.isEmpty() || !v.nullOrKnownRegions() || v.mayBeNull()) continue;
            Region stack = null;
            for (Region r : v.pts.keySet()) {
                if (r.kind != Region.Kind.STACK) { stack = null; break; }
                if (stack == null) stack = r;
            }
            if (stack != null) {
                Region at = stack;
                for (Checker ch : in.checkers) ch.onPageableStackWait(loc, at, op, in.withCalls(f));
                return;
            }
        }
    }

    /** The size of an element of the pointer array args[i] points to (4 under ILP32). */
    private static long pointerSize(Stmt.Call c, int i) {
        if (i < 0 || i >= c.args().size() || !(c.args().get(i).type() instanceof Type.Pointer p)) return 8;
        return p.pointee().size() > 0 ? p.pointee().size() : 8;
    }

    /**
     * IoCompleteRequest: the I/O manager takes the request back and frees it, with the system buffer of a
     * buffered request; a use of either afterwards is a use after free ({@code return Irp->IoStatus.Status}
     * after the completion). Reported too: a request whose {@code CancelRoutine} holds a routine on every
     * path, since a cancel (the caller closing its handle, a timeout) can still call the routine with the
     * freed request. Correct code clears the routine first ({@code IoSetCancelRoutine(Irp, NULL)}, whose
     * result says whether the routine is already running).
     */
    void completesRequest(Effect.CompletesRequest cr, Stmt.Call c, List<Value> args, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Type.Struct irp = pointee(c, cr.arg());
        Value p = arg(args, cr.arg());
        if (p.unknown || p.pts.size() != 1 || p.mayBeNull()) return;
        String retrieved = requestBufferKey(p);
        List<Region> buffers = new ArrayList<>();
        for (Region r : s.mem.keySet()) if (r.key.startsWith(retrieved)) buffers.add(r);
        for (Region r : buffers) s.freed.put(r, new Lifetime(loc, true));
        if (irp == null || irp.field("AssociatedIrp") == null) return;
        if (f.report()) cancelRoutineLeft(irp, p, loc, op, s, f);
        Value system = fieldValue(irp, p, "AssociatedIrp.SystemBuffer", s);
        s.freed.put(p.pts.keySet().iterator().next(), new Lifetime(loc, true));
        if (system != null && !system.unknown && system.pts.size() == 1 && !system.mayBeNull()) {
            s.freed.put(system.pts.keySet().iterator().next(), new Lifetime(loc, true));
        }
    }

    /**
     * The prefix of the keys of the buffers retrieved from the request {@code rq} (a KMDF handle): the
     * request's own block when the analysis knows it, so completing the request frees exactly these.
     */
    static String requestBufferKey(Value rq) {
        return !rq.unknown && rq.pts.size() == 1 ? "rq:" + rq.pts.keySet().iterator().next().key + "|" : "rq:";
    }

    private void cancelRoutineLeft(Type.Struct irp, Value p, SourceLoc loc, String op, State s, Interpreter.Frame f) {
        Value routine = fieldValue(irp, p, "CancelRoutine", s);
        if (routine == null || routine.unknown || routine.pts.isEmpty() || routine.num.contains(0)) return;
        String name = null;
        for (Region r : routine.pts.keySet()) {
            if (!r.key.startsWith("f:")) return;
            if (name == null) name = r.key.substring(2);
        }
        for (Checker ch : in.checkers) ch.onCompletedWithCancelRoutine(loc, op, name, in.withCalls(f));
    }

    /** The pointer-sized value of the member at a dotted path of the structure {@code p} designates, or null. */
    private Value fieldValue(Type.Struct st, Value p, String path, State s) {
        Type t = st;
        long off = 0;
        for (String n : path.split("\\.")) {
            if (!(t instanceof Type.Struct cur) || cur.field(n) == null) return null;
            off += cur.field(n).offset();
            t = cur.field(n).type();
        }
        Value at = member(p, new Type.Field(path, t, off));
        return at == null ? null : in.loadVia(at, t.size() > 0 ? t.size() : 8, s);
    }
}
