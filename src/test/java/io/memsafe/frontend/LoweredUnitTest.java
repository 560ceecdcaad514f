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

    /** h.c (declares table without a length), lowered when the other unit had made table of {@code linked}'s type. */
    private byte[] lowerH(Type linked) throws IOException {
        Path h = dir.resolve("h.c");
        Files.writeString(h, "extern char table[];\nvoid h_entry(void) {\n    char *p = table;\n    p[5] = 1;\n}\n");
        Lowering.GlobalSymbols globals = new Lowering.GlobalSymbols();
        globals.link("table", "table", linked, false, ELSEWHERE, new Program());
        return lower(h, globals);
    }

    private static byte[] lower(Path file, Lowering.GlobalSymbols globals) {
        CompileUnit unit = new CompileUnit(file, List.of(), Map.of(), false);
        CdtParser.Parsed parsed = new CdtParser(false).parse(unit);
        Program part = new Program();
        List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
        Lowering lowering = new Lowering(part, globals, file.toString(), parsed.model(), diags);
        lowering.lower(parsed.ast());
        byte[] bytes = LoweredUnit.encode(part, lowering, diags);
        assertThat(bytes).isNotNull();
        return bytes;
    }
}
