package io.memsafe.analysis.engine;

import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.Frontend;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which locals are dead where a block starts, on functions lowered from C; and constant tests. */
class LiveLocalsTest {
    @TempDir
    Path dir;

    private Function lower(String source, String name) throws IOException {
        Path file = dir.resolve("t.c");
        Files.writeString(file, source);
        Program p = new Frontend(false).load(List.of(new CompileUnit(file, List.of(dir), Map.of(), false)), 1, null).program();
        return p.functions.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
    }

    private static Variable local(Function fn, String name) {
        for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) if (st instanceof Stmt.Declare d && d.var().name.equals(name)) return d.var();
        throw new AssertionError("no local " + name);
    }

    /** The block that reads {@code v} in a test (an Assume on it). */
    private static BasicBlock testing(Function fn, Variable v) {
        for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) if (st instanceof Stmt.Assume a && a.cond().toString().contains("var=" + v.name + ",")) return b;
        throw new AssertionError("no test of " + v.name);
    }

    private static final String GROW = """
            #include <stdlib.h>
            char **grow(const char *s) {
              unsigned long n = 0, cap = 0;
              char **v = 0;
              while (*s) {
                if (n >= cap) {
                  char **w = realloc(v, (cap + 4) * sizeof *w);
                  if (!w) return v;
                  v = w;
                  cap += 4;
                }
                v[n++] = (char *)s++;
              }
              return v;
            }
            """;

    @Test
    void aBlockScopedLocalIsDeadWhereTheLoopStartsAgainAndLiveWhereItIsTested() throws IOException {
        Function fn = lower(GROW, "grow");
        Set<Variable> addressTaken = FunctionFixpoint.Shape.addressTaken(fn);
        Map<BasicBlock, Set<Variable>> dead = LiveLocals.deadAtStart(fn, addressTaken);
        Variable w = local(fn, "w"), v = local(fn, "v");
        // where the loop tests *s, w holds the last round's block and no path reads it before it is assigned again
        BasicBlock head = FunctionFixpoint.Shape.of(fn).loopHeads().iterator().next();
        assertThat(dead.getOrDefault(head, Set.of())).contains(w).doesNotContain(v);
        // where !w is tested, w is live
        assertThat(dead.getOrDefault(testing(fn, w), Set.of())).doesNotContain(w);
    }

    @Test
    void aLocalWhoseAddressIsTakenIsNeverDead() throws IOException {
        Function fn = lower("""
                int parse(const char *s, int (*next)(const char *, int *)) {
                  int total = 0;
                  while (*s) {
                    int got;
                    if (next(s, &got)) break;
                    total += got;
                    s++;
                  }
                  return total;
                }
                """, "parse");
        Variable got = local(fn, "got");
        Map<BasicBlock, Set<Variable>> dead = LiveLocals.deadAtStart(fn, FunctionFixpoint.Shape.addressTaken(fn));
        for (Set<Variable> d : dead.values()) assertThat(d).doesNotContain(got);
    }

    @Test
    void aConstantTestGoesOneWayOnlySoAStatementMacroIsNoLoop() throws IOException {
        Function fn = lower("""
                #define STEP(x) do { (x)++; } while (0)
                int count(const char *s) {
                  int n = 0;
                  STEP(n);
                  if (0) n = -1;
                  return n;
                }
                """, "count");
        assertThat(FunctionFixpoint.Shape.of(fn).loopHeads()).isEmpty();
        // neither constant is tested at run time
        for (BasicBlock b : fn.blocks) for (Stmt st : b.stmts) assertThat(st).isNotInstanceOf(Stmt.Assume.class);
    }
}
