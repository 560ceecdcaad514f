package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.models.DeferredCallbacks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A driver structure freed while a deferred callback armed on an object embedded in it may still be
 * pending (a timer, a work item, a tasklet, a DPC): when it fires, the callback runs on freed memory
 * (CWE-416), the bug behind many driver use-after-free fixes ("use del_timer_sync() before kfree()").
 * <p>The facts are the program's, by structure type and member, as Smatch and Coccinelle scripts
 * match them: some function arms {@code &x->timer} for an {@code x} of type {@code struct dev}; a
 * release of a {@code struct dev} is reported unless a function on the releasing path (the releasing
 * function, its callers in the analysis, and everything they call) stops that member, or flushes every
 * pending callback. A block allocated in the same analysis is left alone (a probe's error path frees
 * what it has not armed yet), and so is a release inside the member's own callback.
 */
final class PendingCallbacks {
    private PendingCallbacks() { }

    /** A member of a structure type: its bytes, and its name for messages ({@code dw.work}). */
    record Member(String struct, long offset, long size, String path) {
        boolean overlaps(Member o) {
            return struct.equals(o.struct) && offset < o.offset + Math.max(1, o.size) && o.offset < offset + Math.max(1, size);
        }
    }

    /** Where a callback on a member is armed. */
    record Armed(Member member, SourceLoc at, String armer, String function) { }

    /** What the program does with deferred callbacks, computed once per program. */
    record Facts(List<Armed> armed, Map<Function, List<Member>> stops, Set<Function> stopsAll, Map<Member, String> callbacks,
                 Map<Function, Set<Function>> calls) { }

    private static final Map<Program, Facts> FACTS = Collections.synchronizedMap(new WeakHashMap<>());

    static Facts facts(Program p) { return FACTS.computeIfAbsent(p, PendingCallbacks::collect); }

    private static Facts collect(Program p) {
        List<Armed> armed = new ArrayList<>();
        Map<Function, List<Member>> stops = new HashMap<>();
        Set<Function> stopsAll = new HashSet<>();
        Map<Member, String> callbacks = new LinkedHashMap<>();
        Map<Function, Set<Function>> calls = new HashMap<>();
        Map<Member, Member> dpcs = new HashMap<>();
        for (Function f : p.functions) {
            for (BasicBlock b : f.blocks) for (Stmt st : b.stmts) {
                if (!(st instanceof Stmt.Call c) || c.callee() == null) continue;
                String n = c.callee();
                Function target = p.resolve(f.unit, n);
                if (target != null) calls.computeIfAbsent(f, x -> new HashSet<>()).add(target);
                Integer a = DeferredCallbacks.ARMS.get(n);
                if (a != null && member(c, a) instanceof Member m) armed.add(new Armed(m, c.loc(), n, f.name));
                Integer s = DeferredCallbacks.STOPS.get(n);
                if (s != null && member(c, s) instanceof Member m) stops.computeIfAbsent(f, x -> new ArrayList<>()).add(m);
                if (DeferredCallbacks.STOPS_ALL.contains(n)) stopsAll.add(f);
                if (DeferredCallbacks.NAMES.contains(n) && member(c, 0) instanceof Member m && c.args().size() > 1
                        && strip(c.args().get(1)) instanceof Expr.FunctionRef fr) callbacks.putIfAbsent(m, fr.name());
                Integer dpc = DeferredCallbacks.QUEUES_DPC.get(n);
                if (dpc != null && member(c, 0) instanceof Member timer && member(c, dpc) instanceof Member d) dpcs.putIfAbsent(timer, d);
            }
        }
        // a timer that queues a DPC calls the DPC's routine
        for (Map.Entry<Member, Member> e : dpcs.entrySet()) {
            if (callbacks.get(e.getValue()) instanceof String routine) callbacks.putIfAbsent(e.getKey(), routine);
        }
        return new Facts(List.copyOf(armed), stops, stopsAll, callbacks, calls);
    }

    private static Expr strip(Expr e) {
        while (e instanceof Expr.Cast c) e = c.operand();
        return e;
    }

    /** The member the argument designates ({@code &x->timer}, {@code &x->dw.work}, {@code &s.timer}), or null. */
    private static Member member(Stmt.Call c, int arg) {
        if (arg >= c.args().size() || !(strip(c.args().get(arg)) instanceof Expr.AddressOf ao)) return null;
        Lvalue lv = ao.lv();
        long off = 0;
        while (lv instanceof Lvalue.Field fl) {
            off += fl.offset();
            lv = fl.base();
        }
        Type owner;
        if (lv instanceof Lvalue.Deref d) {
            off += d.byteOffset();
            owner = strip(d.pointer()).type() instanceof Type.Pointer p ? p.pointee() : null;
        } else if (lv instanceof Lvalue.Var v) {
            owner = v.var().type;
        } else {
            return null;
        }
        if (!(owner instanceof Type.Struct st) || st.name() == null || ao.lv().type() == owner) return null;
        return new Member(st.name(), off, ao.lv().type().size(), path(st, off, ao.lv().type().size()));
    }

    /** The names of the members down to the one of {@code size} bytes at a byte offset of a structure, outermost first. */
    private static String path(Type.Struct st, long off, long size) {
        List<String> names = new ArrayList<>();
        Type t = st;
        while (t instanceof Type.Struct cur) {
            Type.Field in = null;
            for (Type.Field fl : cur.fields()) {
                if (off >= fl.offset() && off < fl.offset() + Math.max(1, fl.type().size())) { in = fl; break; }
            }
            if (in == null) break;
            names.add(in.name());
            off -= in.offset();
            t = in.type();
            if (off == 0 && t.size() == size) break;
        }
        return names.isEmpty() ? "+" + off : String.join(".", names);
    }

    /**
     * The release of the object at argument {@code arg} of {@code c} (a kfree, an ExFreePool): reported
     * when a callback armed on a member of its structure type may still be pending.
     */
    static void atRelease(Interpreter in, Stmt.Call c, int arg, Value freed, SourceLoc loc, String deallocator, Interpreter.Frame f) {
        if (!f.report() || arg < 0 || arg >= c.args().size()) return;
        if (!(strip(c.args().get(arg)).type() instanceof Type.Pointer pt) || !(pt.pointee() instanceof Type.Struct st) || st.name() == null) return;
        // NULL, or a block this analysis allocated (armed here or not at all)
        if (!freed.unknown && freed.pts.isEmpty()) return;
        for (Region r : freed.pts.keySet()) if (r.kind == Region.Kind.HEAP) return;
        Facts facts = facts(in.program);
        Set<Function> path = new HashSet<>();
        for (Interpreter.Frame x = f; x != null; x = x.parent()) path.add(x.fn());
        Set<Function> reach = reachable(path, facts.calls());
        for (Function g : reach) if (facts.stopsAll().contains(g)) return;
        Set<String> ownCallbacks = new HashSet<>();
        for (Map.Entry<Member, String> e : facts.callbacks().entrySet()) if (e.getKey().struct().equals(st.name())) ownCallbacks.add(e.getValue());
        // released by a callback of the structure's own: the callback is done with it
        for (Function g : path) if (ownCallbacks.contains(g.name)) return;
        Map<Member, Armed> byMember = new LinkedHashMap<>();
        for (Armed a : facts.armed()) {
            if (!a.member().struct().equals(st.name())) continue;
            // where it is first armed from outside its own callback (a callback re-arming itself is no start)
            Armed known = byMember.get(a.member());
            if (known == null || (ownCallbacks.contains(known.function()) && !ownCallbacks.contains(a.function()))) byMember.put(a.member(), a);
        }
        for (Armed a : byMember.values()) {
            // a function on the releasing path arms it itself: its own error paths release what they have not armed
            // yet, which the order of its statements decides (the analysis follows that only for blocks it allocated)
            if (stopped(a.member(), reach, facts) || armsOnPath(a.member(), path, facts)) continue;
            String callback = callbackOf(a.member(), facts);
            for (Checker ch : in.checkers) ch.onCallbackPendingAtRelease(loc, deallocator, st.name(), a.member().path(), callback, a.at(), a.armer(), a.function(),
                    DeferredCallbacks.stopFor(a.armer()), in.withCalls(f));
            return;
        }
    }

    private static String callbackOf(Member m, Facts facts) {
        String cb = facts.callbacks().get(m);
        if (cb != null) return cb;
        for (Map.Entry<Member, String> e : facts.callbacks().entrySet()) if (e.getKey().overlaps(m)) return e.getValue();
        return null;
    }

    private static boolean armsOnPath(Member m, Set<Function> path, Facts facts) {
        for (Armed a : facts.armed()) {
            if (!a.member().overlaps(m)) continue;
            for (Function g : path) if (g.name.equals(a.function())) return true;
        }
        return false;
    }

    private static boolean stopped(Member m, Set<Function> reach, Facts facts) {
        for (Function g : reach) for (Member s : facts.stops().getOrDefault(g, List.of())) if (s.overlaps(m)) return true;
        return false;
    }

    private static Set<Function> reachable(Set<Function> from, Map<Function, Set<Function>> calls) {
        Set<Function> seen = new HashSet<>(from);
        Deque<Function> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            for (Function g : calls.getOrDefault(todo.poll(), Set.of())) if (seen.add(g)) todo.add(g);
        }
        return seen;
    }
}
