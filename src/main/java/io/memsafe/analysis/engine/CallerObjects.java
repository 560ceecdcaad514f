package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.Map;
import java.util.TreeMap;

/**
 * The objects a root receives from its callers, and the blocks their pointer members designate: symbolic
 * regions, made lazily where the root first reads such a pointer (Clang's analyzer's symbolic regions,
 * Infer's lazy initialisation of a precondition). Without them a library function's {@code t->items},
 * {@code c->email} or the connection {@code c} itself were unknown pointers, so a block reallocated,
 * freed or freed by a callee there and used afterwards went unseen.
 *
 * <p>Such a region has no size the analysis knows (no bounds to check, no start to underrun: a pointer
 * parameter may point into the middle of its object) and unknown, initialised contents. A pointer to it
 * may be NULL, as any pointer a caller hands over: a test for NULL has both outcomes, and no NULL
 * checker reports it (they need a NULL the code produced). It is released like a heap block, so a use
 * or a second release afterwards is reported; no deallocator is the wrong one for it and it is never
 * leaked (the caller owns it). Bounded: regions chain at most {@link #MAX_DEPTH} levels from a
 * parameter, so a loop over a list reads unknown pointers past its third node. A member of the type of a
 * level further up the chain (a back pointer, {@code c->srv}) is no block of its own ({@link
 * #mayBeAncestor}); a member of its holder's own type (a list's {@code next}, a tree's child) is: the
 * next node is another one, as lists have no cycle of one node.
 */
public final class CallerObjects {

    /** The family of these regions (what allocated them, for the deallocator and leak checks: nobody the scan sees). */
    public static final String FAMILY = "caller";

    /** Parameter object, member block, member block of a member block. */
    static final int MAX_DEPTH = 3;

    /** Separates the levels of a key; the structure type of a level follows {@link #TYPE}. */
    private static final char LEVEL = '|';
    private static final char TYPE = '~';

    /** Is {@code r} an object or block a root's callers hand it? */
    public static boolean is(Region r) { return FAMILY.equals(r.family); }

    /**
     * The caller objects this root's analysis has made, by structure type: two of one type may be one
     * object (a connection's {@code c->srv} is the server its caller passes as {@code srv}), so a store
     * into one may have changed the other ({@link #stored}).
     */
    private final Map<String, java.util.TreeSet<Region>> byType = new java.util.HashMap<>();

    private void made(Region r) {
        String t = typeOf(r);
        if (!t.isEmpty()) byType.computeIfAbsent(t, k -> new java.util.TreeSet<>()).add(r);
    }

    /**
     * After a store of {@code v} into the caller object that {@code p} alone designates: every other caller
     * object of the same structure type may be the same object, so it may hold {@code v} there too (a weak
     * update). Without it, a loop that unlinks through {@code c->srv->conns} and then frees
     * {@code srv->conns} again would read the old head as still there, and freed.
     */
    void stored(Value p, long size, Value v, State s) {
        if (byType.isEmpty() || p.pts.size() != 1) return;
        Map.Entry<Region, Interval> at = p.pts.entrySet().iterator().next();
        if (!is(at.getKey()) || !at.getValue().isSingleton()) return;
        java.util.TreeSet<Region> same = byType.get(typeOf(at.getKey()));
        if (same == null || same.size() < 2) return;
        for (Region r : same) {
            if (r.equals(at.getKey()) || !s.mem.containsKey(r)) continue;
            s.set(r, s.contents(r).store(at.getValue(), size, v, false));
        }
    }

    /** The structure type of a caller object's level ("" for a block of bytes or an unnamed structure). */
    private static String typeOf(Region r) {
        int i = r.key.lastIndexOf(TYPE);
        return i < 0 || r.key.indexOf(LEVEL, i) >= 0 ? "" : r.key.substring(i + 1);
    }

    /** Does the value designate caller objects only (NULL aside)? */
    static boolean only(Value v) {
        if (v.pts.isEmpty() || v.unknown) return false;
        for (Region r : v.pts.keySet()) if (!is(r)) return false;
        return true;
    }

    /**
     * The value of a root's pointer parameter {@code p} to a structure: the caller's object, or NULL;
     * anything else (a scalar, a buffer, a function pointer) stays unknown.
     */
    Value parameter(Function root, Variable p, State s) {
        if (!(p.type instanceof Type.Pointer pt) || !(pt.pointee() instanceof Type.Struct st)) return Value.UNKNOWN;
        Region r = new Region("obj:" + root.unit + ":" + root.name + ":" + p.name + TYPE + name(st), Region.Kind.UNKNOWN, Value.UNKNOWN,
                "the object '*" + p.name + "' passed to " + root.name + "()", root.loc, FAMILY);
        s.set(r, unknownContents());
        made(r);
        return maybeNull(r);
    }

    /**
     * A pointer {@code v} just loaded through {@code lv} from the address {@code p}: where it was read from a
     * member of one caller object that nothing has set since the root began, the block that member
     * designates (a region of its own, made here and stored back into the member, so every later read
     * gives the same block). A block already released is not made again: the member was set anew by code
     * the analysis does not see (an unknown call rewrote the object). A member that holds that block on
     * some paths and is unread on the others (a join after the first pass of a loop that reads it) still
     * designates that block: the paths that had not read it yet would have made the same one.
     */
    Value loaded(Lvalue lv, Value p, Value v, State s) {
        if (!(lv.type() instanceof Type.Pointer pt) || pt.pointee() instanceof Type.Function || !v.unknown
                || p.pts.size() != 1 || !p.nullOrKnownRegions() || s.bottom) return v;
        Map.Entry<Region, Interval> at = p.pts.entrySet().iterator().next();
        Region parent = at.getKey();
        Interval off = at.getValue();
        if (!is(parent) || !off.isSingleton() || off.lo() < 0 || depth(parent) >= MAX_DEPTH) return v;
        // the element cell of a caller's vector stands for every element: no one block is what it designates
        // (the blocks of {@code for (i...) delete v[i]} are as many as the elements)
        if (containerElement(lv)) return v;
        String type = pt.pointee() instanceof Type.Struct st ? name(st) : "";
        // (the holder's own type, a list's next: a node of its own)
        if (!type.isEmpty() && !type.equals(typeOf(parent)) && onChain(parent, type)) return mayBeAncestor(parent, type, v);
        String key = parent.key + LEVEL + off.lo() + TYPE + type;
        if (!v.pts.isEmpty() && !(v.pts.size() == 1 && v.pts.keySet().iterator().next().key.equals(key))) return v;
        String spelled = UserFetches.spelled(lv);
        Region block = new Region(key, Region.Kind.UNKNOWN, Value.UNKNOWN,
                spelled != null ? "the caller's block '" + spelled + "'" : "the caller's block at offset " + off.lo() + " of " + parent.description,
                parent.allocated, FAMILY);
        if (s.freed.containsKey(block)) return v;
        Value out = maybeNull(block);
        if (!s.mem.containsKey(block)) s.set(block, unknownContents());
        made(block);
        long size = Math.max(1, lv.type().size());
        s.set(parent, s.contents(parent).store(off, size, out, true));
        return out;
    }

    /** The element cell of a vector the lowering models: a load through the vector's storage member. */
    private static boolean containerElement(Lvalue lv) {
        if (!(lv instanceof Lvalue.Deref d) || !(d.pointer() instanceof io.memsafe.ir.Expr.Load l)) return false;
        if (l.lv() instanceof Lvalue.Field f) return Type.Struct.CONTAINER_STORAGE.equals(f.name());
        return l.lv() instanceof Lvalue.Deref sd && Type.pointee(sd.pointer().type()) instanceof Type.Struct st
                && Type.Struct.CONTAINER_STORAGE.equals(st.memberAt(sd.byteOffset()));
    }

    /**
     * A member whose structure type is that of a level further up the chain ({@code c->srv} read from a
     * connection the server {@code srv} holds, a node's {@code parent}): it may be that object again, or another
     * one. It designates the nearest such level then, beside anything: what is stored through it may
     * change that object (weakly), and nothing read through it is certain.
     */
    private Value mayBeAncestor(Region parent, String type, Value v) {
        java.util.TreeSet<Region> same = byType.get(type);
        if (same == null) return v;
        Region nearest = null;
        for (Region r : same) {
            if (parent.key.startsWith(r.key) && (parent.key.length() == r.key.length() || parent.key.charAt(r.key.length()) == LEVEL)
                    && (nearest == null || r.key.length() > nearest.key.length())) nearest = r;
        }
        return nearest == null ? v : new Value(Interval.ZERO, Map.of(nearest, Interval.ZERO), true, null);
    }

    /**
     * What a load of a number from a caller object gives: what the function stored or tested there itself
     * (a member of its own, exactly), else unknown, as it was when the object was no region at all. The
     * object's lifetime and the blocks its members point to are what the regions are for; the numbers it
     * held on entry, or that a store at an index nothing is known of may have put anywhere in it, obey
     * invariants of the caller's that the function does not show, and are no evidence.
     */
    static Value scalar(Lvalue lv, Value p, long size, Value v, State s) {
        if (lv.type() instanceof Type.Pointer || p.pts.isEmpty()) return v;
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
            if (!is(e.getKey())) continue;
            Interval off = e.getValue();
            Contents c = s.contents(e.getKey());
            boolean own = p.pts.size() == 1 && off.isSingleton() && c.cells.get(off.lo()) instanceof Contents.Cell cell && cell.size() == size
                    && !cell.value().unknown;
            return own ? v : Value.UNKNOWN;
        }
        return v;
    }

    private static Value maybeNull(Region r) { return Value.pointer(r, Interval.ZERO).withNum(Interval.ZERO); }

    private static Contents unknownContents() { return new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN); }

    private static String name(Type.Struct st) { return st.name() == null ? "" : st.name(); }

    private static int depth(Region r) {
        int d = 1;
        for (int i = 0; i < r.key.length(); i++) if (r.key.charAt(i) == LEVEL) d++;
        return d;
    }

    /** Is a structure of this type already a level of {@code r}'s chain? */
    private static boolean onChain(Region r, String type) {
        String k = r.key, t = TYPE + type;
        for (int i = k.indexOf(t); i >= 0; i = k.indexOf(t, i + 1)) {
            int end = i + t.length();
            if (end == k.length() || k.charAt(end) == LEVEL) return true;
        }
        return false;
    }

    /** At most this many members are given cells of their own by {@link #zeroedMembers}. */
    private static final int MAX_ZEROED_MEMBERS = 128;

    /**
     * After {@code memset(obj, 0, sizeof *obj)} of a structure inside storage whose other bytes the fill
     * does not cover (an object a caller passed, of a size the analysis does not know): each integer member
     * holds 0, exactly. The fill itself can only join 0 into what the storage's other bytes hold, so a
     * count the function then keeps in the object ({@code m->nparams++}) started from "anything" and
     * bounded nothing; a member array past its count was no evidence.
     */
    static void zeroedMembers(Value dst, Type type, Interval length, State s) {
        if (!(type instanceof Type.Struct st) || st.union() || st.size() <= 0 || dst.unknown || dst.pts.size() != 1
                || length.isBottom() || length.lo() < st.size()) return;
        Map.Entry<Region, Interval> at = dst.pts.entrySet().iterator().next();
        Region r = at.getKey();
        Long whole = r.size.constant();
        if (!at.getValue().isSingleton() || at.getValue().lo() < 0 || whole != null && at.getValue().lo() == 0 && whole <= length.lo()) return;
        java.util.List<long[]> cells = new java.util.ArrayList<>();
        if (!integerMembers(st, at.getValue().lo(), cells)) return;
        Contents c = s.contents(r);
        for (long[] cell : cells) c = c.store(Interval.of(cell[0]), cell[1], Value.ZERO, true);
        s.set(r, c);
    }

    /**
     * The place and size of each integer member of {@code t} at {@code base}; false past {@link
     * #MAX_ZEROED_MEMBERS}. (Not pointers: blocks the object comes to hold are named by the site that
     * allocated them, and two members filled by one allocating helper would read as one block.)
     */
    private static boolean integerMembers(Type t, long base, java.util.List<long[]> out) {
        switch (t) {
            case Type.Int i -> out.add(new long[] {base, i.size()});
            case Type.Struct st when !st.union() -> {
                for (Type.Field fl : st.fields()) if (!integerMembers(fl.type(), base + fl.offset(), out)) return false;
            }
            case Type.Array a when a.length() > 0 && a.element().size() > 0 -> {
                for (long k = 0; k < a.length(); k++) if (!integerMembers(a.element(), base + k * a.element().size(), out)) return false;
            }
            default -> { }
        }
        return out.size() <= MAX_ZEROED_MEMBERS;
    }
}
