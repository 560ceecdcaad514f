package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import io.memsafe.models.Effect;
import io.memsafe.models.FunctionModel;
import io.memsafe.models.LibraryModels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Analyses a whole program: every function that no other function calls is a root, analysed with
 * unknown arguments (main gets its arguments as untrusted input); callees are analysed in their
 * callers' contexts. Functions only reachable beyond the call-depth limit or through recursion are
 * analysed as roots afterwards. Each root has its own {@link Budget}.
 */
public final class ProgramAnalyzer {
    /** {@code entryGlobs}: names of the functions the user declares entry points ({@link AttackSurface}). */
    public record Options(long maxStepsPerRoot, long millisPerRoot, int jobs, List<String> entryGlobs) {
        public Options(long maxStepsPerRoot, long millisPerRoot, int jobs) { this(maxStepsPerRoot, millisPerRoot, jobs, List.of()); }

        public static Options defaults(int jobs) { return new Options(Budget.DEFAULT_STEPS, Budget.DEFAULT_MILLIS, jobs); }
    }

    public record Result(List<Finding> findings, List<Diagnostic> diagnostics, int roots) { }

    /** MEMSAFE_TRACE_ROOTS=1: one line per root on stderr (time, steps, callees analysed), to find where a scan spends its time. */
    private static final boolean TRACE = System.getenv("MEMSAFE_TRACE_ROOTS") != null;

    private final Program program;
    private final List<Checker> checkers;
    private final Options options;
    private final AttackSurface surface;
    /** Global pointers only ever set to blocks of one size ({@link GlobalTables}), found before the roots. */
    private GlobalTables tables;
    /** Functions whose address is taken and that no call names: callbacks, reached through pointers only. */
    private Set<Function> callbacks = Set.of();
    /** Results of roots from an earlier scan, or null. */
    private RootCache cache;

    public ProgramAnalyzer(Program program, List<Checker> checkers, Options options) {
        this.program = program;
        this.checkers = checkers;
        this.options = options;
        this.surface = new AttackSurface(options.entryGlobs());
    }

    /** Takes unchanged roots' results from {@code c} instead of analysing them, and keeps the new ones there. */
    public ProgramAnalyzer cache(RootCache c) {
        this.cache = c;
        return this;
    }

    public Result run(IntConsumer progress) {
        Set<Function> direct = new HashSet<>(), referenced = new HashSet<>(), inTables = new HashSet<>();
        calledFunctions(direct, referenced, inTables);
        Set<Function> called = new HashSet<>(direct);
        called.addAll(referenced);
        Set<Function> cb = new HashSet<>(referenced);
        cb.addAll(inTables);
        cb.removeAll(direct);
        callbacks = cb;
        Set<Variable> written = writtenGlobals();
        tables = GlobalTables.of(program);
        List<Function> roots = new ArrayList<>();
        // an entry point the user names is analysed as the attacker calls it, whoever else calls it too;
        // so is an externally visible function that takes a buffer and its length (AttackSurface): the
        // library's own calls of it are not the only ones
        for (Function f : program.functions) {
            if (!called.contains(f) || surface.named(f) || !f.isStatic && !surface.untrustedParameters(f, false).isEmpty()) roots.add(f);
        }
        Scope scope = new Scope(written);
        Interpreter.Shared shared = new Interpreter.Shared(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), new Summaries(), scope, Map.of());
        Set<Function> covered = ConcurrentHashMap.newKeySet();
        Map<Function, List<Finding>> byRoot = new ConcurrentHashMap<>();
        Map<Function, List<Diagnostic>> notesByRoot = new ConcurrentHashMap<>();
        Map<Function, Map<String, UntrustedMembers.Fact>> membersByRoot = new ConcurrentHashMap<>();
        List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        new Interpreter(program, checkers, new Budget(Long.MAX_VALUE, Long.MAX_VALUE / 4_000_000, Long.MAX_VALUE), null, shared)
                .initializeGlobals();
        if (cache != null) cache.inputsOf(f -> inputs(f, scope));
        runRoots(roots, scope, shared, covered, new Results(byRoot, notesByRoot, membersByRoot, diags), done, progress, true);
        // second wave: functions no root reached in context (recursion, depth limit, unreachable)
        List<Function> rest = new ArrayList<>();
        Set<Function> rootSet = new HashSet<>(roots);
        for (Function f : program.functions) if (!covered.contains(f) && !rootSet.contains(f)) rest.add(f);
        runRoots(rest, scope, shared, covered, new Results(byRoot, notesByRoot, membersByRoot, diags), done, progress, true);
        // members some analysis assigned untrusted values: the roots that read them are analysed again, knowing
        Map<String, UntrustedMembers.Fact> members = new TreeMap<>();
        for (Map<String, UntrustedMembers.Fact> m : membersByRoot.values()) UntrustedMembers.mergeInto(members, m);
        for (Map<String, UntrustedMembers.Fact> m : shared.summaries().allMemberStores()) UntrustedMembers.mergeInto(members, m);
        if (System.getenv("MEMSAFE_DEBUG_MEMBERS") != null) members.forEach((k, v) -> System.err.println("memsafe-member " + k + " " + v));
        if (!members.isEmpty()) {
            List<Function> again = new ArrayList<>();
            Map<Function, Set<String>> readers = memberReaders(program, members.keySet());
            for (List<Function> wave : List.of(roots, rest)) {
                for (Function f : wave) if (readsAny(f, scope, readers)) again.add(f);
            }
            // a result of the waves before holds where none of the functions its analyses ran loads or stores these members
            Set<Function> touching = memberAccesses(program, members.keySet()).keySet();
            Summaries results = new Summaries(shared.summaries(), fs -> java.util.Collections.disjoint(fs, touching));
            Interpreter.Shared knowing = new Interpreter.Shared(shared.varRegions(), shared.shapes(), shared.temporaries(), shared.pointers(),
                    shared.parameters(), results, scope, java.util.Collections.unmodifiableMap(members));
            runRoots(again, scope, knowing, ConcurrentHashMap.newKeySet(), new Results(byRoot, notesByRoot, null, diags), done, null, false);
        }
        for (List<Diagnostic> l : notesByRoot.values()) diags.addAll(l);
        List<Finding> all = new ArrayList<>();
        for (List<Finding> l : byRoot.values()) all.addAll(l);
        Collections.sort(all);
        // the same defect seen from several roots or contexts: keep one report per rule and place
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding fd : all) unique.putIfAbsent(defect(fd), fd);
        List<Diagnostic> d = new ArrayList<>(diags);
        Collections.sort(d);
        return new Result(new ArrayList<>(unique.values()), d, roots.size() + rest.size());
    }

    /** What makes two findings the same defect: their rule and place, or for a once-per-object rule, the object (its declaration step). */
    private static String defect(Finding fd) {
        if (fd.rule().oncePerObject()) {
            // the object's step follows the calls that lead into the function holding it
            for (TraceStep step : fd.trace()) {
                if (step.message().startsWith("call to ")) continue;
                if (step.loc().line() > 0) return fd.rule().id() + "@" + step.loc() + ":" + step.message();
                break;
            }
        }
        return fd.rule().id() + "@" + fd.loc();
    }

    /** Where the roots' results go: findings and notes by root, the member stores of each ({@code null}: not gathered), failures. */
    private record Results(Map<Function, List<Finding>> byRoot, Map<Function, List<Diagnostic>> notes,
                           Map<Function, Map<String, UntrustedMembers.Fact>> members, List<Diagnostic> failures) { }

    private void runRoots(List<Function> roots, Scope scope, Interpreter.Shared shared, Set<Function> covered,
                          Results results, AtomicInteger done, IntConsumer progress, boolean useCache) {
        Map<Function, List<Finding>> byRoot = results.byRoot();
        RootCache cache = useCache ? this.cache : null;
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, options.jobs()));
        try {
            pool.submit(() -> roots.parallelStream().forEach(root -> {
                RootCache.Inputs inputs = cache == null ? null : inputs(root, scope);
                RootCache.Kept kept = inputs == null ? null : cache.find(inputs);
                if (kept != null) {
                    byRoot.put(root, kept.findings());
                    results.notes().put(root, kept.diagnostics());
                    if (results.members() != null) results.members().put(root, kept.members());
                    covered.add(root);
                    covered.addAll(kept.covered());
                    if (progress != null) progress.accept(done.incrementAndGet());
                    return;
                }
                List<Diagnostic> notes = new ArrayList<>();
                List<Finding> found = new ArrayList<>();
                Checker.Context ctx = (checker, loc, message, trace) -> found.add(Finding.at(checker.rule(), loc, message, trace));
                Interpreter in = new Interpreter(program, checkers, new Budget(options.maxStepsPerRoot(), options.millisPerRoot(), 20_000),
                        ctx, shared);
                long started = System.nanoTime();
                String stopped = analyseRoot(in, root, scope);
                String again = null;
                Map<String, UntrustedMembers.Fact> stores = in.memberStoresOfRoot();
                long firstSteps = in.budget.steps();
                // whose code the result depends on: the root, and what either attempt analysed in context
                Set<Function> read = cache == null ? null : new HashSet<>(in.analysedInContext());
                if (stopped != null) {
                    // sound fallback: the root on its own, its calls havocked; its callees become roots of their own
                    found.clear();
                    in = new Interpreter(program, checkers, new Budget(options.maxStepsPerRoot(), options.millisPerRoot(), 20_000),
                            ctx, shared);
                    in.followCalls(false);
                    again = analyseRoot(in, root, scope);
                    UntrustedMembers.mergeInto(stores, in.memberStoresOfRoot());
                    notes.add(new Diagnostic(root.loc, Diagnostic.Level.NOTE, "analysis of " + root.name + "() in calling context stopped: "
                            + stopped + (again == null ? "; analysed again on its own, without following its calls"
                            : "; on its own too (" + again + "): findings in it may be missing")));
                    if (again != null) found.clear();
                }
                if (TRACE) System.err.printf("memsafe-trace: %s %s %d ms %d steps %d callee analyses%s (scan: %d run, %d reused)%n", root.loc.file(), root.name,
                        (System.nanoTime() - started) / 1_000_000, firstSteps, in.calleeAnalysesUsed(), stopped == null ? "" : " STOPPED " + stopped,
                        shared.summaries().ran.get(), shared.summaries().reused.get());
                byRoot.put(root, found);
                results.notes().put(root, notes);
                if (results.members() != null) results.members().put(root, stores);
                covered.add(root);
                covered.addAll(in.analysedInContext());
                if (cache != null && reproducible(stopped) && reproducible(again)) {
                    read.addAll(in.analysedInContext());
                    read.add(root);
                    cache.keep(inputs, new RootCache.Kept(List.copyOf(found), List.copyOf(notes), Set.copyOf(in.analysedInContext()), Set.copyOf(read),
                            UntrustedMembers.sorted(stores)));
                }
                if (progress != null) progress.accept(done.incrementAndGet());
            })).get();
        } catch (Exception e) {
            results.failures().add(new Diagnostic(io.memsafe.ir.SourceLoc.NONE, Diagnostic.Level.ERROR, "analysis failed: " + e));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A root that ran to the end, or was stopped by a count (steps, regions), gives the same result on
     * any machine; one stopped by the wall clock or by a failure may not, and is not kept in a cache.
     */
    private static boolean reproducible(String stopped) {
        return stopped == null || stopped.startsWith("more than ");
    }

    /** For each function, the members of {@code keys} it loads ({@link UntrustedMembers#key}) other than in {@link #inertLoads}. */
    static Map<Function, Set<String>> memberReaders(Program program, Set<String> keys) {
        Map<Function, Set<String>> out = new HashMap<>();
        for (Function f : program.functions) {
            Set<String> read = new HashSet<>();
            for (BasicBlock b : f.blocks) for (Stmt st : b.stmts) {
                Set<Expr> inert = inertLoads(st);
                forEachExpr(st, e -> {
                    if (e instanceof Expr.Load l && !inert.contains(l) && UntrustedMembers.key(l.lv()) instanceof String k && keys.contains(k)) read.add(k);
                });
            }
            if (!read.isEmpty()) out.put(f, read);
        }
        return out;
    }

    /**
     * For each function, the members of {@code keys} it loads or stores into by name: where knowing
     * those members untrusted can change what its analysis computes ({@link UntrustedMembers}).
     */
    static Map<Function, Set<String>> memberAccesses(Program program, Set<String> keys) {
        Map<Function, Set<String>> out = new HashMap<>();
        for (Function f : program.functions) {
            Set<String> seen = new HashSet<>();
            for (BasicBlock b : f.blocks) for (Stmt st : b.stmts) {
                forEachExpr(st, e -> {
                    if (e instanceof Expr.Load l && UntrustedMembers.key(l.lv()) instanceof String k && keys.contains(k)) seen.add(k);
                });
                Lvalue target = switch (st) {
                    case Stmt.Assign a -> a.target();
                    case Stmt.Call c -> c.result();
                    case Stmt.Allocate al -> al.result();
                    case Stmt.InitAggregate ia -> ia.target();
                    default -> null;
                };
                if (target != null && UntrustedMembers.key(target) instanceof String k && keys.contains(k)) seen.add(k);
            }
            if (!seen.isEmpty()) out.put(f, seen);
        }
        return out;
    }

    /**
     * The loads of a statement whose value can bound no access: an operand of an equality test (a hash
     * or an identifier compared with another) and an integer printed to a stream. An untrusted member
     * read only so is no reason to analyse the reader again.
     */
    private static Set<Expr> inertLoads(Stmt st) {
        Set<Expr> out = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (st instanceof Stmt.Call c && LibraryModels.get(c.callee()) instanceof FunctionModel m && printsOnly(m)) {
            int fmt = -1;
            for (Effect e : m.effects()) if (e instanceof Effect.FormatArg fa) fmt = fa.arg();
            for (int i = fmt + 1; fmt >= 0 && i < c.args().size(); i++) {
                if (stripCasts(c.args().get(i)) instanceof Expr.Load l && l.type() instanceof Type.Int) out.add(l);
            }
        }
        forEachExpr(st, e -> {
            if (e instanceof Expr.Binary b && (b.op() == Expr.BinOp.EQ || b.op() == Expr.BinOp.NE)) {
                if (stripCasts(b.left()) instanceof Expr.Load l && l.type() instanceof Type.Int) out.add(l);
                if (stripCasts(b.right()) instanceof Expr.Load l && l.type() instanceof Type.Int) out.add(l);
            }
        });
        return out;
    }

    /** A printf to a stream: it reads its format and strings, and writes no memory of the program's. */
    private static boolean printsOnly(FunctionModel m) {
        boolean prints = false;
        for (Effect e : m.effects()) {
            if (e instanceof Effect.FormatArg) prints = true;
            else if (e instanceof Effect.Format) return false;
        }
        return prints;
    }

    private static Expr stripCasts(Expr e) {
        while (e instanceof Expr.Cast c) e = c.operand();
        return e;
    }

    /** Does {@code root}, or a function it may reach, load one of those members? */
    private static boolean readsAny(Function root, Scope scope, Map<Function, Set<String>> readers) {
        if (readers.containsKey(root)) return true;
        for (Function f : scope.reach(root).functions()) if (readers.containsKey(f)) return true;
        return false;
    }

    /** What the analysis of {@code root} reads of the program ({@link RootCache.Inputs}). */
    private RootCache.Inputs inputs(Function root, Scope scope) {
        Scope.Reach r = scope.reach(root);
        Set<Function> fs = new HashSet<>(r.functions());
        fs.add(root);
        Set<Function> taken = new HashSet<>(fs);
        taken.retainAll(scope.addressTaken);
        Set<Variable> written = new HashSet<>(r.globals());
        written.retainAll(scope.written);
        Map<Function, RootCache.Shape> shapes = new HashMap<>();
        for (Function f : fs) {
            shapes.put(f, new RootCache.Shape(scope.refsOf.getOrDefault(f, Set.of()), scope.globalsOf.getOrDefault(f, Set.of()), scope.indirect.contains(f)));
        }
        return new RootCache.Inputs(root, callbacks.contains(root), fs, taken, Set.copyOf(r.globals()), written, shapes,
                tables.describe(root, scope.of(root)));
    }

    /** Analyses one root; returns null when done, or why it stopped. */
    private String analyseRoot(Interpreter in, Function root, Scope scope) {
        try {
            in.callees.root(root);
            boolean isMain = root.name.equals("main");
            State s = in.initialState(isMain ? Set.of() : scope.of(root));
            bindRootParameters(in, root, s, isMain);
            if (!isMain) tables.bind(in, root, scope.of(root), s);
            Map<Integer, String> untrusted = surface.untrustedParameters(root, callbacks.contains(root));
            if (!untrusted.isEmpty()) surface.bind(in, root, untrusted, s);
            in.analyse(root, s, new Interpreter.Frame(root, 0, List.of(), null, true));
            return null;
        } catch (Budget.Exhausted e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            if (System.getenv("MEMSAFE_DEBUG_FAILURES") != null) e.printStackTrace();
            return "failed: " + e;
        }
    }

    /** main's argc and argv come from outside; any other root's parameters are unconstrained. */
    private static void bindRootParameters(Interpreter in, Function root, State s, boolean isMain) {
        for (int i = 0; i < root.params.size(); i++) {
            Variable p = root.params.get(i);
            // a pointer to a structure: the caller's object, which the root may release, reallocate or keep
            Value v = isMain ? Value.UNKNOWN : in.callerObjects.parameter(root, p, s);
            if (isMain && i == 0) v = Value.tainted(Interval.of(1, Integer.MAX_VALUE), new Origin("argc", root.loc));
            if (isMain && i == 1 && p.type instanceof Type.Pointer) {
                Origin o = new Origin("argv", root.loc);
                Region argv = new Region("argv", Region.Kind.UNKNOWN, Value.UNKNOWN, "argv", root.loc, "environment");
                Region arg = new Region("argv[]", Region.Kind.UNKNOWN, Value.UNKNOWN, "command-line argument", root.loc, "environment");
                s.set(arg, new Contents(new TreeMap<>(), Value.tainted(Interval.of(-128, 127), o), new Value(Interval.of(0, Interval.POS_INF), Map.of(), false, o)));
                s.set(argv, new Contents(new TreeMap<>(), new Value(Interval.ZERO, Map.of(arg, Interval.ZERO), false, o), Value.UNKNOWN));
                v = Value.pointer(argv, Interval.ZERO);
            }
            Region r = in.region(p, root);
            s.set(r, Contents.uninitialized().store(Interval.ZERO, Math.max(1, p.type.size()), v, true));
        }
    }

    /**
     * Functions some other function calls by name ({@code direct}), those whose address a function
     * takes ({@code referenced}), and those whose address a global's initialiser holds ({@code inTables}).
     */
    private void calledFunctions(Set<Function> direct, Set<Function> referenced, Set<Function> inTables) {
        for (Function f : program.functions) {
            for (BasicBlock b : f.blocks) {
                for (Stmt s : b.stmts) {
                    if (s instanceof Stmt.Call c && c.callee() != null) {
                        Function t = program.resolve(f.unit, c.callee());
                        if (t != null && t != f) direct.add(t);
                    }
                    forEachExpr(s, e -> {
                        if (e instanceof Expr.FunctionRef fr) {
                            Function t = program.resolve(f.unit, fr.name());
                            if (t != null) referenced.add(t);
                        }
                    });
                }
            }
        }
        for (Map.Entry<Variable, List<Stmt>> g : program.globalInits.entrySet()) {
            for (Stmt s : g.getValue()) {
                forEachExpr(s, e -> {
                    if (e instanceof Expr.FunctionRef fr && program.resolve(g.getKey().declared.file(), fr.name()) instanceof Function t) inTables.add(t);
                });
            }
        }
    }

    /** Globals some function assigns or whose address escapes: their initial value is not all they hold. */
    private Set<Variable> writtenGlobals() {
        Set<Variable> w = new java.util.TreeSet<>((a, b) -> Integer.compare(a.id, b.id));
        for (Function f : program.functions) globalsWrittenBy(f, w);
        return w;
    }

    /** Adds the globals {@code f} stores into or takes the address of to {@code out}. */
    private static void globalsWrittenBy(Function f, Set<Variable> out) {
        for (BasicBlock b : f.blocks) {
            for (Stmt s : b.stmts) {
                Variable base = baseVar(Stmt.target(s));
                if (base != null && base.isGlobalStorage()) out.add(base);
                forEachExpr(s, e -> {
                    if (e instanceof Expr.AddressOf ao && baseVar(ao.lv()) instanceof Variable v && v.isGlobalStorage()
                            && !(ao.lv().type() instanceof Type.Function)) out.add(v);
                });
            }
        }
    }

    /** The lvalue a statement writes as a whole, if any. */
    /**
     * The written globals a root can see: those mentioned by the functions it may reach (called, or whose
     * address is taken on the way) and by the initialisers of the globals they mention. A root starts with
     * only these havocked, so that its state does not grow with the size of the whole program; a global no
     * reachable function names keeps its initial contents, which is all such a root can observe of it.
     */
    private final class Scope implements CallGraph {
        private final Set<Variable> written;
        private final Map<Function, Set<Variable>> globalsOf = new HashMap<>();
        private final Map<Function, Set<Function>> refsOf = new HashMap<>();
        private final Map<Variable, Set<Variable>> initGlobals = new HashMap<>();
        private final Map<Variable, Set<Function>> initRefs = new HashMap<>();
        /** Functions that call through a pointer. */
        private final Set<Function> indirect = new HashSet<>();
        /** Functions whose address is taken: what a call through a pointer may reach. */
        private final Set<Function> addressTaken = new HashSet<>();
        private final MemberCallbacks callbacks = new MemberCallbacks(program);

        @Override
        public List<Function> memberTargets(Expr callee) { return callbacks.targets(callee); }

        Scope(Set<Variable> written) {
            this.written = written;
            for (Function f : program.functions) {
                Set<Variable> g = new HashSet<>();
                Set<Function> r = new HashSet<>();
                for (BasicBlock b : f.blocks) for (Stmt st : b.stmts) {
                    mentions(st, f.unit, g, r);
                    if (st instanceof Stmt.Call c && c.callee() == null && c.calleeExpr() != null) indirect.add(f);
                }
                globalsOf.put(f, g);
                refsOf.put(f, r);
            }
            for (Map.Entry<Variable, List<Stmt>> e : program.globalInits.entrySet()) {
                Set<Variable> g = new HashSet<>();
                Set<Function> r = new HashSet<>();
                for (Stmt st : e.getValue()) mentions(st, e.getKey().declared.file(), g, r);
                initGlobals.put(e.getKey(), g);
                initRefs.put(e.getKey(), r);
            }
        }

        private void mentions(Stmt st, String unit, Set<Variable> globals, Set<Function> refs) {
            Variable t = baseVar(Stmt.target(st));
            if (t != null && t.isGlobalStorage()) globals.add(t);
            if (st instanceof Stmt.Call c && c.callee() != null && program.resolve(unit, c.callee()) instanceof Function callee) refs.add(callee);
            forEachExpr(st, e -> {
                Variable v = e instanceof Expr.Load l ? baseVar(l.lv()) : e instanceof Expr.AddressOf a ? baseVar(a.lv()) : null;
                if (v != null && v.isGlobalStorage()) globals.add(v);
                if (e instanceof Expr.FunctionRef fr && program.resolve(unit, fr.name()) instanceof Function callee) {
                    refs.add(callee);
                    addressTaken.add(callee);
                }
            });
        }

        /** What a function reaches: the functions and the globals. */
        private record Reach(Set<Function> functions, Set<Variable> globals, boolean indirect) { }

        private final Map<Function, Reach> reachCache = new ConcurrentHashMap<>();
        private final Map<Function, Integer> heights = new ConcurrentHashMap<>();

        /** Written globals reachable from a root, in a deterministic order. */
        Set<Variable> of(Function root) {
            Set<Variable> out = new java.util.TreeSet<>((a, b) -> Integer.compare(a.id, b.id));
            for (Variable g : globals(root)) if (written.contains(g)) out.add(g);
            return out;
        }

        @Override
        public Set<Variable> globals(Function root) { return reach(root).globals(); }

        @Override
        public Set<Variable> writtenBelow(Function f) { return writtenBelow.computeIfAbsent(f, this::writes); }

        private final Map<Function, Set<Variable>> writtenBelow = new ConcurrentHashMap<>();

        /** The globals {@code f} or a function it reaches by name stores into or takes the address of. */
        private Set<Variable> writes(Function f) {
            Set<Variable> out = new java.util.TreeSet<>((a, b) -> Integer.compare(a.id, b.id));
            Set<Function> fs = new HashSet<>(reach(f).functions());
            fs.add(f);
            for (Function g : fs) out.addAll(ownWrites.computeIfAbsent(g, x -> {
                Set<Variable> own = new HashSet<>();
                globalsWrittenBy(x, own);
                return own;
            }));
            return out;
        }

        /** The globals each function's own code writes or takes the address of (each body walked once). */
        private final Map<Function, Set<Variable>> ownWrites = new ConcurrentHashMap<>();

        @Override
        public boolean mayCall(Function from, Function to) {
            Reach r = reach(from);
            return r.functions().contains(to) || (r.indirect() && addressTaken.contains(to));
        }

        @Override
        public int height(Function f) { return height(f, new HashSet<>()); }

        /**
         * Depth-first; a function met again on the path is a cycle, and every function on the path
         * reaches it, so each result is final and can be kept.
         */
        private int height(Function f, Set<Function> path) {
            Integer known = heights.get(f);
            if (known != null) return known;
            if (!path.add(f)) return Integer.MAX_VALUE;
            int h = indirect.contains(f) ? Integer.MAX_VALUE : 0;
            for (Function g : refsOf.getOrDefault(f, Set.of())) {
                if (h == Integer.MAX_VALUE) break;
                int below = height(g, path);
                h = below == Integer.MAX_VALUE ? below : Math.max(h, below + 1);
            }
            path.remove(f);
            heights.put(f, h);
            return h;
        }

        /** Every function and global (and static local) a function, or anything it may call, names. */
        private Reach reach(Function root) {
            Reach known = reachCache.get(root);
            if (known != null) return known;
            Set<Function> seenF = new HashSet<>();
            Set<Variable> seenG = new HashSet<>();
            java.util.ArrayDeque<Object> work = new java.util.ArrayDeque<>();
            work.add(root);
            boolean ind = false;
            while (!work.isEmpty()) {
                Object o = work.poll();
                if (o instanceof Function f && indirect.contains(f)) ind = true;
                Set<Variable> gs = o instanceof Function f ? globalsOf.getOrDefault(f, Set.of()) : initGlobals.getOrDefault((Variable) o, Set.of());
                Set<Function> fs = o instanceof Function f ? refsOf.getOrDefault(f, Set.of()) : initRefs.getOrDefault((Variable) o, Set.of());
                for (Function f : fs) if (seenF.add(f) && f != root) work.add(f);
                for (Variable g : gs) if (seenG.add(g)) work.add(g);
            }
            Reach r = new Reach(seenF, seenG, ind);
            reachCache.put(root, r);
            return r;
        }
    }

    /** The variable an lvalue's storage belongs to (through members and indexes), or null for a dereference. */
    static Variable baseVar(Lvalue lv) {
        return switch (lv) {
            case null -> null;
            case Lvalue.Var v -> v.var();
            case Lvalue.Field f -> baseVar(f.base());
            case Lvalue.Index i -> baseVar(i.base());
            case Lvalue.Deref d -> null;
        };
    }

    static void forEachExpr(Stmt s, java.util.function.Consumer<Expr> f) {
        List<Expr> roots = new ArrayList<>();
        switch (s) {
            case Stmt.Assign a -> { roots.add(a.value()); lvExprs(a.target(), roots); }
            case Stmt.Call c -> { roots.addAll(c.args()); if (c.calleeExpr() != null) roots.add(c.calleeExpr()); if (c.result() != null) lvExprs(c.result(), roots); }
            case Stmt.Assume a -> roots.add(a.cond());
            case Stmt.Return r -> { if (r.value() != null) roots.add(r.value()); }
            case Stmt.InitAggregate ia -> { roots.addAll(ia.elements()); lvExprs(ia.target(), roots); }
            case Stmt.Allocate al -> { if (al.size() != null) roots.add(al.size()); if (al.result() != null) lvExprs(al.result(), roots); }
            case Stmt.Free fr -> roots.add(fr.pointer());
            default -> { }
        }
        for (Expr e : roots) walk(e, f);
    }

    private static void lvExprs(Lvalue lv, List<Expr> out) {
        switch (lv) {
            case Lvalue.Deref d -> out.add(d.pointer());
            case Lvalue.Index i -> { out.add(i.index()); lvExprs(i.base(), out); }
            case Lvalue.Field fl -> lvExprs(fl.base(), out);
            default -> { }
        }
    }

    static void walk(Expr e, java.util.function.Consumer<Expr> f) {
        f.accept(e);
        switch (e) {
            case Expr.Binary b -> { walk(b.left(), f); walk(b.right(), f); }
            case Expr.Unary u -> walk(u.operand(), f);
            case Expr.Cast c -> walk(c.operand(), f);
            case Expr.Load l -> { List<Expr> l2 = new ArrayList<>(); lvExprs(l.lv(), l2); l2.forEach(x -> walk(x, f)); }
            case Expr.AddressOf a -> { List<Expr> l2 = new ArrayList<>(); lvExprs(a.lv(), l2); l2.forEach(x -> walk(x, f)); }
            default -> { }
        }
    }
}
