package io.memsafe.scan.cache;

import io.memsafe.analysis.engine.RootCache;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A root whose analysis entered a function outside its own inputs (a call through a pointer held by
 * a global that its unit linked to another declaration of): the result is kept with that function's
 * own inputs, and taken only while they are unchanged.
 */
class ResultCacheTest {
    @TempDir
    Path dir;

    private final Function root = function("root_entry", "a.c"), put = function("put", "b.c"), helper = function("helper", "b.c");
    private final Map<Function, RootCache.Inputs> inputs = new HashMap<>();

    @Test
    void aResultThatEnteredAFunctionOutsideItsInputsIsCheckedAgainstThatFunctionsInputs() {
        inputs.put(root, inputs(root, Map.of(root, shape())));
        inputs.put(put, inputs(put, Map.of(put, shape(helper), helper, shape())));
        RootCache.Kept kept = new RootCache.Kept(List.of(), List.of(), Set.of(put), Set.of(root, put), java.util.Map.of());
        ResultCache cold = open();
        cold.keep(inputs.get(root), kept);
        cold.close();

        ResultCache warm = open();
        RootCache.Kept found = warm.find(inputs.get(root));
        assertThat(found).isNotNull();
        assertThat(found.covered()).containsExactly(put);
        warm.close();

        // put now calls root as well: what the analysis read of put's callees changed
        inputs.put(put, inputs(put, Map.of(put, shape(helper, root), helper, shape(), root, shape())));
        ResultCache changed = open();
        assertThat(changed.find(inputs.get(root))).isNull();
        changed.close();
    }

    @Test
    void withoutTheOtherFunctionsInputsSuchAResultIsNotKept() {
        inputs.put(root, inputs(root, Map.of(root, shape())));
        ResultCache cold = ResultCache.open(dir, "options", new IrDigests(), Map.of(), List.of(root, put, helper), List.of());
        cold.keep(inputs.get(root), new RootCache.Kept(List.of(), List.of(), Set.of(put), Set.of(root, put), java.util.Map.of()));
        cold.close();
        ResultCache warm = open();
        assertThat(warm.find(inputs.get(root))).isNull();
        warm.close();
    }

    private ResultCache open() {
        ResultCache c = ResultCache.open(dir, "options", new IrDigests(), Map.of(), List.of(root, put, helper), List.of());
        c.inputsOf(inputs::get);
        return c;
    }

    private static RootCache.Inputs inputs(Function f, Map<Function, RootCache.Shape> shapes) {
        return new RootCache.Inputs(f, false, shapes.keySet(), Set.of(), Set.of(), Set.of(), shapes, List.of());
    }

    private static RootCache.Shape shape(Function... calls) {
        return new RootCache.Shape(Set.of(calls), Set.of(), false);
    }

    private static Function function(String name, String unit) {
        Function f = new Function(name, new Type.Function(Type.VOID, List.of(), false), List.of(), false, new SourceLoc(unit, 1, 1), unit);
        f.entry = f.newBlock();
        f.entry.stmts.add(new Stmt.Return(null, new SourceLoc(unit, 2, 5)));
        f.exit = f.entry;
        return f;
    }
}
