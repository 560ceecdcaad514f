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

    /** Each unit is parsed on its own (they may be lowered in parallel); linking is by name. */
    public Result load(List<CompileUnit> units, int jobs) {
        return load(units, jobs, null);
    }

    /** As {@link #load(List, int)}, taking units whose inputs did not change from {@code store} (may be null). */
    public Result load(List<CompileUnit> units, int jobs, UnitStore store) {
        // a second scan in the same process (tests, a daemon) must see files edited since the first
        SourceFiles.forget();
        Program program = new Program();
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, jobs));
        List<Program> parts;
        try {
            parts = pool.submit(() -> units.parallelStream().map(u -> {
            Program part = new Program();
            List<Diagnostic> d = new ArrayList<>();
            try {
                byte[] stored = store == null ? null : store.find(u);
                List<Diagnostic> storedDiags = stored == null ? null : LoweredUnit.decode(stored, globals, part);
                if (storedDiags != null) {
                    store.reused(u, part);
                    diags.addAll(storedDiags);
                    return part;
                }
                CdtParser.Parsed parsed = parser.parse(u);
                d.addAll(parsed.diagnostics());
                Lowering lowering = null;
                if (parsed.ast() != null) {
                    lowering = new Lowering(part, globals, u.file().toAbsolutePath().normalize().toString(), parsed.model(), d);
                    lowering.lower(parsed.ast());
                }
                if (store != null) store.keep(u, parsed.lookedUp(), lowering == null ? null : LoweredUnit.encode(part, lowering, d), part);
            } catch (RuntimeException | StackOverflowError e) {
                d.add(new Diagnostic(new SourceLoc(u.file().toString(), 0, 0), Diagnostic.Level.ERROR, "front end failed: " + e));
            }
            diags.addAll(d);
            return part;
        }).toList()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("front end interrupted", e);
        } finally {
            pool.shutdown();
        }
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

}
