package io.memsafe.frontend;

import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Parses and lowers a set of translation units into one linked {@link Program}. */
public final class Frontend {
    private final CdtParser parser;

    public Frontend(boolean systemHeaders) {
        this.parser = new CdtParser(systemHeaders);
    }

    public record Result(Program program, List<Diagnostic> diagnostics) { }

    /** Each unit is parsed on its own (several at once); linking is by name. */
    public Result load(List<CompileUnit> units, int jobs) {
        return load(units, jobs, null);
    }

    /** What a worker prepares for a unit: its stored code ({@link UnitStore}), or its parse. */
    private record Prepared(byte[] stored, CdtParser.Parsed parsed, Throwable failed) { }

    /**
     * As {@link #load(List, int)}, taking units whose inputs did not change from {@code store} (may be
     * null). Units are parsed in parallel, a few ahead, and lowered one after the other in input order:
     * lowering links each global a unit names to the variable of the first unit that declared it, so the
     * order decides which declaration's type the code holds. A fixed order makes the program the same
     * whichever units are parsed and which are read back from the store, and from one run to the next.
     */
    public Result load(List<CompileUnit> units, int jobs, UnitStore store) {
        // a second scan in the same process (tests, a daemon) must see files edited since the first
        SourceFiles.forget();
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        // a stored unit's code must stand alone: another unit's copy may be gone in a later scan
        globals.reuseDefinitions = store == null;
        int n = units.size(), ahead = Math.max(2, 2 * jobs);
        List<Program> parts = new ArrayList<>();
        // per unit, its diagnostics (or, for a unit read from the store, its code being read on a worker)
        List<List<Diagnostic>> unitDiags = new ArrayList<>();
        List<java.util.concurrent.Future<List<Diagnostic>>> reading = new ArrayList<>(Collections.nCopies(n, null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, jobs));
        List<java.util.concurrent.Future<Prepared>> prepared = new ArrayList<>(java.util.Collections.nCopies(n, null));
        List<java.util.concurrent.Future<?>> stores = new ArrayList<>();
        java.util.Set<CompileUnit> unreadable = new java.util.HashSet<>();
        try {
            for (int i = 0; i < Math.min(ahead, n); i++) prepared.set(i, pool.submit(prepare(units.get(i), store)));
            for (int i = 0; i < n; i++) {
                Prepared p = prepared.get(i).get();
                prepared.set(i, null);
                if (i + ahead < n) prepared.set(i + ahead, pool.submit(prepare(units.get(i + ahead), store)));
                Program part = new Program();
                List<Diagnostic> d = new ArrayList<>();
                reading.set(i, lower(units.get(i), p, globals, store, part, d, pool, stores));
                parts.add(part);
                unitDiags.add(d);
            }
            for (int i = 0; i < n; i++) {
                if (reading.get(i) == null) continue;
                List<Diagnostic> d = reading.get(i).get();
                if (d == null) unreadable.add(units.get(i));
                else unitDiags.get(i).addAll(d);
            }
            for (var f : stores) f.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("front end interrupted", e);
        } finally {
            pool.shutdown();
        }
        if (!unreadable.isEmpty()) {
            // stored code whose declarations read but whose code did not (damaged bytes): parse those units,
            // from the start, so that linking stays in input order
            return load(units, jobs, new Refusing(store, unreadable));
        }
        List<Diagnostic> diags = new ArrayList<>();
        unitDiags.forEach(diags::addAll);
        Program program = new Program();
        // merge in input order, so that linking (first external definition wins) is deterministic
        java.util.Set<io.memsafe.ir.Variable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Program p : parts) {
            p.functions.forEach(program::add);
            for (var g : p.globals) if (seen.add(g)) program.globals.add(g);
            p.globalInits.forEach(program.globalInits::putIfAbsent);
        }
        program.globals.sort((a, b) -> Integer.compare(a.id, b.id));
        // a unit listed twice (other flags) gives the same diagnostics twice: keep one of each
        List<Diagnostic> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(diags));
        Collections.sort(sorted);
        return new Result(program, sorted);
    }

    /** A store that does not give back the code of some units. */
    private record Refusing(UnitStore store, java.util.Set<CompileUnit> refused) implements UnitStore {
        @Override
        public byte[] find(CompileUnit unit) {
            return refused.contains(unit) ? null : store.find(unit);
        }

        @Override
        public void keep(CompileUnit unit, java.util.Map<String, Boolean> lookedUp, byte[] lowered, Program part) {
            store.keep(unit, lookedUp, lowered, part);
        }

        @Override
        public void reused(CompileUnit unit, Program part) {
            store.reused(unit, part);
        }
    }

    /** On a worker: the unit's stored code if the store has it unchanged, else its parse. */
    private java.util.concurrent.Callable<Prepared> prepare(CompileUnit u, UnitStore store) {
        return () -> {
            try {
                byte[] stored = store == null ? null : store.find(u);
                return new Prepared(stored, stored == null ? parser.parse(u) : null, null);
            } catch (RuntimeException | StackOverflowError e) {
                return new Prepared(null, null, e);
            }
        };
    }

    /**
     * In input order: links the unit's stored code and hands the reading of its code to a worker (the
     * returned future: its diagnostics, null when the code could not be read), or lowers its parse (and
     * hands it to the store on a worker) and returns null.
     */
    private java.util.concurrent.Future<List<Diagnostic>> lower(CompileUnit u, Prepared p, Lowering.GlobalSymbols globals, UnitStore store,
                          Program part, List<Diagnostic> d, java.util.concurrent.ExecutorService pool, List<java.util.concurrent.Future<?>> stores) {
        try {
            if (p.failed() != null) {
                d.add(new Diagnostic(new SourceLoc(u.file().toString(), 0, 0), Diagnostic.Level.ERROR, "front end failed: " + p.failed()));
                return null;
            }
            LoweredUnit.Linked linked = p.stored() == null ? null : LoweredUnit.link(p.stored(), globals, part);
            if (linked != null) {
                return pool.submit(() -> {
                    List<Diagnostic> storedDiags = linked.read();
                    if (storedDiags != null) store.reused(u, part);
                    return storedDiags;
                });
            }
            CdtParser.Parsed parsed = p.parsed() != null ? p.parsed() : parser.parse(u);
            d.addAll(parsed.diagnostics());
            Lowering lowering = null;
            if (parsed.ast() != null) {
                lowering = new Lowering(part, globals, u.file().toAbsolutePath().normalize().toString(), parsed.model(), d);
                lowering.lower(parsed.ast());
            }
            if (store != null) {
                Lowering done = lowering;
                List<Diagnostic> unitDiags = List.copyOf(d);
                stores.add(pool.submit(() -> store.keep(u, parsed.lookedUp(), done == null ? null : LoweredUnit.encode(part, done, unitDiags), part)));
            }
        } catch (RuntimeException | StackOverflowError e) {
            d.add(new Diagnostic(new SourceLoc(u.file().toString(), 0, 0), Diagnostic.Level.ERROR, "front end failed: " + e));
        }
        return null;
    }
}
