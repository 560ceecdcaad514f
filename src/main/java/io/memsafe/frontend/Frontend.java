package io.memsafe.frontend;

import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Parses and lowers a set of translation units into one linked {@link Program}. */
public final class Frontend {
    private final CdtParser parser;

    public Frontend(boolean systemHeaders) {
        this.parser = new CdtParser(systemHeaders);
    }

    public record Result(Program program, List<Diagnostic> diagnostics) { }

    /**
     * Per input unit (in input order), the files its preprocessing read: the resolved paths of its
     * active includes, nested ones too, and {@code "?" + name} for each one not found (the bundled prelude
     * is left out: it is part of the tool). With the unit's own text and flags, that is all its lowering
     * depends on, so an incremental scan keys results by their content.
     */
    private final List<List<String>> includes = new ArrayList<>();
    /** The unit whose lowering gave each global (and static local) its initialiser. */
    private final Map<Variable, String> initialisedIn = new IdentityHashMap<>();

    public List<List<String>> includes() { return includes; }

    public Map<Variable, String> initialisedIn() { return initialisedIn; }

    /** Each unit is parsed on its own (they may be lowered in parallel); linking is by name. */
    public Result load(List<CompileUnit> units, int jobs) {
        // a second scan in the same process (tests, a daemon) must see files edited since the first
        SourceFiles.forget();
        Program program = new Program();
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, jobs));
        List<Part> parts;
        try {
            parts = pool.submit(() -> units.parallelStream().map(u -> {
            Program part = new Program();
            List<String> read = List.of();
            List<Diagnostic> d = new ArrayList<>();
            try {
                CdtParser.Parsed parsed = parser.parse(u);
                d.addAll(parsed.diagnostics());
                if (parsed.ast() != null) {
                    read = includedFiles(parsed.ast());
                    new Lowering(part, globals, u.file().toAbsolutePath().normalize().toString(), parsed.model(), d).lower(parsed.ast());
                }
            } catch (RuntimeException | StackOverflowError e) {
                d.add(new Diagnostic(new SourceLoc(u.file().toString(), 0, 0), Diagnostic.Level.ERROR, "front end failed: " + e));
            }
            diags.addAll(d);
            return new Part(part, read, u.file().toAbsolutePath().normalize().toString());
        }).toList()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("front end interrupted", e);
        } finally {
            pool.shutdown();
        }
        // merge in input order, so that linking (first external definition wins) is deterministic
        java.util.Set<io.memsafe.ir.Variable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        includes.clear();
        initialisedIn.clear();
        for (Part part : parts) {
            Program p = part.program();
            p.functions.forEach(program::add);
            for (var g : p.globals) if (seen.add(g)) program.globals.add(g);
            p.globalInits.forEach(program.globalInits::putIfAbsent);
            for (Variable g : p.globalInits.keySet()) initialisedIn.putIfAbsent(g, part.unit());
            includes.add(part.includes());
        }
        program.globals.sort((a, b) -> Integer.compare(a.id, b.id));
        // a unit listed twice (other flags) gives the same diagnostics twice: keep one of each
        List<Diagnostic> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(diags));
        Collections.sort(sorted);
        return new Result(program, sorted);
    }

    private record Part(Program program, List<String> includes, String unit) { }

    private static List<String> includedFiles(IASTTranslationUnit ast) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (IASTPreprocessorIncludeStatement s : ast.getIncludeDirectives()) {
            if (!s.isActive()) continue;
            if (!s.isResolved()) out.add("?" + s.getName());
            else if (!s.getPath().startsWith(CdtParser.PRELUDE_DIR + "/")) out.add(s.getPath());
        }
        return List.copyOf(out);
    }
}
