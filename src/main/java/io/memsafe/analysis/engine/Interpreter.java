package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Transfer functions of the value analysis over the IR: a call to a function of the program is analysed
 * in the caller's context ({@link CalleeAnalyses}, up to a depth limit), a call to a modelled library
 * function applies its model, and any other call forgets what it could have written. Events go to the checkers only during the checking pass that follows the
 * fixpoint, so each finding is reported once, from a stable state.
 */
public final class Interpreter {
    static final int MAX_CALL_DEPTH = 6;

    final Program program;
    final List<Checker> checkers;
    final Budget budget;
    /** Where findings go; while a callee's reporting pass is kept for reuse, a collector of them. */
    Checker.Context reporter;
    /** While a reporting pass runs again with an input-decided test forced one way ({@link AttackerChoices}). */
    AttackerChoices.Forced forced;
    private final Map<Variable, Region> varRegions;
    final ModelInterpreter models = new ModelInterpreter(this);
    private final Map<Function, FunctionFixpoint.Shape> shapes;
    final Summaries summaries;
    final CallGraph callGraph;

    /**
     * What the interpreters of one scan's roots share: the regions of variables, the CFG shapes, which
     * regions are temporaries, the callee analyses done so far, the call graph, and the untrusted members
     * ({@link UntrustedMembers}; empty while they are being gathered).
     */
    record Shared(Map<Variable, Region> varRegions, Map<Function, FunctionFixpoint.Shape> shapes, Set<Region> temporaries,
                  Set<Region> pointers, Set<Region> parameters, Summaries summaries, CallGraph callGraph, Map<String, UntrustedMembers.Fact> memberFacts) { }

    /** The analysis context of one function activation. */
    public record Frame(Function fn, int depth, List<TraceStep> calls, Frame parent, boolean report) {
        boolean onStack(Function f) {
            for (Frame x = this; x != null; x = x.parent) if (x.fn == f) return true;
            return false;
        }
    }

    Interpreter(Program program, List<Checker> checkers, Budget budget, Checker.Context reporter, Shared shared) {
        this.program = program;
        this.checkers = checkers;
        this.budget = budget;
        this.reporter = reporter;
        this.varRegions = shared.varRegions();
        this.shapes = shared.shapes();
        this.temporaries = shared.temporaries();
        this.pointers = shared.pointers();
        this.parameters = shared.parameters();
        this.summaries = shared.summaries();
        this.callGraph = shared.callGraph();
        this.memberFacts = shared.memberFacts();
    }

    /** Untrusted values the scan's members are assigned ({@link UntrustedMembers}); empty while they are being gathered. */
    private final Map<String, UntrustedMembers.Fact> memberFacts;
    /** The untrusted values the analysis running now (the root's own, or a callee's in context) stores into members. */
    Map<String, UntrustedMembers.Fact> memberStores = UntrustedMembers.empty();

    // ------------------------------------------------------------------ regions

    /** The prefix of the region keys of a function's locals and parameters (its frame). */
    static String frameKeys(Function fn) { return "v:" + fn.unit + ":" + fn.name + ":"; }

    Region region(Variable v, Function fn) {
        Region known = varRegions.get(v);
        if (known != null) return known;
        return varRegions.computeIfAbsent(v, x -> {
            boolean global = x.isGlobalStorage();
            String key = global ? "g:" + x.declared.file() + ":" + x.name + "#" + x.id
                    : (fn == null ? "v::" : frameKeys(fn)) + x.name + "#" + x.id;
            long size = x.type.size();
            String desc = (x.kind == Variable.Kind.TEMP ? "temporary" : "'" + x.name + "'") + " (" + Type.show(x.type)
                    + (size >= 0 ? ", " + size + " bytes" : "") + ")";
            Region r = new Region(key, global ? Region.Kind.GLOBAL : Region.Kind.STACK,
                    size >= 0 ? Value.of(size) : Value.UNKNOWN, desc, x.declared, "declaration");
            if (x.kind == Variable.Kind.TEMP) temporaries.add(r);
            if (x.type instanceof Type.Pointer) pointers.add(r);
            if (x.kind == Variable.Kind.PARAM) parameters.add(r);
            return r;
        });
    }

    /**
     * Allocation sites (region keys) whose region stands for several blocks that may be live at
     * once: a site allocated again while its earlier block was not freed on every path. Grows
     * only; a release through such a region is never certain to release the block a pointer means.
     */
    final Set<String> severalLive = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The related places each element count was allocated with ({@code n:h:..} of {@code malloc(cap * k)} is
     * cap, in each frame the site ran in): where the block is not reachable, its count takes that relation
     * first ({@link JoinedRelations#align}). Only the place of the frame being analysed is in its relations, so
     * what other roots add (in any order) changes nothing there.
     */
    final Map<String, Set<String>> countDefinedBy = new java.util.concurrent.ConcurrentHashMap<>();

    /** Regions of the lowering's temporaries: each lives within one full expression only. */
    final Set<Region> temporaries;

    /** Regions of variables of pointer type (a correlation does not make one of them NULL by elimination). */
    final Set<Region> pointers;

    /** Regions of parameters: an unknown value there is whatever a caller passes. */
    final Set<Region> parameters;

    /** An entry point's input buffer and where its length parameter's value comes from (see {@link BlockCounts#inputLength}). */
    final Map<Region, io.memsafe.analysis.domain.Origin> inputLengths = new java.util.HashMap<>();

    private final LiteralRegions literals = new LiteralRegions();

    Region stringRegion(Expr.StringLit s) { return literals.of(s); }

    /**
     * Where pointers go that leave the analysis' sight: handed to a function nobody models, stored
     * through an unknown pointer. What it holds stays reachable for ever, so it is never a leak.
     */
    static final Region ESCAPED = new Region("g:<escaped>", Region.Kind.GLOBAL, Value.UNKNOWN, "memory outside the analysis", SourceLoc.NONE, "escape");

    /** Records that {@code v}, and every pointer stored in the blocks it designates, may be kept by unseen code. */
    static void escape(Value v, State s) { escape(v, true, s); }

    /**
     * Records that the pointers stored in the blocks {@code v} designates may be kept where the
     * analysis loses them (a byte copy, an imprecise aggregate copy); {@code v} itself stays local.
     */
    static void escapeContents(Value v, State s) { escape(v, false, s); }

    private static void escape(Value v, boolean itself, State s) {
        if (v.pts.isEmpty()) return;
        Value all = itself ? v : Value.BOTTOM;
        for (Region r : v.pts.keySet()) {
            Contents c = s.mem.get(r);
            if (c == null) continue;
            all = all.join(c.rest);
            for (Contents.Cell cell : c.cells.values()) all = all.join(cell.value());
        }
        if (all.pts.isEmpty()) return;
        Contents held = s.contents(ESCAPED);
        Value kept = new Value(Interval.BOTTOM, all.pts, false, null);
        if (kept.leq(held.rest)) return;
        s.set(ESCAPED, new Contents(new TreeMap<>(), held.rest.join(kept), Value.UNKNOWN));
    }

    /** The regions of {@code s} that are roots, and every region a pointer stored in a reached region designates. */
    /**
     * The regions a pointer held outside the heap can reach (those holders included), with the lowering's
     * temporaries and {@code excluded} left out as holders: what a program can still load a pointer to.
     */
    static Set<Region> reachableFromRoots(State s, Set<Region> temporaries, Set<Region> excluded) {
        return reachableFrom(s, x -> x.kind != Region.Kind.HEAP && !temporaries.contains(x) && !excluded.contains(x));
    }

    static Set<Region> reachableFrom(State s, java.util.function.Predicate<Region> root) {
        List<Region> work = new ArrayList<>();
        Set<Region> reached = new HashSet<>();
        for (Region r : s.mem.keySet()) if (root.test(r) && reached.add(r)) work.add(r);
        while (!work.isEmpty()) {
            Contents c = s.mem.get(work.remove(work.size() - 1));
            if (c == null) continue;
            for (Region t : c.pointees()) if (reached.add(t)) work.add(t);
        }
        return reached;
    }

    static Region functionRegion(String name) {
        return new Region("f:" + name, Region.Kind.GLOBAL, Value.of(1), "function " + name, SourceLoc.NONE, "function");
    }

    /**
     * Initial memory of a root. Globals are not copied into the state: their regions carry their
     * contents at program start ({@link Region#initial}), set once by {@link #initializeGlobals}.
     * A root other than main may run after other code changed a global, so the written globals it can
     * reach ({@code havocked}) start unknown there; main starts with every global at its initial value.
     */
    State initialState(Set<Variable> havocked) {
        State s = State.empty();
        for (Variable g : havocked) {
            if (g.defined && !g.isConst) s.set(region(g, null), Contents.uninitialized());
        }
        return s;
    }

    void initializeGlobals() {
        State scratch = State.empty();
        Frame init = new Frame(null, 0, List.of(), null, false);
        for (Variable g : program.globals) {
            Region r = region(g, null);
            if (!g.defined) { r.initial = Contents.uninitialized(); continue; }
            scratch.set(r, Contents.zeroed());
            List<Stmt> inits = program.globalInits.get(g);
            if (inits != null) for (Stmt st : inits) exec(st, scratch, init);
        }
        for (Variable g : program.globals) {
            Region r = region(g, null);
            if (g.defined) r.initial = scratch.contents(r);
        }
    }

    // ------------------------------------------------------------------ expressions

    Value eval(Expr e, State s, Frame f) {
        return switch (e) {
            case Expr.IntConst c -> Value.of(c.value());
            case Expr.FloatConst c -> Value.UNKNOWN;
            case Expr.StringLit sl -> {
                Region r = stringRegion(sl);
                yield Value.pointer(r, Interval.ZERO);
            }
            case Expr.Load l -> load(l.lv(), s, f);
            case Expr.AddressOf a -> address(a.lv(), s, f);
            case Expr.FunctionRef fr -> Value.pointer(functionRegion(fr.name()), Interval.ZERO);
            case Expr.Unary u -> ValueArithmetic.unary(u, eval(u.operand(), s, f));
            case Expr.Binary b -> {
                Value l = eval(b.left(), s, f);
                WrappedIndex.Exact leftBelow = belowZero;
                Value r = eval(b.right(), s, f);
                if ((b.op() == BinOp.ADD || b.op() == BinOp.SUB) && l.isPointer() != r.isPointer()) {
                    // a pointer plus an index that went below zero: the address wraps with it
                    if (l.isPointer()) r = WrappedIndex.asOffset(b.right(), r, belowZero);
                    else l = WrappedIndex.asOffset(b.left(), l, leftBelow);
                }
                Value v = ValueArithmetic.binary(b.op(), l, r, b.scale(), b.type());
                belowZero = WrappedIndex.exact(b, l, r);
                if (b.op() == BinOp.PTRDIFF) v = Relations.boundDifference(this, b, v, s, f);
                Value wire = WireFormat.assembled(b, v, at);
                if (wire != null) yield wire;
                if (b.op() == BinOp.SUB && v.taint != null && !l.isPointer() && !r.isPointer()
                        && Relations.nonNegativeDifference(this, b, s, f) instanceof Interval d) {
                    // checked first (if (tot < ihl) fail): no wrap, and no more than the operands allow
                    Interval n = v.num.meet(d);
                    yield n.isBottom() ? v : v.withNum(n);
                }
                yield SizeArithmetic.markWrap(b, l, r, v, at, max -> ProductGuards.checked(f.fn(), block, b, max));
            }
            case Expr.Cast c -> {
                Value exact = ValueArithmetic.backToSigned(c, this, s, f);
                if (exact != null) yield exact;
                Value operand = eval(c.operand(), s, f);
                if (c.type() instanceof Type.Pointer && !(c.operand().type() instanceof Type.Pointer) && operand.pts.isEmpty()
                        && DriverEntryPoints.userAddress(operand.taint)) yield DriverEntryPoints.userAddressRegion(operand.taint, s);
                yield SizeArithmetic.markTruncation(c, operand, ValueArithmetic.cast(operand, c.type(), c.operand().type()), at);
            }
            case Expr.Opaque o -> Value.UNKNOWN;
        };
    }

    // ------------------------------------------------------------------ memory

    /** The address an lvalue designates, as a pointer value. */
    Value address(Lvalue lv, State s, Frame f) {
        return switch (lv) {
            case Lvalue.Var v -> Value.pointer(region(v.var(), f.fn()), Interval.ZERO);
            case Lvalue.Deref d -> offset(eval(d.pointer(), s, f), Interval.of(d.byteOffset()));
            case Lvalue.Field fl -> offset(address(fl.base(), s, f), Interval.of(fl.offset()));
            case Lvalue.Index ix -> {
                Value base = address(ix.base(), s, f);
                belowZero = null;
                Value idx = WrappedIndex.asOffset(ix.index(), eval(ix.index(), s, f), belowZero);
                long scale = ix.type().size() > 0 ? ix.type().size() : 1;
                yield ValueArithmetic.binary(BinOp.ADD, base, idx, scale, base.num.isBottom() ? new Type.Pointer(ix.type()) : Type.LONG);
            }
        };
    }

    /** The last unsigned difference {@link #eval} computed that went below zero, before it wrapped ({@link WrappedIndex}). */
    private WrappedIndex.Exact belowZero;

    private static Value offset(Value p, Interval d) {
        if (d.isSingleton() && d.lo() == 0) return p;
        Map<Region, Interval> pts = new TreeMap<>();
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) pts.put(e.getKey(), e.getValue().add(d));
        return new Value(p.num, pts, p.unknown, p.taint, p.widened);
    }

    private static boolean direct(Lvalue lv) {
        return lv instanceof Lvalue.Var || (lv instanceof Lvalue.Field fl && direct(fl.base()));
    }

    /** The value being evaluated is only copied (the outermost load of {@code x = y}): its load is not a use. */
    private boolean copying;
    /** Set when that copied load read bytes nothing has written. */
    private boolean copiedIndeterminate;

    /**
     * A scalar local (or a member or element of a local) whose address the function never takes and
     * that is never assigned a copy of memory: it could have been declared {@code register}, so even
     * copying it while uninitialised
     * (never assigned) is undefined (C11 6.3.2.1p2), and a copy is reported as a read, as Clang's
     * core.uninitialized.Assign does. Copies of indeterminate memory ({@code data = *p}, a struct
     * field saved and restored) stay copies.
     */
    private boolean registerLike(Lvalue lv, Frame f) {
        if (!(lv.type() instanceof Type.Int || lv.type() instanceof Type.Pointer || lv.type() instanceof Type.Float) || f.fn() == null) return false;
        // a member or an element of such a local too (Clang reports any garbage assigned)
        Lvalue base = lv;
        while (base instanceof Lvalue.Field || base instanceof Lvalue.Index) base = base instanceof Lvalue.Field fl ? fl.base() : ((Lvalue.Index) base).base();
        return base instanceof Lvalue.Var v && v.var().kind == Variable.Kind.LOCAL && !shape(f.fn()).notRegisterLike().contains(v.var());
    }

    Value load(Lvalue lv, State s, Frame f) {
        boolean copy = copying;
        copying = false; // loads nested in the address (a pointer, an index) are uses
        long size = Math.max(1, lv.type().size());
        Value p = address(lv, s, f);
        checkAccess(lv, p, size, false, s, f);
        checkElementOfMember(lv, size, false, s, f);
        if (f.report()) {
            SourceLoc checkedAt = UserMemory.checkedBefore(p, size, lv.loc(), s);
            if (checkedAt != null) for (Checker c : checkers) c.onDoubleFetch(lv.loc(), p.pts.keySet().iterator().next(), checkedAt, withCalls(f));
        }
        if (f.report() && refetches && !assuming && UserFetches.refetched(this, p, size, s) instanceof long[] lines) {
            Region r = p.pts.keySet().iterator().next();
            SourceLoc here = lv.loc();
            for (Checker c : checkers) c.onRefetchedUse(here, UserFetches.spelled(lv), r, p.pts.get(r).lo(), new SourceLoc(here.file(), (int) lines[0], 0),
                    new SourceLoc(here.file(), (int) lines[1], 0), new SourceLoc(here.file(), (int) lines[2], 0), withCalls(f));
        }
        boolean charLike = lv.type() instanceof Type.Int ci && (ci.isChar() || ci.size() == 1);
        if (!(lv instanceof Lvalue.Var v && v.var().kind == Variable.Kind.TEMP)) {
            // a copy of bytes nothing wrote on any path is indeterminate in turn; one that may read
            // written bytes (the highest element of a loop's reads) is a read like any other
            if (copy && !registerLike(lv, f) && unwrittenRead(p, size, charLike, s, true) != null) copiedIndeterminate = true;
            else if (f.report()) uninitializedRead(lv, p, size, charLike, s, f);
            if (f.report() && !(copy && !registerLike(lv, f))
                    && (lv instanceof Lvalue.Var ? SomePaths.of(p, State.OnSome.UNWRITTEN, s) : namedMember(lv) ? SomePaths.unwrittenPart(p, size, s) : null) instanceof State.OnSomePaths w) {
                Region r = p.pts.keySet().iterator().next();
                SourceLoc met = w.joinedAt();
                String name = w.bytes() == null ? null : UserFetches.spelled(lv);
                String what = w.bytes() == null ? "a value" : "bytes " + p.pts.get(r).lo() + ".." + (p.pts.get(r).lo() + size - 1) + (name != null ? " ('" + name + "')" : "") + ", which";
                String part = what + " only some of the paths meeting " + (met.line() > 0 && met.line() != lv.loc().line() ? "at line " + met.line() : "before it")
                        + " write (the others leave it indeterminate, and no test since decides which way was taken)";
                for (Checker c : checkers) c.onUninitializedRead(lv.loc(), r, part, withCalls(f));
            }
        }
        Value v = ElementTests.bounded(lv, p, size, CallerObjects.scalar(lv, p, size, loadVia(p, size, s), s), block, f.fn() == null ? null : shape(f.fn()), s);
        if (!memberFacts.isEmpty() && UntrustedMembers.loadMember(this, memberFacts, lv, p, size, v, s, f) instanceof Value[] pv) {
            p = pv[0];
            v = pv[1];
        }
        if (lv.type() instanceof Type.Pointer) v = callerObjects.loaded(lv, p, v, s);
        if (lv.type() instanceof Type.Pointer) v = Relations.boundPointer(this, lv, UserMemory.loadedPointer(p, v, lv.loc(), s), s, f);
        if (lv.type() instanceof Type.Int i && (i.isChar() || i.size() == 1) && beforeTerminator(p, size, s)) {
            // every character before a string's first NUL is non-zero
            Interval nonZero = i.signed() ? Interval.of(1, Interval.ofType(i.size(), true).hi()) : Interval.of(1, Interval.ofType(i.size(), false).hi());
            if (v.unknown) v = new Value(nonZero, Map.of(), false, v.taint, v.widened);
            else if (!v.num.isBottom() && v.num.lo() == 0) v = v.withNum(Interval.of(1, Math.max(1, v.num.hi())));
        }
        lastLoad = p;
        return lv.type() instanceof Type.Int i && v.pts.isEmpty() ? ValueArithmetic.wrap(v, i) : v;
    }

    /** The input byte the assignment being executed copies, when a loop walks the input to find it ({@link CopyLoops}). */
    private io.memsafe.analysis.domain.Origin inputCopy;

    /** The address the last load read (the outermost load of an expression finishes last): see {@link CopyLoops}. */
    private Value lastLoad;

    private static boolean beforeTerminator(Value p, long size, State s) {
        if (!p.nullOrKnownRegions()) return false;
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
            Contents c = s.contents(e.getKey());
            Interval off = e.getValue();
            if (c.nul.unknown || c.nul.num.isBottom() || off.lo() < 0 || off.hi() == Interval.POS_INF || off.hi() + size > c.nul.num.lo()) return false;
        }
        return true;
    }

    Value loadVia(Value p, long size, State s) {
        Value out = Value.BOTTOM;
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
            Contents c = s.contents(e.getKey());
            Interval off = e.getValue();
            out = out.join(c.load(off, size));
            // a member of a structure of unknown layout that no store put at this very place: what an
            // initialiser or a write the front end placed elsewhere (an element of an array of such
            // structures, whose size is unknown too) left there is unknown, not the zero of static storage
            if (!off.isBottom() && Lvalue.touchesUnknownLayoutWindow(off.lo(), off.hi())
                    && !(off.isSingleton() && c.cells.get(off.lo()) instanceof Contents.Cell cell && cell.size() == size)) out = out.join(Value.UNKNOWN);
        }
        if (!p.num.isBottom() && !p.nullOrKnownRegions() || p.unknown) out = out.join(Value.UNKNOWN);
        return out;
    }

    void store(Lvalue lv, Value v, State s, Frame f) {
        long size = Math.max(1, lv.type().size());
        Value p = address(lv, s, f);
        if (!memberFacts.isEmpty()) p = UntrustedMembers.storeAddress(this, memberFacts, lv, p, s, f);
        p = CopyLoops.destination(p, inputCopy);
        inputCopy = null;
        checkAccess(lv, p, size, true, s, f);
        checkElementOfMember(lv, size, true, s, f);
        boolean charLike = lv.type() instanceof Type.Int i && (i.isChar() || i.size() == 1);
        if (p.pts.isEmpty() && p.unknown && lv instanceof Lvalue.Index ix) {
            // an element at an index nothing is known of: any element of the array may have changed
            Value base = address(ix.base(), s, f);
            Map<Region, Interval> anywhere = new TreeMap<>();
            for (Region r : base.pts.keySet()) anywhere.put(r, Interval.TOP);
            if (!anywhere.isEmpty()) p = new Value(Interval.BOTTOM, anywhere, true, p.taint, p.widened);
        }
        if (f.report() && v.taint != null && v.taint.wrap() != null && !v.taint.wrapShrinks() && outlives(p, f)
                && lv.type() instanceof Type.Int it && !it.signed() && it.size() >= 4) {
            String name = UserFetches.spelled(lv);
            for (Checker c : checkers) c.onWrappedLengthStored(lv.loc(), name != null ? "'" + name + "'" : "memory the function does not own", v, withCalls(f));
        }
        Region sole = Leaks.soleTarget(this, lv, p, size, v, s);
        storeVia(p, size, v, s, charLike);
        if (sole != null) Leaks.overwritten(this, sole, lv, at, s, f);
        if (v.taint != null && memberFacts.isEmpty() && lv.type() instanceof Type.Int it) UntrustedMembers.record(memberStores, UntrustedMembers.key(lv), v, it, lv.loc());
    }

    /**
     * Does every object {@code p} designates outlive every call in progress: an object a root function's
     * caller holds, a global, a heap block? Not a variable of any function analysed here (a caller's local
     * handed down as an out-parameter is read by that caller, whose own accesses the analysis checks).
     */
    private boolean outlives(Value p, Frame f) {
        if (p.pts.isEmpty() || p.unknown || f.fn() == null) return false;
        for (Region r : p.pts.keySet()) {
            if (temporaries.contains(r) || r.kind != Region.Kind.GLOBAL && r.kind != Region.Kind.HEAP && !CallerObjects.is(r)) return false;
        }
        return true;
    }

    void storeVia(Value p, long size, Value v, State s, boolean charLike) {
        UserFetches.stored(this, p, s);
        // a pointer stored where the analysis cannot follow it (through an unknown pointer) is kept by someone
        if (!v.pts.isEmpty() && (p.unknown || p.pts.isEmpty() || p.pts.keySet().stream().anyMatch(r -> r.kind == Region.Kind.UNKNOWN))) escape(v, s);
        boolean strong = p.pts.size() == 1 && p.nullOrKnownRegions();
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
            Region r = e.getKey();
            Interval off = e.getValue();
            if (r.kind == Region.Kind.STRING_LITERAL || r.key.startsWith("f:")) continue;
            Contents c = s.contents(r);
            Contents n = c.store(off, size, v, strong && off.isSingleton());
            if (charLike) n = n.withNul(Strings.afterStore(c.nul, off, size, v));
            else if (!c.nul.unknown || !c.nul.num.isBottom()) n = n.withNul(Strings.afterStore(c.nul, off, size, v.unknown ? Value.UNKNOWN : Value.of(Interval.TOP)));
            s.set(r, n);
        }
        if (strong) callerObjects.stored(p, size, v, s);
    }

    /**
     * The arguments of the library call being applied (in a reporting pass) that designate an array
     * member of a struct, by identity of their values, each with a pointer into the member as an
     * object of its own: a copy into {@code s->name} is bounded by {@code name}, not by the struct.
     */
    Map<Value, Value> memberArguments = Map.of();
    /** Set by {@link BlockCounts#elementInBlock}: the element it found past an input is at exactly its length (a write there). */
    boolean atInputLength;
    /** Set by the same: the access reads this many elements past an index the checks keep within the input's length (-1: not so). */
    long pastScan = -1;

    /** The pointer arguments of the library call being applied whose accesses the relations prove to end in bounds (by identity). */
    Map<Value, MemoryAccess.End> provenEnds = Map.of();
    /** For some of {@link #provenEnds}, what the relations that decided the end say, for the message (by identity). */
    final Map<Value, String> endDetails = new java.util.IdentityHashMap<>();
    /** The size, as written, of each block a sum sized, by the room variables of {@link SumCounts} ("'la' + 'lb' + 1"). */
    final Map<String, String> sumSizes = new HashMap<>();

    /** Where the relations put the end of the access of the library call running through {@code p}. */
    MemoryAccess.End provenEnd(Value p) { return provenEnds.getOrDefault(p, MemoryAccess.End.UNRELATED); }

    /** The places (variables, fields of one object) the relations have seen, by key. */
    final Map<String, Relations.Place> relatedPlaces = new HashMap<>();
    /** The objects whose string lengths the relations hold ({@link StringLengths}), by variable. */
    final Map<String, Region> measuredStrings = new HashMap<>();

    /** An element of an array that is a member of a struct (or a row of a larger array) stays inside that array. */
    private void checkElementOfMember(Lvalue lv, long size, boolean write, State s, Frame f) {
        if (!f.report()) return;
        // a member of an element (s->slots[i].flags) is checked as its element is, at the member's offset
        long inElement = 0;
        Lvalue element = lv;
        while (element instanceof Lvalue.Field fl) {
            inElement += fl.offset();
            element = fl.base();
        }
        if (!(element instanceof Lvalue.Index ix)) return;
        Value member = SubObjects.pointer(this, ix.base(), s, f);
        if (member == null) return;
        Value at = ValueArithmetic.binary(BinOp.ADD, member, eval(ix.index(), s, f), Math.max(1, ix.type().size()), Type.LONG);
        if (inElement != 0) at = ValueArithmetic.binary(BinOp.ADD, at, Value.of(inElement), 1, Type.LONG);
        MemoryAccess a = new MemoryAccess(lv.loc(), at, Value.of(size), write, null, describeIndex(element, s, f));
        for (Checker c : checkers) c.onAccess(a, withCalls(f));
    }

    private String describeIndex(Lvalue lv, State s, Frame f) {
        if (lv instanceof Lvalue.Index ix) {
            Value i = eval(ix.index(), s, f);
            return "index " + i.num + (i.taint != null ? " (from " + i.taint.what() + " at line " + i.taint.loc().line() + ")" : "");
        }
        return null;
    }

    // ------------------------------------------------------------------ events

    void checkAccess(SourceLoc loc, Value p, Value length, boolean write, String op, String detail, Frame f) {
        checkAccess(loc, p, length, write, op, detail, MemoryAccess.End.UNRELATED, null, f);
    }

    /** An access through an lvalue: an element of a heap block may be proven in bounds by the relations. */
    private void checkAccess(Lvalue lv, Value p, long size, boolean write, State s, Frame f) {
        if (direct(lv)) return;
        MemoryAccess.End end = f.report() ? BlockCounts.elementInBlock(this, lv, write, s, f) : MemoryAccess.End.UNRELATED;
        String detail = describeIndex(lv, s, f);
        if (end == MemoryAccess.End.MAY_REACH_COUNT || end == MemoryAccess.End.PAST_COUNT) {
            detail = (detail == null ? "" : detail + "; ") + (!BlockCounts.intoInput(p) ? "the index can equal the element count the block was allocated with"
                    : atInputLength ? "the checks let the index equal the buffer's length: no room is left for this element"
                    : pastScan > 0 ? "the checks keep the index within the input's length (a loop or a test stops it there), but this element is "
                            + pastScan + " past the index: beyond the input's last byte and the byte after it at the index's largest value"
                    : pastScan == 0 ? "the checks stop the pointer at the input's end (a loop or a test), and it moved further before this read: "
                            + "beyond the input's last byte and the byte after it"
                    : "the checks bound the index by the input's length, not by what is left of the input past the offset added to it");
        }
        if (end == MemoryAccess.End.PAST_COUNT) p = BlockCounts.elementAddress(this, lv, p, s, f);
        if (end == MemoryAccess.End.UNRELATED && !write && f.report() && ScanLoops.unbounded(this, lv, p, s, f) instanceof io.memsafe.analysis.domain.Origin scan) {
            end = MemoryAccess.End.UNCHECKED_AGAINST_COUNT;
            p = p.withTaint(scan);
        }
        TraceStep nullSet = f.report() && p.isDefinitelyNull() ? NullOrigins.of(lv, f.fn()) : null;
        if (f.report() && !s.partly.isEmpty() && !p.isDefinitelyNull()) nullOnSomePaths(lv, s, f);
        checkAccess(lv.loc(), p, Value.of(size), write, null, detail, end, nullSet, f);
        FreedPointers.dereferenced(this, lv, p, current, f);
    }

    /**
     * Is {@code lv} a member named in the source ({@code o.timeout}, {@code opts->timeout})? Not an
     * element at an index: a loop that fills an array may run zero times only where a relation the
     * intervals do not keep says it cannot.
     */
    private static boolean namedMember(Lvalue lv) {
        return lv instanceof Lvalue.Field || lv instanceof Lvalue.Deref && UserFetches.spelled(lv) != null;
    }

    /** A dereference through a local pointer that some of the paths meeting before it left NULL ({@link SomePaths}). */
    private void nullOnSomePaths(Lvalue lv, State s, Frame f) {
        if (!(lv instanceof Lvalue.Deref d) || !(Expr.basePointer(d.pointer()) instanceof Expr.Load l)
                || !(l.lv() instanceof Lvalue.Var v) || v.var().kind == Variable.Kind.TEMP) return;
        Value at = address(l.lv(), s, f);
        State.OnSomePaths w = SomePaths.of(at, State.OnSome.NULL, s);
        if (w == null) return;
        // past the dereference the path that held NULL has ended: one report
        SomePaths.forget(at, s);
        if (w.returned() instanceof State.NullReturn nr) {
            TraceStep step = new TraceStep(nr.at(), Function.called(nr.callee()) + " returns NULL here");
            for (Checker c : checkers) c.onDereferenceNullReturned(lv.loc(), v.var().name, nr.callee(), w.joinedAt(), step, withCalls(f));
            return;
        }
        // a NULL the function assigns, not one a test made (which an earlier test may rule out)
        Stmt.Assign set = f.fn() == null ? null : NullOrigins.nullAssigned(f.fn(), v.var(), lv.loc());
        if (set == null) return;
        TraceStep step = new TraceStep(set.loc(), "'" + v.var().name + "' is set to NULL here");
        for (Checker c : checkers) c.onDereferenceNullOnSomePaths(lv.loc(), v.var().name, w.joinedAt(), step, withCalls(f));
    }

    /** A pointer to a member of a structure of unknown layout, at the place the front end gave it: no bounds to check. */
    private static boolean unknownLayoutMember(Value p) {
        if (p.pts.isEmpty()) return false;
        for (Interval off : p.pts.values()) if (off.isBottom() || !Lvalue.inUnknownLayoutWindow(off.lo(), off.hi())) return false;
        return true;
    }

    void checkAccess(SourceLoc loc, Value p, Value length, boolean write, String op, String detail, MemoryAccess.End end,
                     TraceStep nullSet, Frame f) {
        State s = current;
        if (s != null) outsideTry(loc, p, op == null ? "dereference" : op, s, f);
        if (f.report()) {
            for (Checker c : checkers) c.onDereference(loc, p, op == null ? "dereference" : op, nullSet, withCalls(f));
            if (s != null) for (Checker c : checkers) c.onUse(loc, p, op == null ? "dereference" : op, true, s, withCalls(f));
            // past a use of a block freed on one of the paths that met, that path has ended: one report
            if (s != null && !s.partly.isEmpty()) SomePaths.forgetFreed(p, s);
            // the member array first: it is the first bound the access passes, and the one a report names;
            // the object around it is checked only when the member says nothing (its relations are the object's)
            Value member = memberArguments.get(p);
            boolean[] passed = {false};
            if (member != null) {
                MemoryAccess m = new MemoryAccess(loc, member, length, write, op, detail, provenEnds.get(p) == MemoryAccess.End.INSIDE ? MemoryAccess.End.INSIDE : MemoryAccess.End.UNRELATED);
                Checker.Context ctx = withCalls(f);
                for (Checker c : checkers) c.onAccess(m, (checker, at, message, trace) -> {
                    passed[0] = true;
                    ctx.report(checker, at, message, trace);
                });
            }
            MemoryAccess a = new MemoryAccess(loc, p, length, write, op, detail, provenEnds.getOrDefault(p, end), guaranteed(p, length, s));
            if (!passed[0] && !unknownLayoutMember(p)) for (Checker c : checkers) c.onAccess(a, withCalls(f));
        }
        // past an access at a fixed place of a request buffer, the buffer was that long: one report per field, not per read
        if (s != null && p.pts.size() == 1 && length.constant() instanceof Long n) BufferLengths.reached(p, n, s);
        // past a dereference the pointer was not NULL: the allocation result counts as checked
        if (s != null && !s.unchecked.isEmpty()) s.unchecked.keySet().removeAll(p.pts.keySet());
        if (s != null) Reallocation.dereferenced(p, s, this, loc, f);
    }

    /**
     * The bytes the checks on the path guarantee the one request buffer {@code p} designates has, for an
     * access whose offset or length the buffer's own bytes gave (a count or a length in its header); -1
     * for anything else (the request's lengths are the buffer's, as long as it is).
     */
    private static long guaranteed(Value p, Value length, State s) {
        if (s == null || p.pts.size() != 1) return -1;
        Region r = p.pts.keySet().iterator().next();
        io.memsafe.analysis.domain.Origin bytes = s.contents(r).rest.taint;
        // (or a field at a fixed place of a buffer retrieved with a minimum length, KMDF's: a minimum too
        // small for the structure the driver reads from it; a field of a structure, not a byte, which code
        // walking the buffer reads under a test of a length the relations may not tie to the buffer)
        boolean fixed = p.taint == null && length.taint == null && length.constant() instanceof Long n && n >= 2 && p.pts.get(r).isSingleton() && !r.size.unknown;
        if (bytes == null || !(fixed || fromBytes(p.taint, bytes) || fromBytes(length.taint, bytes))) return -1;
        // a block as long as the input says (memdup_user(buf, count)), read with a length or offset from its own
        // bytes: at least its least size, or what the relations guarantee
        if (!fixed && r.kind == Region.Kind.HEAP && !r.size.unknown && !r.size.num.isBottom() && !r.size.num.isSingleton()
                && r.size.num.hi() != Interval.POS_INF && r.size.taint != null && !r.size.taint.sameSource(bytes)) {
            return Math.max(Math.max(0, r.size.num.lo()), BufferLengths.guaranteedBytes(r, s));
        }
        // a request's buffer: of unknown size (the system buffer), or at least what was asked for (KMDF's)
        if (!DriverEntryPoints.REQUEST.equals(r.family) || !(r.size.unknown || r.size.num.hi() == Interval.POS_INF)) return -1;
        long least = r.size.unknown || r.size.num.isBottom() ? -1 : Math.max(0, r.size.num.lo());
        return Math.max(least, BufferLengths.guaranteedBytes(r, s));
    }

    /** Does a value with this taint come from these bytes, unchecked against their buffer's length? */
    private static boolean fromBytes(io.memsafe.analysis.domain.Origin taint, io.memsafe.analysis.domain.Origin bytes) {
        return taint != null && !taint.capped() && taint.sameSource(bytes);
    }

    /** A pointer handed to a function that reads memory through it, with no bounds to check (a string of unknown length). */
    void use(SourceLoc loc, Value p, String op, boolean dereferenced, Frame f) {
        State s = current;
        if (f.report() && s != null) for (Checker c : checkers) c.onUse(loc, p, op, dereferenced, s, withCalls(f));
        if (s != null && !s.partly.isEmpty()) SomePaths.forgetFreed(p, s);
        if (dereferenced && s != null && !s.unchecked.isEmpty()) s.unchecked.keySet().removeAll(p.pts.keySet());
        if (dereferenced && s != null) Reallocation.dereferenced(p, s, this, loc, f);
        if (dereferenced && s != null) outsideTry(loc, p, op, s, f);
    }

    /**
     * A probed user buffer touched where no {@code __try} catches a fault ({@link UserMemory#touchedOutsideTry}):
     * reported once per buffer and path (the first such access is where the fix goes).
     */
    void outsideTry(SourceLoc loc, Value p, String op, State s, Frame f) {
        for (Region r : UserMemory.touchedOutsideTry(p, loc, s, f)) {
            UserMemory.reportedOutsideTry(r, s);
            if (f.report()) for (Checker c : checkers) c.onUserAccessOutsideTry(loc, r, op, withCalls(f));
        }
    }

    /** The size of a new block, before it is allocated. */
    void allocationSize(SourceLoc loc, Value size, String allocator, Frame f) {
        if (f.report()) for (Checker c : checkers) c.onAllocationSize(loc, size, allocator, withCalls(f));
    }

    /** A heap block to which no pointer remains anywhere ({@code lostAt}: where the last one was overwritten). */
    void lostReference(SourceLoc lostAt, SourceLoc seenAt, Region block, Frame f) {
        if (!f.report() || !"malloc".equals(block.family)) return;
        for (Checker c : checkers) c.onLostReference(lostAt, seenAt, block, withCalls(f));
    }

    /** A load from automatic or heap storage that nothing has written on any path to here. */
    private void uninitializedRead(Lvalue lv, Value p, long size, boolean charLike, State s, Frame f) {
        String part = unwrittenRead(p, size, charLike, s, false);
        if (part == null) part = LoopReads.unwrittenInRange(this, lv, p, size, s, f);
        if (part == null) return;
        Region r = p.pts.keySet().iterator().next();
        for (Checker c : checkers) c.onUninitializedRead(lv.loc(), r, part.isEmpty() ? null : part, withCalls(f));
    }

    /** What a load reads that nothing has written ("" when nothing at all was written to the storage), or null. */
    private static String unwrittenRead(Value p, long size, boolean charLike, State s, boolean everyOffset) {
        if (!p.nullOrKnownRegions()) return null;
        String part = "";
        for (Map.Entry<Region, Interval> e : p.pts.entrySet()) {
            Region r = e.getKey();
            if (r.kind != Region.Kind.STACK && r.kind != Region.Kind.HEAP) return null;
            Contents c = s.mem.get(r);
            if (c == null) return null;
            // (at an offset the analysis knows nothing of: an element of a block that other paths or calls fill)
            if (c.neverWritten && e.getValue().isTop()) return null;
            if (c.neverWritten) continue;
            String u = Uninitialized.unwrittenPart(c, e.getValue(), size, charLike, p.widened, r.size, everyOffset);
            if (u == null) return null;
            part = u;
        }
        return part;
    }

    /**
     * {@code len} bytes at {@code src} leave the kernel for user space (copy_to_user, a request's
     * output buffer): the bytes nothing wrote on any path are disclosed (stack or pool contents of
     * earlier users). {@code layout}: the source's own type, which names the bytes, or null.
     */
    void copiedToUser(SourceLoc loc, Value src, Value len, io.memsafe.ir.Type layout, String op, State s, Frame f) {
        CopiedOut.Leak leak = f.report() ? CopiedOut.of(src, len, layout, s) : null;
        if (leak != null) for (Checker ch : checkers) ch.onUnwrittenCopiedOut(loc, leak.storage(), leak.part(), op, withCalls(f));
    }

    /** A printf-family format string made of untrusted input. */
    void formatFromInput(SourceLoc loc, Value format, String op, Origin taint, Frame f) {
        if (f.report()) for (Checker c : checkers) c.onFormatString(loc, format, op, taint, withCalls(f));
    }

    /** Tells the checkers about a release, then records it in the heap lifetime. */
    void free(SourceLoc loc, Value p, String deallocator, boolean certain, State s, Frame f) {
        if (f.report()) for (Checker c : checkers) c.onFree(loc, p, deallocator, s, withCalls(f));
        // free(NULL) releases nothing; a block is freed for sure when it is the only one p designates
        boolean must = certain && p.pts.size() == 1 && p.nullOrKnownRegions() && !severalLive.contains(p.pts.keySet().iterator().next().key);
        for (Region r : p.pts.keySet()) {
            if (r.kind != Region.Kind.HEAP && !CallerObjects.is(r) && !ModelInterpreter.closedStream(r, deallocator)) continue;
            Lifetime old = s.freed.get(r);
            s.freed.put(r, must ? new Lifetime(loc, true) : old != null ? old : new Lifetime(loc, false));
            s.unchecked.remove(r);
        }
    }

    /** A test whose sum an untrusted term can wrap ({@link WrappedTests}), at the statement being run. */
    void wrappedTest(WrappedTests.Wrap w, Frame f) {
        for (Checker c : checkers) c.onWrappedTest(at, WrappedTests.spelled(w.term()), w.origin(), w.type(), withCalls(f));
    }

    Checker.Context withCalls(Frame f) {
        if (f.calls().isEmpty()) return reporter;
        return (checker, loc, message, trace) -> {
            List<TraceStep> t = new ArrayList<>(f.calls());
            t.addAll(trace);
            reporter.report(checker, loc, message, t);
        };
    }

    // ------------------------------------------------------------------ statements

    /** Where the branch condition being assumed is (for the trace of what a test decided). */
    private SourceLoc testAt;

    /**
     * Set while a test of a call's result runs on one group of the callee's outcomes
     * ({@link ReturnCases#after}): the group decides it, so what the paths of that group left on some
     * of them ({@link State#partly}: a block the callee freed when it grew it) stays past it
     * ({@link SomePaths#metInCallees}).
     */
    boolean testDecidedByOutcome;

    /** Where the test being assumed is. */
    SourceLoc testAt() { return testAt; }

    /** The state the statement being executed works on (the checkers' view of the heap lifetime). */
    private State current;

    /** The block and the index in it of the statement being executed (by {@link FunctionFixpoint}), if any. */
    io.memsafe.ir.BasicBlock block;
    int index;

    /**
     * In a reporting pass, the state each block that enters a loop from outside leaves (they come
     * before the loop in the pass's order); else null. {@link LoopReads} reads a counter's first value there.
     */
    Map<io.memsafe.ir.BasicBlock, State> loopEntries;

    /** Where the statement being executed is. */
    private SourceLoc at = SourceLoc.NONE;

    /** Is the statement being executed a branch condition ({@link Stmt.Assume})? Its loads test values rather than use them. */
    private boolean assuming;

    /** Has a second copy from user memory brought in bytes whose first copy was tested ({@link UserFetches})? Until then nothing is looked up. */
    boolean refetches;

    /** The relations a callee left ({@link CalleeRelations#outOfCallee}), for the state after the call being executed. */
    private io.memsafe.analysis.domain.Octagon<String> calleeLeft;
    private State calleeLeftIn;

    void leftByCallee(State s, io.memsafe.analysis.domain.Octagon<String> rel) {
        calleeLeft = rel;
        calleeLeftIn = rel == null ? null : s;
    }

    void exec(Stmt st, State s, Frame f) {
        budget.step();
        inputCopy = null;
        State outer = current;
        SourceLoc outerAt = at;
        current = s;
        at = st.loc();
        try {
            // a call's result is a new value: its old relations go first, so that those the call sets
            // (LibraryRelations.returnedAtMost) are not taken for a change of it after the call
            if (st instanceof Stmt.Call c && c.result() instanceof Lvalue.Var r) Relations.overwritten(this, r, s, f);
            // a branch condition only narrows what variables hold, consistently with the relations
            Map<Region, Contents> before = st instanceof Stmt.Assume ? null : Relations.before(this, s);
            Map<Region, Contents> correlated = st instanceof Stmt.Assume ? null : Correlations.before(s);
            State.Cases cases = s.cases;
            s.cases = null;
            boolean outerAssuming = assuming;
            assuming = st instanceof Stmt.Assume;
            try {
                execIn(st, s, f);
            } finally {
                assuming = outerAssuming;
            }
            if (!s.bottom) Relations.forgetChanged(before, st instanceof Stmt.Assign a ? a.target() : null, this, s, f);
            if (!s.bottom && before != null) StringLengths.afterStatement(this, st, s, f);
            if (calleeLeft != null) {
                // after forgetting what the call changed: what the callee's relations say of it
                if (calleeLeftIn == s) CalleeRelations.add(s, calleeLeft);
                leftByCallee(null, null);
            }
            if (!s.bottom) Correlations.forgetChanged(correlated, s);
            if (!s.bottom && correlated != null && st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var to
                    && to.var().kind != Variable.Kind.TEMP && loaded(a.value()) instanceof Lvalue.Var from && from.var().kind == Variable.Kind.TEMP) {
                Correlations.copied(s, region(from.var(), f.fn()), region(to.var(), f.fn()));
            }
            if (!s.bottom && !s.partly.isEmpty() && st instanceof Stmt.Assign a && a.target() instanceof Lvalue.Var to
                    && to.var().kind != Variable.Kind.TEMP && loaded(a.value()) instanceof Lvalue.Var from && from.var().kind == Variable.Kind.TEMP) {
                ReturnedNull.copied(s, region(from.var(), f.fn()), region(to.var(), f.fn()));
            }
            if (cases != null && !s.bottom) ReturnCases.after(this, st, cases, s, f);
        } finally {
            current = outer;
            at = outerAt;
        }
    }

    /** The variable or memory an expression loads, through conversions; null for anything else. */
    private static Lvalue loaded(Expr e) {
        while (e instanceof Expr.Cast c) e = c.operand();
        return e instanceof Expr.Load l ? l.lv() : null;
    }

    private void execIn(Stmt st, State s, Frame f) {
        switch (st) {
            case Stmt.Declare d -> {
                Region r = region(d.var(), f.fn());
                s.set(r, Contents.unwritten(r.size));
            }
            case Stmt.Assign a -> {
                Relations.Assignment related = Relations.assigning(this, a.target(), a.value(), s, f);
                boolean scalarCopy = !(a.target().type() instanceof Type.Struct) && Uninitialized.isCopy(a.value());
                // a struct or union assigned whole copies its bytes, written or not (C11 6.2.6.1p6: its
                // value is never a trap representation); Aggregates.copy carries what is unwritten along
                boolean wholeCopy = a.target().type() instanceof Type.Struct && a.value() instanceof Expr.Load;
                copying = scalarCopy || wholeCopy;
                copiedIndeterminate = false;
                Value v;
                lastLoad = null;
                try {
                    v = eval(a.value(), s, f);
                } finally {
                    copying = false;
                }
                inputCopy = CopyLoops.inputByte(a, v, lastLoad);
                if (scalarCopy && copiedIndeterminate) {
                    // a copy of an indeterminate value is not a use: the copy is indeterminate in turn
                    copiedIndeterminate = false;
                    store(a.target(), v, s, f);
                    if (a.target() instanceof Lvalue.Var tv && tv.var().kind != Variable.Kind.TEMP) {
                        Region r = region(tv.var(), f.fn());
                        if (r.size.constant() != null && r.size.constant() == Math.max(1, tv.type().size())) s.set(r, Contents.unwritten(r.size));
                    }
                } else if (a.target().type() instanceof Type.Struct st2 && a.value() instanceof Expr.Load src) {
                    long size = Math.max(1, st2.size());
                    if (!direct(src.lv())) checkAccess(src.lv(), address(src.lv(), s, f), size, false, s, f);
                    if (!direct(a.target())) checkAccess(a.target(), address(a.target(), s, f), size, true, s, f);
                    Aggregates.copy(this, a.target(), src.lv(), s, f);
                } else {
                    store(a.target(), v, s, f);
                }
                if (!s.bottom) Relations.assigned(this, related, v, s);
            }
            case Stmt.InitAggregate ia -> Aggregates.initialize(this, ia, s, f);
            case Stmt.Assume as -> {
                if (forced != null && Boolean.valueOf(!as.truth()).equals(forced.truthOf(f.fn(), as.cond()))) {
                    s.bottom = true;
                    return;
                }
                testAt = as.loc();
                Conditions.assume(this, as.cond(), as.truth(), s, f);
            }
            case Stmt.Return r -> {
                if (r.value() != null && f.fn() != null) {
                    Value v = eval(r.value(), s, f);
                    // only a function declared to return a pointer (or a reference) returns the address itself;
                    // one returning an object (a class, a type from a header not found) converts it
                    if (f.report() && v.isPointer() && f.fn().type != null && f.fn().type.returnType() instanceof Type.Pointer
                            && r.value().type() instanceof Type.Pointer) returned(r.loc(), v, s, f);
                    Region rr = returnRegion(f.fn());
                    // a structure returned by value: its bytes, pointers and all, are what the caller gets
                    Contents whole = !f.fn().cplusplus && r.value() instanceof Expr.Load l && l.lv().type() instanceof Type.Struct ? Aggregates.whole(this, l.lv(), s, f) : null;
                    s.set(rr, whole != null ? whole : Contents.uninitialized().store(Interval.ZERO, 8, v, true));
                }
            }
            case Stmt.Call c -> call(c, s, f);
            case Stmt.Allocate al -> {
                Value size = eval(al.size(), s, f);
                Value p = models.allocate(al.loc(), size, al.family(), false, false, false, s, f);
                if (al.result() != null) store(al.result(), p, s, f);
            }
            case Stmt.Free fr -> models.deallocate(fr.loc(), eval(fr.pointer(), s, f), "new[]".equals(fr.family()) ? "delete[]" : "delete", s, f);
        }
    }

    /** Tells the checkers what a function returns, with the regions of its frame that the value designates. */
    private void returned(SourceLoc loc, Value v, State s, Frame f) {
        String frame = frameKeys(f.fn());
        Set<Region> own = new java.util.TreeSet<>();
        for (Region r : v.pts.keySet()) if (r.kind == Region.Kind.STACK && r.key.startsWith(frame) && !temporaries.contains(r)) own.add(r);
        if (own.isEmpty()) return;
        for (Checker c : checkers) c.onReturn(loc, v, Function.called(f.fn().name), own, withCalls(f));
    }

    static Region returnRegion(Function fn) {
        return new Region("r:" + fn.unit + ":" + fn.name, Region.Kind.STACK, Value.of(8), "return value of " + fn.name, fn.loc, "return");
    }

    // ------------------------------------------------------------------ calls

    private void call(Stmt.Call c, State s, Frame f) { Calls.call(this, c, s, f); }

    /**
     * The structures a call passes by value, by argument position: their bytes, pointers and all, are the
     * callee's parameters ({@link CalleeAnalyses}); code the analysis does not follow may keep or release
     * what they point to ({@link #escapeStructArguments}).
     */
    Map<Integer, Contents> structArguments(Stmt.Call c, State s, Frame f) {
        if (f.fn() == null || f.fn().cplusplus) return Map.of();
        Map<Integer, Contents> out = null;
        for (int i = 0; i < c.args().size(); i++) {
            if (!(c.args().get(i) instanceof Expr.Load l) || !(l.lv().type() instanceof Type.Struct)) continue;
            Contents held = Aggregates.whole(this, l.lv(), s, f);
            if (held == null) continue;
            if (out == null) out = new HashMap<>();
            out.put(i, held);
        }
        return out == null ? Map.of() : out;
    }

    /** A call the analysis does not follow: what the structures it passes by value point to escapes. */
    void escapeStructArguments(Stmt.Call c, State s, Frame f) {
        for (Contents held : structArguments(c, s, f).values()) escapeHeld(held, s);
    }

    /**
     * The bytes of the structure the last call of a function of the program returned by value (its
     * return region's contents, see {@link CalleeAnalyses}), or null.
     */
    Contents structReturned;

    /** The pointers {@code c} holds are kept somewhere the analysis does not follow. */
    static void escapeHeld(Contents c, State s) {
        if (c.pointees().isEmpty()) return;
        Map<Region, Interval> pts = new TreeMap<>();
        for (Region r : c.pointees()) pts.put(r, Interval.ZERO);
        escape(new Value(Interval.BOTTOM, pts, false, null), true, s);
    }

    void storeResult(Stmt.Call c, Value result, State s, Frame f) {
        if (c.result() != null && !s.bottom) {
            Type rt = c.result().type();
            if (rt instanceof Type.Int i && result.pts.isEmpty()) result = ValueArithmetic.wrap(result, i);
            store(c.result(), result, s, f);
        }
    }

    /**
     * A call nobody models: whatever its pointer arguments reach may have been written, and may have
     * been kept (ownership passed on). Pointer-to-const arguments are not among them: a callee that
     * promises not to write through a pointer does not free it either (Clang's MallocChecker reads
     * prototypes the same way).
     */
    Value unknownCall(List<Value> args, State s) {
        for (Value a : args) escape(a, s);
        List<Region> from = new ArrayList<>();
        for (Value a : args) from.addAll(a.pts.keySet());
        invalidate(from, s);
        return Value.UNKNOWN;
    }

    /**
     * A call of a function of the program that the analysis does not follow (recursion, the depth
     * limit, no room left, a root analysed on its own): an unknown call, and the globals it or its
     * callees may write are unknown afterwards too. Left as they were, a global the callee sets
     * (`headers = malloc(..)` after the caller's `headers = NULL`) would read as NULL on every path.
     */
    Value notFollowed(Function callee, List<Value> args, Map<Integer, Contents> structs, State s) {
        for (Contents held : structs.values()) escapeHeld(held, s);
        Value result = unknownCall(args, s);
        List<Region> globals = new ArrayList<>();
        for (Variable g : callGraph.writtenBelow(callee)) if (!g.isConst) globals.add(region(g, null));
        invalidate(globals, s);
        return result;
    }

    /**
     * What {@code from} designates, and what pointers stored there point to, becomes unknown: a callee
     * writes through {@code out->buf} as well as into {@code *out} (Clang's analyzer invalidates the
     * same cluster). Heap blocks reached stay reachable: the callee may keep them.
     */
    private void invalidate(List<Region> from, State s) {
        List<Region> work = new ArrayList<>();
        Set<Region> reached = new HashSet<>();
        for (Region r : from) if (reached.add(r)) work.add(r);
        while (!work.isEmpty()) {
            Region r = work.remove(work.size() - 1);
            if (r.kind == Region.Kind.STRING_LITERAL || r.key.startsWith("f:") || r.equals(ESCAPED)) continue;
            Contents c = s.contents(r);
            for (Region t : c.pointees()) if (reached.add(t)) work.add(t);
            s.set(r, new Contents(new TreeMap<>(), c.rest.join(Value.UNKNOWN), Value.UNKNOWN));
        }
        // what the havoc above drops (a block held two levels down) stays reachable: the callee may keep it
        Value held = Value.BOTTOM;
        for (Region r : reached) if (r.kind == Region.Kind.HEAP) held = held.join(Value.pointer(r, Interval.ZERO));
        escape(held, s);
    }

    /** The objects this root's callers hand it, made as the analysis reads them. */
    final CallerObjects callerObjects = new CallerObjects();

    /** The analyses of callees in their callers' contexts, shared by every root through {@link Summaries}. */
    final CalleeAnalyses callees = new CalleeAnalyses(this);

    void followCalls(boolean follow) { callees.followCalls(follow); }

    /** Callee analyses the root has used (its call tree, as analysed in context). */
    int calleeAnalysesUsed() { return callees.used(); }

    /** The functions the root analysed in its calling context. */
    Set<Function> analysedInContext() { return callees.analysedInContext(); }

    /** The untrusted values this root's analysis stored into members: its own stores and those of every callee analysis it used. */
    Map<String, UntrustedMembers.Fact> memberStoresOfRoot() {
        Map<String, UntrustedMembers.Fact> out = UntrustedMembers.empty();
        UntrustedMembers.mergeInto(out, memberStores);
        for (Map<String, UntrustedMembers.Fact> m : callees.memberStoresUsed()) UntrustedMembers.mergeInto(out, m);
        return out;
    }

    /** The name of the variable whose storage {@code r} is, or null (a temporary, a block, a member region). */
    String variableOf(Region r) {
        if (r.kind != Region.Kind.STACK && r.kind != Region.Kind.GLOBAL) return null;
        for (Map.Entry<Variable, Region> e : varRegions.entrySet()) {
            if (e.getValue().equals(r)) return e.getKey().kind == Variable.Kind.TEMP ? null : e.getKey().name;
        }
        return null;
    }

    FunctionFixpoint.Shape shape(Function fn) {
        FunctionFixpoint.Shape known = shapes.get(fn);
        return known != null ? known : shapes.computeIfAbsent(fn, FunctionFixpoint.Shape::of);
    }

    /** Runs {@code fn} from {@code entry}; returns its exit state. */
    State analyse(Function fn, State entry, Frame frame) {
        return new FunctionFixpoint(this, fn, shape(fn)).run(entry, frame);
    }

}

