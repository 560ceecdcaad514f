package io.memsafe.frontend;

import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's lowered code stored and read back: linked to the new scan's globals as lowering it would be. */
class LoweredUnitTest {
    @TempDir
    Path dir;

    private static final SourceLoc ELSEWHERE = new SourceLoc("g.c", 1, 1);
    private static final Type.Array EIGHT = new Type.Array(Type.CHAR, 8), FOUR = new Type.Array(Type.CHAR, 4);

    @Test
    void storedCodeLinksToTheGlobalsOfTheNewScan() throws IOException {
        byte[] stored = lowerH(EIGHT);
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        Variable table = globals.link("table", "table", EIGHT, false, ELSEWHERE, new Program());
        Program part = new Program();
        assertThat(LoweredUnit.decode(stored, globals, part)).isEmpty();
        Function h = part.functions.getFirst();
        assertThat(h.name).isEqualTo("h_entry");
        // the code names the very variable the other unit's definition made, not a copy
        List<Variable> named = new ArrayList<>();
        for (var b : h.blocks) for (Stmt st : b.stmts) if (st instanceof Stmt.Assign a && a.value() instanceof Expr.AddressOf ao
                && ao.lv() instanceof io.memsafe.ir.Lvalue.Var v) named.add(v.var());
        assertThat(named).isNotEmpty().allSatisfy(v -> assertThat(v).isSameAs(table));
        assertThat(table.defined).isFalse();
    }

    @Test
    void storedCodeThatHoldsAnotherTypeOfALinkedGlobalIsNotTaken() throws IOException {
        // h.c's code was lowered when table was g.c's char[8]; g.c now makes it char[4]
        byte[] stored = lowerH(EIGHT);
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        globals.link("table", "table", FOUR, false, ELSEWHERE, new Program());
        assertThat(LoweredUnit.decode(stored, globals, new Program())).isNull();
    }

    @Test
    void aFunctionTakingAVaListIsMarkedAndStaysMarkedWhenStored() throws IOException {
        Path c = dir.resolve("fmt.c");
        Files.writeString(c, "#include <stdarg.h>\ntypedef va_list my_args;\n"
                + "int vfmt(char *b, unsigned long n, const char *f, my_args ap) { (void)ap; b[0] = f[0]; return (int)n; }\n"
                + "int fmt(char *b, unsigned long n, const char *f, ...) { va_list ap; va_start(ap, f); int r = vfmt(b, n, f, ap); va_end(ap); return r; }\n"
                + "int plain(char *b, void *handle) { (void)handle; return b[0]; }\n");
        Program lowered = new Program();
        byte[] stored = lower(c, new Lowering.GlobalSymbols(), lowered);
        Program read = new Program();
        assertThat(LoweredUnit.decode(stored, new Lowering.GlobalSymbols(), read)).isEmpty();
        for (Program p : List.of(lowered, read)) {
            Map<String, Boolean> marked = new java.util.TreeMap<>();
            for (Function f : p.functions) marked.put(f.name, f.takesVaList);
            // the va_list through a typedef of it; a variadic function and a void * take none
            assertThat(marked).containsEntry("vfmt", true).containsEntry("fmt", false).containsEntry("plain", false);
        }
    }

    @Test
    void aStaticLocalGetsAnIdOfTheNewScan() throws IOException {
        Path c = dir.resolve("s.c");
        Files.writeString(c, "int count(void) {\n    static int n;\n    return ++n;\n}\n");
        Lowering.GlobalSymbols first = new Lowering.GlobalSymbols();
        byte[] stored = lower(c, first);
        Lowering.GlobalSymbols second = new Lowering.GlobalSymbols();
        for (int i = 0; i < 5; i++) second.nextId();
        Program part = new Program();
        assertThat(LoweredUnit.decode(stored, second, part)).isEmpty();
        assertThat(part.globals).singleElement().satisfies(v -> {
            assertThat(v.kind).isEqualTo(Variable.Kind.STATIC_LOCAL);
            assertThat(v.id).isEqualTo(5);
        });
    }

    @Test
    void idsAreTheOnesLoweringGivesWhenStaticLocalsComeBetweenGlobals() throws IOException {
        Path c = dir.resolve("order.c");
        Files.writeString(c, "int first;\nint f(void) {\n    static int n;\n    extern int later;\n    return n + first + later;\n}\n"
                + "int g(void) {\n    static int m;\n    return m;\n}\nint later;\n");
        Lowering.GlobalSymbols lowered = new Lowering.GlobalSymbols();
        Program part = new Program();
        byte[] stored = lower(c, lowered, part);
        Lowering.GlobalSymbols read = new Lowering.GlobalSymbols();
        Program back = new Program();
        assertThat(LoweredUnit.decode(stored, read, back)).isEmpty();
        assertThat(ids(back)).isEqualTo(ids(part)).containsExactly("first GLOBAL 0", "n STATIC_LOCAL 1", "later GLOBAL 2", "m STATIC_LOCAL 3");
    }

    @Test
    void codeThatCannotBeReadAfterItsDeclarationsIsReportedNotHalfTaken() throws IOException {
        Path c = dir.resolve("t.c");
        Files.writeString(c, "int g;\nint f(void) {\n    static int n;\n    return n + g;\n}\n");
        byte[] stored = damagedCode(lower(c, new Lowering.GlobalSymbols(), new Program()));
        Program part = new Program();
        LoweredUnit.Linked linked = LoweredUnit.link(stored, new Lowering.GlobalSymbols(), part);
        assertThat(linked).isNotNull();
        assertThat(linked.read()).isNull();
        assertThat(part.functions).isEmpty();
    }

    @Test
    void aScanWhoseStoredCodeCannotBeReadParsesThoseUnitsInOrder() throws IOException {
        Files.writeString(dir.resolve("a.c"), "int shared[8];\nint a(void) {\n    static int n;\n    return shared[n];\n}\n");
        Files.writeString(dir.resolve("b.c"), "extern int shared[];\nint b(void) {\n    static int m;\n    return shared[m + 9];\n}\n");
        List<CompileUnit> units = List.of(new CompileUnit(dir.resolve("a.c"), List.of(), Map.of(), false),
                new CompileUnit(dir.resolve("b.c"), List.of(), Map.of(), false));
        Map<CompileUnit, byte[]> bytes = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompileUnit> reused = java.util.Collections.synchronizedList(new ArrayList<>());
        UnitStore store = new UnitStore() {
            @Override public byte[] find(CompileUnit unit) { return bytes.get(unit); }
            @Override public void keep(CompileUnit unit, Map<String, Boolean> lookedUp, byte[] lowered, Program part) { bytes.put(unit, lowered); }
            @Override public void reused(CompileUnit unit, Program part) { reused.add(unit); }
        };
        Frontend.Result parsed = new Frontend(false).load(units, 2, store);
        bytes.put(units.get(0), damagedCode(bytes.get(units.get(0))));
        Frontend.Result again = new Frontend(false).load(units, 2, store);
        // b.c read back, a.c parsed again: the same program as parsing both
        assertThat(reused).contains(units.get(1)).doesNotContain(units.get(0));
        assertThat(ids(again.program())).isEqualTo(ids(parsed.program()));
        assertThat(again.program().functions).extracting(f -> f.name).containsExactly("a", "b");
        assertThat(again.diagnostics()).isEqualTo(parsed.diagnostics());
    }

    @Test
    void variableHasTheFieldsItsSerializerWrites() {
        // IrKryo writes a Variable field by field: a new field must be written there too
        List<String> fields = new ArrayList<>();
        for (java.lang.reflect.Field f : Variable.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) fields.add(f.getName());
        }
        assertThat(fields).containsExactlyInAnyOrder("name", "type", "kind", "declared", "id", "defined", "isConst");
    }

    /** The globals and static locals by id (the order a program keeps them in). */
    private static List<String> ids(Program p) {
        List<Variable> vs = new ArrayList<>(p.globals);
        vs.sort(java.util.Comparator.comparingInt(v -> v.id));
        List<String> out = new ArrayList<>();
        for (Variable v : vs) out.add(v.name + " " + v.kind + " " + v.id);
        return out;
    }

    /** The same unit with the end of its code cut off: its declarations still read, its functions not. */
    private static byte[] damagedCode(byte[] stored) throws IOException {
        byte[] raw = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(stored)).readAllBytes();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(out)) {
            z.write(raw, 0, raw.length - 40);
        }
        return out.toByteArray();
    }

    /** h.c (declares table without a length), lowered when the other unit had made table of {@code linked}'s type. */
    private byte[] lowerH(Type linked) throws IOException {
        Path h = dir.resolve("h.c");
        Files.writeString(h, "extern char table[];\nvoid h_entry(void) {\n    char *p = table;\n    p[5] = 1;\n}\n");
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        globals.link("table", "table", linked, false, ELSEWHERE, new Program());
        return lower(h, globals);
    }

    private static byte[] lower(Path file, Lowering.GlobalSymbols globals) {
        return lower(file, globals, new Program());
    }

    private static byte[] lower(Path file, Lowering.GlobalSymbols globals, Program part) {
        CompileUnit unit = new CompileUnit(file, List.of(), Map.of(), false);
        CdtParser.Parsed parsed = new CdtParser(false).parse(unit);
        List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
        Lowering lowering = new Lowering(part, globals, file.toString(), parsed.model(), diags);
        lowering.lower(parsed.ast());
        byte[] bytes = LoweredUnit.encode(part, lowering, diags);
        assertThat(bytes).isNotNull();
        return bytes;
    }
}
