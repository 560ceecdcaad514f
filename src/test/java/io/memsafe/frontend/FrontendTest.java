package io.memsafe.frontend;

import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several units linked into one program: a definition that several units hold is one function. */
class FrontendTest {
    @TempDir
    Path dir;

    /** Units whose code is stored: each must hold its own copy of what it defines. */
    private static final class Keeping implements UnitStore {
        final List<Program> kept = new ArrayList<>();

        @Override
        public byte[] find(CompileUnit unit) { return null; }

        @Override
        public void keep(CompileUnit unit, Map<String, Boolean> lookedUp, byte[] lowered, Program part) {
            synchronized (kept) { kept.add(part); }
        }

        @Override
        public void reused(CompileUnit unit, Program part) { }
    }

    private List<CompileUnit> twoUnitsSharingAHeader() throws IOException {
        Files.writeString(dir.resolve("h.h"), "static inline int first(const char *s) { return s[0]; }\n"
                + "inline int second(const char *s) { return s[1]; }\n");
        Files.writeString(dir.resolve("a.c"), "#include \"h.h\"\nint a(const char *s) { return first(s) + second(s); }\n");
        Files.writeString(dir.resolve("b.c"), "#include \"h.h\"\nint b(const char *s) { return first(s) - second(s); }\n");
        List<CompileUnit> units = new ArrayList<>();
        for (String f : List.of("a.c", "b.c")) units.add(new CompileUnit(dir.resolve(f), List.of(dir), Map.of(), false));
        return units;
    }

    @Test
    void aHeadersFunctionIsLoweredOnceAndEveryUnitsCallsReachIt() throws IOException {
        List<CompileUnit> units = twoUnitsSharingAHeader();
        for (boolean stored : List.of(false, true)) {
            Keeping store = new Keeping();
            Program p = new Frontend(false).load(units, 2, stored ? store : null).program();
            assertThat(p.functions).extracting(f -> f.name).containsExactlyInAnyOrder("first", "second", "a", "b");
            String ua = units.get(0).file().toAbsolutePath().normalize().toString(), ub = units.get(1).file().toAbsolutePath().normalize().toString();
            for (String name : List.of("first", "second")) {
                Function fromA = p.resolve(ua, name), fromB = p.resolve(ub, name);
                // b.c's calls reach the copy a.c lowered, with its body, static or not
                assertThat(fromB).as(name).isSameAs(fromA);
                assertThat(fromA.blocks).as(name).isNotEmpty();
            }
            if (stored) {
                // stored code stands alone: b.c's part holds its own lowered copies
                assertThat(store.kept).hasSize(2).allSatisfy(part -> assertThat(part.functions)
                        .filteredOn(f -> f.name.equals("first") || f.name.equals("second")).hasSize(2).allSatisfy(f -> assertThat(f.blocks).isNotEmpty()));
            }
        }
    }

    @Test
    void aUnitLowersNoDefinitionAnEarlierUnitLoweredUnlessItsCodeIsStored() throws IOException {
        List<CompileUnit> units = twoUnitsSharingAHeader();
        CdtParser parser = new CdtParser(false);
        for (boolean reuse : List.of(true, false)) {
            Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
            globals.reuseDefinitions = reuse;
            List<Program> parts = new ArrayList<>();
            for (CompileUnit u : units) {
                CdtParser.Parsed parsed = parser.parse(u);
                Program part = new Program();
                new Lowering(part, globals, u.file().toAbsolutePath().normalize().toString(), parsed.model(), new ArrayList<>()).lower(parsed.ast());
                parts.add(part);
            }
            for (String name : List.of("first", "second")) {
                Function inA = parts.get(0).functions.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
                Function inB = parts.get(1).functions.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
                assertThat(inA.blocks).as(name).isNotEmpty();
                // b.c names the definition (so that its calls reach a.c's copy) without lowering its body again
                assertThat(inB.blocks.isEmpty()).as(name + (reuse ? " reused" : " lowered again")).isEqualTo(reuse);
                assertThat(inB.loc).isEqualTo(inA.loc);
            }
        }
    }
}
