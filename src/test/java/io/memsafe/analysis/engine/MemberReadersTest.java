package io.memsafe.analysis.engine;

import io.memsafe.frontend.CompileDatabase;
import io.memsafe.frontend.Frontend;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roots analysed again once a member is known to hold untrusted values are those whose code reads
 * the member where its value can bound an access: not an equality test of it, not an integer printed.
 */
class MemberReadersTest {
    @Test
    void onlyAReadThatCanBoundAnAccessMakesAFunctionAReader(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("entry.c");
        Files.writeString(f, """
                #include <stdio.h>
                struct entry { unsigned long hash; unsigned int slot; char name[16]; };
                int same(const struct entry *a, const struct entry *b) { return a->hash == b->hash && a->slot == b->slot; }
                void show(FILE *out, const struct entry *e) { fprintf(out, "%lx %u\\n", e->hash, e->slot); }
                char pick(const struct entry *e) { return e->name[e->hash]; }
                unsigned long next(const struct entry *e) { return e->hash + 1; }
                """);
        List<String> args = List.of("cc", "-c", f.toString());
        Program p = new Frontend(false).load(List.of(CompileDatabase.fromArguments(f, dir, args)), 1).program();
        Map<Function, Set<String>> readers = ProgramAnalyzer.memberReaders(p, Set.of("entry.hash@0", "entry.slot@8"));
        Set<String> names = new TreeSet<>();
        readers.keySet().forEach(fn -> names.add(fn.name));
        assertThat(names).containsExactly("next", "pick");
        assertThat(readers.values()).allSatisfy(keys -> assertThat(keys).containsExactly("entry.hash@0"));
    }
}
