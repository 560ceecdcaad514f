package io.memsafe.scan.diff;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.scan.FunctionSpans;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The part of a program a change can affect, as Infer's reactive mode scopes an analysis: the functions
 * whose lines changed, every function that calls into them (directly, transitively), and everything those
 * call, so each is analysed in the same contexts as in a full scan. Only findings whose access lies in a
 * changed function are reported (a finding in an unchanged callee that a changed caller now reaches
 * with a larger size is not: it is reported at the callee's line, which the change did not touch).
 * Calls through function pointers are not followed upwards: a caller that reaches a changed function
 * only through a pointer is not re-analysed.
 */
public final class ChangeScope {
    private final Set<Function> changed;
    private final Program scoped;
    private final FunctionSpans spans;
    private final Set<String> changedNames = new LinkedHashSet<>();

    public ChangeScope(Program program, FunctionSpans spans, ChangedLines lines) {
        this.spans = spans;
        Set<Function> changed = new LinkedHashSet<>();
        for (Function f : program.functions) {
            FunctionSpans.Span s = spans.at(f.loc);
            if (s != null && s.function().equals(f.name) && lines.touches(f.loc.file(), s.firstLine(), s.lastLine())) changed.add(f);
        }
        this.changed = changed;
        for (Function f : changed) changedNames.add(f.loc.file() + "#" + f.name);
        Map<Function, Set<Function>> callees = new HashMap<>();
        Map<Function, Set<Function>> callers = new HashMap<>();
        for (Function f : program.functions) {
            for (BasicBlock b : f.blocks) {
                for (Stmt s : b.stmts) {
                    if (!(s instanceof Stmt.Call c) || c.callee() == null) continue;
                    Function to = program.resolve(f.unit, c.callee());
                    if (to == null) continue;
                    callees.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(to);
                    callers.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(f);
                }
            }
        }
        Set<Function> up = closure(changed, callers);
        Set<Function> keep = closure(up, callees);
        this.scoped = subset(program, keep);
    }

    private static Set<Function> closure(Set<Function> start, Map<Function, Set<Function>> edges) {
        Set<Function> seen = new LinkedHashSet<>(start);
        Deque<Function> work = new ArrayDeque<>(start);
        while (!work.isEmpty()) {
            for (Function g : edges.getOrDefault(work.pop(), Set.of())) if (seen.add(g)) work.push(g);
        }
        return seen;
    }

    /** The functions kept, in the program's order, with the unit-local name resolution and all globals. */
    private static Program subset(Program program, Set<Function> keep) {
        Program p = new Program();
        for (Function f : program.functions) if (keep.contains(f)) p.functions.add(f);
        program.externalFunctions.forEach((n, f) -> {
            if (keep.contains(f)) p.externalFunctions.put(n, f);
        });
        program.unitFunctions.forEach((u, fs) -> {
            Map<String, Function> m = new LinkedHashMap<>();
            fs.forEach((n, f) -> {
                if (keep.contains(f)) m.put(n, f);
            });
            if (!m.isEmpty()) p.unitFunctions.put(u, m);
        });
        p.globals.addAll(program.globals);
        p.globalInits.putAll(program.globalInits);
        return p;
    }

    /** The program to analyse: changed functions, their callers and their callees. */
    public Program program() {
        return scoped;
    }

    public Set<Function> changed() {
        return changed;
    }

    /** Whether the finding's access lies in a changed function. */
    public boolean reports(Finding f) {
        FunctionSpans.Span s = spans.at(f.loc());
        return s != null && changedNames.contains(s.file() + "#" + s.function());
    }

}
