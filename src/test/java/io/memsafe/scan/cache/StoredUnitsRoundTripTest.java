package io.memsafe.scan.cache;

import io.memsafe.frontend.CompileDatabase;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.Frontend;
import io.memsafe.frontend.UnitStore;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture's lowered code, stored and read back (several units at once, linked in input order),
 * is the code lowering gives: the same functions, with the same IR digests, the same globals and
 * initialisers, the same diagnostics.
 */
class StoredUnitsRoundTripTest {
    /** Keeps every unit's bytes in memory, and gives them back. */
    static final class MemoryStore implements UnitStore {
        final Map<CompileUnit, byte[]> bytes = new ConcurrentHashMap<>();
        final AtomicInteger kept = new AtomicInteger(), notKept = new AtomicInteger(), reused = new AtomicInteger();

        @Override
        public byte[] find(CompileUnit unit) {
            return bytes.get(unit);
        }

        @Override
        public void keep(CompileUnit unit, Map<String, Boolean> lookedUp, byte[] lowered, Program part) {
            if (lowered == null) {
                notKept.incrementAndGet();
                return;
            }
            kept.incrementAndGet();
            bytes.put(unit, lowered);
        }

        @Override
        public void reused(CompileUnit unit, Program part) {
            reused.incrementAndGet();
        }
    }

    @Test
    void everyFixtureReadsBackToTheCodeLoweringGives() throws IOException {
        List<CompileUnit> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
            files.filter(f -> f.toString().endsWith(".c") || f.toString().endsWith(".cpp")).sorted()
                    .forEach(f -> units.add(new CompileUnit(f, List.of(f.getParent()), Map.of(), f.toString().endsWith(".cpp"))));
        }
        assertThat(units).hasSizeGreaterThan(100);
        StringBuilder out = new StringBuilder();
        int failures = roundTrip(units, 2, out);
        assertThat(out.toString()).startsWith("lowered and stored").hasLineCount(1);
        assertThat(failures).isZero();
    }

    /**
     * Lowers {@code units} into one program, then reads them all back from memory into another, and
     * compares the two; returns the number of differences (described in {@code out}).
     */
    static int roundTrip(List<CompileUnit> units, int jobs, StringBuilder out) {
        MemoryStore store = new MemoryStore();
        long t0 = System.nanoTime();
        Frontend.Result parsed = new Frontend(false).load(units, jobs, store);
        long t1 = System.nanoTime();
        // every unit that lowered is kept: something in the IR Kryo cannot write would show here
        assertThat(store.notKept.get()).as("units not stored").isZero();
        long stored = units.stream().filter(store.bytes::containsKey).count();
        store.reused.set(0);
        Frontend.Result read = new Frontend(false).load(units, jobs, store);
        long t2 = System.nanoTime();
        assertThat(store.reused.get()).isEqualTo((int) stored);
        int diffs = 0;
        Program a = parsed.program(), b = read.program();
        IrDigests da = new IrDigests(), db = new IrDigests();
        if (a.functions.size() != b.functions.size()) {
            out.append("functions: ").append(a.functions.size()).append(" vs ").append(b.functions.size()).append('\n');
            return 1;
        }
        for (int i = 0; i < a.functions.size(); i++) {
            Function f = a.functions.get(i), g = b.functions.get(i);
            if (!f.name.equals(g.name) || !da.of(f).equals(db.of(g)) || !da.signature(f).equals(db.signature(g))) {
                out.append("function ").append(f.name).append(" differs\n");
                diffs++;
            }
        }
        long t3 = System.nanoTime();
        out.append(String.format("lowered and stored %.1f s, read back %.1f s, digests of both %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
        List<String> ga = new ArrayList<>(), gb = new ArrayList<>();
        for (Variable v : a.globals) ga.add(v.id + " " + v.kind + " " + v.name + " " + v.type + " " + v.defined + " " + v.isConst);
        for (Variable v : b.globals) gb.add(v.id + " " + v.kind + " " + v.name + " " + v.type + " " + v.defined + " " + v.isConst);
        if (!ga.equals(gb)) {
            out.append("globals differ\n");
            for (int i = 0; i < Math.max(ga.size(), gb.size()); i++) {
                String x = i < ga.size() ? ga.get(i) : "-", y = i < gb.size() ? gb.get(i) : "-";
                if (!x.equals(y)) out.append("  ").append(x).append("  |  ").append(y).append('\n');
            }
            diffs++;
        }
        List<String> ia = new ArrayList<>(), ib = new ArrayList<>();
        for (Map.Entry<Variable, List<Stmt>> e : a.globalInits.entrySet()) ia.add(e.getKey().name + " " + da.ofInitialiser(e.getValue()));
        for (Map.Entry<Variable, List<Stmt>> e : b.globalInits.entrySet()) ib.add(e.getKey().name + " " + db.ofInitialiser(e.getValue()));
        if (!ia.equals(ib)) {
            out.append("initialisers differ\n");
            diffs++;
        }
        if (!parsed.diagnostics().equals(read.diagnostics())) {
            out.append("diagnostics differ\n");
            diffs++;
        }
        return diffs;
    }

    /** By hand, on a real tree: {@code java -cp ... StoredUnitsRoundTripTest compile_commands.json [jobs]}. */
    public static void main(String[] args) throws IOException {
        List<CompileUnit> units = CompileDatabase.read(Path.of(args[0]));
        StringBuilder out = new StringBuilder();
        int diffs = roundTrip(units, args.length > 1 ? Integer.parseInt(args[1]) : 2, out);
        System.out.print(out);
        System.out.println(units.size() + " units, " + diffs + " differences");
    }
}
