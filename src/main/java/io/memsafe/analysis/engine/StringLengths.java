package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.models.Effect;
import io.memsafe.models.FunctionModel;
import io.memsafe.models.LibraryModels;
import io.memsafe.models.Returns;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The length of a string as a variable of the relations: {@code n = strlen(s)} ties n to where the
 * terminator of s's object is, so that a block allocated with n bytes ({@link BlockCounts}) is known to
 * be one byte short of a copy of s with its terminator ({@code p = malloc(strlen(s)); strcpy(p, s)}, the
 * classic off-by-one of CWE-193), and one allocated with {@code n + 1} to hold it, however long s is.
 * Intervals cannot say either: the string's length is unknown, and so is the block's size.
 * <p>The variable ({@code z:} and the object's key) is the offset of the object's first terminator. It
 * holds only while the object is unchanged: any change to its contents forgets it ({@link
 * #forgetChanged}), and a join keeps it only where both paths measured the same object.
 */
final class StringLengths {
    private StringLengths() { }

    /** The relations' variable for the offset of the first terminator in {@code r}. */
    static String terminator(Region r) { return "z:" + r.key; }

    static boolean isTerminator(String k) { return k.startsWith("z:"); }

    /** A variable for a string whose object is unknown, reached through a pointer variable: valid until it or anything a pointer reaches changes. */
    private static boolean throughPointer(String k) { return k.endsWith("*"); }

    /**
     * Where a string is, for its length: one object the analysis tells apart from others at one offset
     * (keyed by the object), or else the string a local pointer designates ({@code strlen(name)} of a
     * parameter, keyed by the pointer); null otherwise.
     */
    private record Site(String key, Region storage, long offset) { }

    private static Site site(Interpreter in, Expr e, Value p, Interpreter.Frame f) {
        // (NULL beside the object is another finding's concern)
        if (!(p.num.isBottom() || (p.num.isSingleton() && p.num.lo() == 0))) return null;
        if (!p.unknown && p.pts.size() == 1) {
            Map.Entry<Region, Interval> o = p.pts.entrySet().iterator().next();
            Region r = o.getKey();
            if (!o.getValue().isSingleton() || o.getValue().lo() < 0 || in.severalLive.contains(r.key) || r.key.startsWith("f:")
                    || r.kind == Region.Kind.STRING_LITERAL) return null;
            return new Site(terminator(r), r, o.getValue().lo());
        }
        if (!p.pts.isEmpty() || f.fn() == null) return null;
        while (e instanceof Expr.Cast c && c.type() instanceof Type.Pointer) e = c.operand();
        if (!(e instanceof Expr.Load l) || !(l.lv() instanceof Lvalue.Var v) || v.var().isGlobalStorage()) return null;
        Region r = in.region(v.var(), f.fn());
        return new Site("z:" + r.key + "*", r, 0);
    }

    /** After {@code n = strlen(s)}: n is the offset of s's terminator less where s starts. */
    static void measured(Interpreter in, FunctionModel m, Stmt.Call c, List<Value> args, State s, Interpreter.Frame f) {
        if (s.bottom || f.fn() == null || c.result() == null || !(m.returns() instanceof Returns.StringLength sl)
                || sl.limitArg() >= 0 || sl.elem() > 1 || sl.arg() >= args.size() || sl.arg() >= c.args().size()) return;
        Site at = site(in, c.args().get(sl.arg()), args.get(sl.arg()), f);
        if (at == null) return;
        String x = Relations.tracked(in, c.result(), s, f);
        if (x == null || in.relatedPlaces.get(x).pointer()) return;
        in.measuredStrings.put(at.key(), at.storage());
        s.rel = s.rel.variables().contains(at.key()) ? s.rel.assign(x, at.key(), -at.offset()) : s.rel.assign(at.key(), x, at.offset());
    }

    /**
     * Where a copy of the string at {@code src} with its terminator ({@code strcpy(dst, src)}) ends in the
     * block {@code dst} points into, by the relations: inside when the block's byte count exceeds the
     * string's length plus the offset, at or past its end when the tightest bound the relations know lets
     * the length reach the count (allocated with the length itself, or checked with {@code <=} where
     * {@code <} was meant); unrelated otherwise.
     */
    private static MemoryAccess.End copyEnd(Site from, Site to, State s) {
        if (from == null || to == null || throughPointer(to.key())) return MemoryAccess.End.UNRELATED;
        String z = from.key(), n = BlockCounts.count(to.storage(), 1);
        if (!s.rel.variables().contains(z) || !s.rel.variables().contains(n)) return MemoryAccess.End.UNRELATED;
        // the copy ends at to + (z - from) + 1: past the count n when z - n >= from - to
        long d = s.rel.upperDiff(z, n);
        if (d == Octagon.INF) return MemoryAccess.End.UNRELATED;
        if (Relations.satAdd(Relations.satAdd(d, 1 + to.offset()), -from.offset()) <= 0) return MemoryAccess.End.INSIDE;
        return BlockCounts.related(s, z, n) ? MemoryAccess.End.PAST_COUNT : MemoryAccess.End.UNRELATED;
    }

    /** The strcpy-like copies (no limit) of a model's call, and where each ends by {@link #copyEnd}. */
    static Map<Value, MemoryAccess.End> copyEnds(Interpreter in, FunctionModel m, Stmt.Call c, List<Value> args, State s, Interpreter.Frame f,
                                                 Map<Value, MemoryAccess.End> into) {
        if (s.rel.variables().isEmpty()) return into;
        Map<Value, MemoryAccess.End> out = into;
        for (Effect e : m.effects()) {
            if (!(e instanceof Effect.CopyString cs) || cs.limitArg() >= 0 || cs.elem() > 1
                    || Math.max(cs.dst(), cs.src()) >= Math.min(args.size(), c.args().size())) continue;
            Expr dstExpr = c.args().get(cs.dst()), srcExpr = c.args().get(cs.src());
            Value dst = args.get(cs.dst());
            Site from = site(in, srcExpr, args.get(cs.src()), f), to = site(in, dstExpr, dst, f);
            MemoryAccess.End end;
            SumCounts.At at = from != null && to == null && s.rel.variables().contains(from.key()) ? SumCounts.at(in, dstExpr, dst, s, f) : null;
            if (at != null) {
                // into a block sized by a sum, after one of the summands (strcpy(p + la, b)): the access is
                // into that block, at the summand's offsets
                end = SumCounts.end(at, from.key(), 1 - from.offset(), s);
                if (end != MemoryAccess.End.UNRELATED && at.pointer() != dst) args.set(cs.dst(), dst = at.pointer());
                if (end == MemoryAccess.End.PAST_COUNT) in.endDetails.put(dst, SumCounts.detail(in, at, from.key(), 1 - from.offset()));
            } else end = copyEnd(from, to, s);
            if (end == MemoryAccess.End.UNRELATED) continue;
            if (out.isEmpty()) out = new IdentityHashMap<>();
            out.put(dst, end);
        }
        return out;
    }

    /**
     * After a statement, the lengths of strings known only through a pointer: a store through any pointer
     * or a call that may write may have changed them (a model that only allocates, frees, measures or
     * reads does not).
     */
    static void afterStatement(Interpreter in, Stmt st, State s, Interpreter.Frame f) {
        boolean writes = st instanceof Stmt.Assign a ? !(a.target() instanceof Lvalue.Var) && !own(object(in, a.target(), s, f), f)
                : st instanceof Stmt.Call c && (c.callee() == null || writes(LibraryModels.get(c.callee())) && !onlyIntoOwnObjects(in, c, s, f));
        if (!writes) return;
        Octagon<String> r = s.rel;
        for (String k : s.rel.variables()) if (isTerminator(k) && throughPointer(k)) r = r.forget(k);
        s.rel = r;
    }

    /**
     * Does the library call write only into blocks this analysis allocated and locals of the function
     * ({@code memcpy(p, a, la)} into a new block)? A string reached through a pointer the function was
     * given cannot lie in them: they did not exist when it got the pointer.
     */
    private static boolean onlyIntoOwnObjects(Interpreter in, Stmt.Call c, State s, Interpreter.Frame f) {
        FunctionModel m = LibraryModels.get(c.callee());
        if (m == null || f.fn() == null) return false;
        for (Effect e : m.effects()) {
            int dst = switch (e) {
                case Effect.WriteBytes w -> w.arg();
                case Effect.CopyString cs -> cs.dst();
                case Effect.CopyBoundedString cb -> cb.dst();
                case Effect.AppendString as -> as.dst();
                case Effect.Format fm -> fm.dst();
                default -> writes(e) ? -2 : -1;
            };
            if (dst == -1) continue;
            if (dst < 0 || dst >= c.args().size()) return false;
            if (!own(in.eval(c.args().get(dst), s, f), f)) return false;
        }
        return true;
    }

    /** The object a store to {@code lv} writes into, by the pointer or array it indexes ({@code p[i]}: what p points to). */
    private static Value object(Interpreter in, Lvalue lv, State s, Interpreter.Frame f) {
        while (lv instanceof Lvalue.Index || lv instanceof Lvalue.Field) lv = lv instanceof Lvalue.Index ix ? ix.base() : ((Lvalue.Field) lv).base();
        return lv instanceof Lvalue.Deref d ? in.eval(Expr.basePointer(d.pointer()), s, f) : in.address(lv, s, f);
    }

    /** Does {@code p} point only into blocks this analysis allocated and locals of the function running? */
    private static boolean own(Value p, Interpreter.Frame f) {
        if (p.unknown || p.pts.isEmpty() || f.fn() == null) return false;
        String frame = Interpreter.frameKeys(f.fn());
        for (Region r : p.pts.keySet()) {
            if (!(r.kind == Region.Kind.HEAP && r.key.startsWith("h:") || r.kind == Region.Kind.STACK && r.key.startsWith(frame))) return false;
        }
        return true;
    }

    private static boolean writes(FunctionModel m) {
        if (m == null) return true;
        for (Effect e : m.effects()) if (writes(e)) return true;
        return false;
    }

    private static boolean writes(Effect e) {
        return !(e instanceof Effect.Allocate || e instanceof Effect.Deallocate || e instanceof Effect.ReadBytes || e instanceof Effect.ReadString
                || e instanceof Effect.PrintString || e instanceof Effect.UsesStream || e instanceof Effect.FormatArg || e instanceof Effect.Duplicate
                || e instanceof Effect.DuplicateBytes);
    }

    /** The objects of the string lengths related in {@code s}, with their contents before a statement. */
    static void before(Interpreter in, State s, Map<Region, Contents> into) {
        for (String k : s.rel.variables()) {
            Region r = isTerminator(k) ? in.measuredStrings.get(k) : null;
            if (r != null) into.put(r, s.mem.get(r));
        }
    }

    /** Forgets the string lengths of the objects a statement changed. */
    static void forgetChanged(Interpreter in, Map<Region, Contents> before, State s) {
        Octagon<String> r = s.rel;
        for (String k : s.rel.variables()) {
            Region g = isTerminator(k) ? in.measuredStrings.get(k) : null;
            if (g == null || !before.containsKey(g) || before.get(g) == s.mem.get(g)) continue;
            r = r.forget(k);
        }
        s.rel = r;
    }
}
