package io.memsafe.census;

import io.memsafe.census.history.HistoryEngine;
import io.memsafe.census.history.HistoryStore;
import io.memsafe.census.history.PeriodKind;
import io.memsafe.census.history.PeriodResult;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * History over a repository built by the test: commits of known sizes in known months, a merge whose branch was
 * written a month before it landed, a pure rename and a rename with an edit, and an empty month.
 */
class HistoryEngineTest {

    @TempDir
    Path tmp;
    GitFixture git;
    ObjectId tip;

    static final String A_C = GitFixture.cLines("a", 10);
    static final String A_C_EDITED = A_C.replace("int a2 = 2;", "int a2 = 22;").replace("int a3 = 3;", "int a3 = 33;")
            + GitFixture.cLines("x", 3);
    static final String B_CPP = "// two comment\n// lines\nint b0;\nint b1;\nint b2;\nint b3;\n";
    static final String LIB_RS_1 = "fn f0() {}\nfn f1() {}\nfn f2() {}\nfn f3() {}\nfn f4() {}\nfn f5() {}\n";
    static final String LIB_RS_2 = LIB_RS_1 + "// comment only\nfn f6() {}\nfn f7() {}\n";

    @BeforeEach
    void build() throws Exception {
        git = new GitFixture(tmp.resolve("repo.git"));
        Map<String, String> files = new HashMap<>();
        files.put("a.c", A_C);
        files.put("README.md", "hello\n");
        ObjectId a = git.commit(files, "2023-01-15T10:00:00Z");                  // +10 C, +1 Markdown
        files.put("a.c", A_C_EDITED);
        ObjectId b = git.commit(files, "2023-01-20T10:00:00Z", a);               // +5 C, -2 C
        // a feature branch written in February ...
        Map<String, String> feature = new HashMap<>(files);
        feature.put("lib.rs", LIB_RS_1);
        ObjectId f1 = git.commit(feature, "2023-02-10T10:00:00Z", b);
        feature.put("lib.rs", LIB_RS_2);
        ObjectId f2 = git.commit(feature, "2023-02-12T10:00:00Z", f1);
        // ... while main gets C++ late on 31 January in New York, which is 1 February in UTC
        files.put("b.cpp", B_CPP);
        ObjectId c = git.commit(files, "2023-01-31T23:30:00-05:00", b);          // +4 C++
        // the merge lands in March: its diff against the first parent is the whole branch, +8 Rust
        files.put("lib.rs", LIB_RS_2);
        ObjectId m = git.commit(files, "2023-03-03T10:00:00Z", c, f2);
        // renames: a.c moves unchanged; b.cpp moves with one line edited
        files.remove("a.c");
        files.put("src/a.c", A_C_EDITED);
        files.remove("b.cpp");
        files.put("src/b2.cpp", B_CPP.replace("int b3;", "int b3 = 3;"));
        ObjectId r = git.commit(files, "2023-03-10T10:00:00Z", m);               // +1 C++, -1 C++
        // nothing in April; in May, Go arrives and the README goes
        files.remove("README.md");
        files.put("main.go", "package main\n\nfunc main() {\n}\n");
        tip = git.commit(files, "2023-05-02T10:00:00Z", r);                      // +3 Go, -1 Markdown
        git.setBranch("main", tip);
    }

    private HistoryEngine.Result run(Path db, PeriodKind kind) throws Exception {
        try (HistoryStore store = HistoryStore.open(db)) {
            return HistoryEngine.run(git.repo, store, new HistoryEngine.Request("main", null, null, kind, false, 1 << 30));
        }
    }

    @Test
    void monthlyFiguresAreExact() throws Exception {
        HistoryEngine.Result r = run(tmp.resolve("h.db"), PeriodKind.month);
        List<PeriodResult> p = r.periods();
        assertThat(p).extracting(PeriodResult::start).containsExactly("2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01");

        PeriodResult jan = p.get(0);
        assertThat(jan.end()).isEqualTo("2023-02-01");
        assertThat(jan.commits()).isEqualTo(2);
        assertThat(jan.languages()).isEqualTo(Map.of("C", 13L, "Markdown", 1L));
        assertThat(jan.added()).isEqualTo(Map.of("C", 15L, "Markdown", 1L));
        assertThat(jan.deleted()).isEqualTo(Map.of("C", 2L));
        assertThat(jan.addedLines()).isEqualTo(jan.added()); // no comment or blank line was touched
        assertThat(jan.deletedLines()).isEqualTo(jan.deleted());
        assertThat(jan.newUnsafeShare()).isEqualTo(1.0);

        PeriodResult feb = p.get(1);
        assertThat(feb.commits()).isEqualTo(1); // branch commits are not on the first-parent chain
        assertThat(feb.languages()).isEqualTo(Map.of("C", 13L, "C++", 4L, "Markdown", 1L));
        assertThat(feb.added()).isEqualTo(Map.of("C++", 4L));
        assertThat(feb.addedLines()).isEqualTo(Map.of("C++", 6L)); // b.cpp's two comment lines are physical lines

        PeriodResult mar = p.get(2);
        assertThat(mar.commit()).isEqualTo(git.repo.resolve("main~1").name());
        assertThat(mar.languages()).isEqualTo(Map.of("C", 13L, "C++", 4L, "Rust", 8L, "Markdown", 1L));
        assertThat(mar.added()).isEqualTo(Map.of("Rust", 8L, "C++", 1L)); // the pure rename of a.c adds nothing
        assertThat(mar.deleted()).isEqualTo(Map.of("C++", 1L));
        assertThat(mar.addedLines()).isEqualTo(Map.of("Rust", 9L, "C++", 1L)); // lib.rs has a comment line
        assertThat(mar.deletedLines()).isEqualTo(Map.of("C++", 1L));
        assertThat(mar.newUnsafeShare()).isCloseTo(1.0 / 9, within(1e-4));
        assertThat(mar.memoryUnsafeShare()).isCloseTo(17.0 / 25, within(1e-4));

        PeriodResult apr = p.get(3);
        assertThat(apr.commits()).isZero();
        assertThat(apr.commit()).isEqualTo(mar.commit());
        assertThat(apr.added()).isEmpty();
        assertThat(apr.newUnsafeShare()).isNull();

        PeriodResult may = p.get(4);
        assertThat(may.commit()).isEqualTo(tip.name());
        assertThat(may.languages()).isEqualTo(Map.of("C", 13L, "C++", 4L, "Rust", 8L, "Go", 3L));
        assertThat(may.added()).isEqualTo(Map.of("Go", 3L));
        assertThat(may.deleted()).isEqualTo(Map.of("Markdown", 1L));
        assertThat(may.addedLines()).isEqualTo(Map.of("Go", 4L)); // main.go's blank line
        assertThat(may.deletedLines()).isEqualTo(Map.of("Markdown", 1L));
        assertThat(may.newUnsafeShare()).isEqualTo(0.0);
        assertThat(may.memoryUnsafeShare()).isCloseTo(17.0 / 28, within(1e-4));
    }

    @Test
    void quartersAndRanges() throws Exception {
        HistoryEngine.Result r = run(tmp.resolve("q.db"), PeriodKind.quarter);
        assertThat(r.periods()).extracting(PeriodResult::start).containsExactly("2023-01-01", "2023-04-01");
        assertThat(r.periods().get(0).added()).isEqualTo(Map.of("C", 15L, "C++", 5L, "Rust", 8L, "Markdown", 1L));
        try (HistoryStore store = HistoryStore.open(tmp.resolve("q.db"))) {
            HistoryEngine.Result ranged = HistoryEngine.run(git.repo, store, new HistoryEngine.Request(
                    "main", LocalDate.parse("2023-02-14"), LocalDate.parse("2023-03-01"), PeriodKind.month, false, 1 << 30));
            assertThat(ranged.periods()).extracting(PeriodResult::start).containsExactly("2023-02-01", "2023-03-01");
            assertThat(ranged.stats().commitsInRange()).isEqualTo(3);
        }
    }

    @Test
    void secondRunReusesTheStoreAndOnlyProcessesNewCommits() throws Exception {
        Path db = tmp.resolve("store.db");
        HistoryEngine.Result first = run(db, PeriodKind.month);
        assertThat(first.stats().firstParentCommits()).isEqualTo(6);
        assertThat(first.stats().commitsProcessed()).isEqualTo(6);
        assertThat(first.stats().blobsCounted()).isPositive();

        HistoryEngine.Result second = run(db, PeriodKind.month);
        assertThat(second.stats().commitsProcessed()).isZero();
        assertThat(second.stats().blobsCounted()).isZero();
        assertThat(second.stats().snapshotsComputed()).isZero();
        assertThat(second.periods()).isEqualTo(first.periods());

        Map<String, String> files = new HashMap<>();
        files.put("src/a.c", A_C_EDITED);
        files.put("src/b2.cpp", B_CPP.replace("int b3;", "int b3 = 3;"));
        files.put("lib.rs", LIB_RS_2);
        files.put("main.go", "package main\n\nfunc main() {\n\tprintln(1)\n\tprintln(2)\n}\n");
        ObjectId next = git.commit(files, "2023-05-20T10:00:00Z", tip);
        git.setBranch("main", next);

        HistoryEngine.Result third = run(db, PeriodKind.month);
        assertThat(third.stats().commitsProcessed()).isEqualTo(1);
        assertThat(third.stats().blobsCounted()).isEqualTo(1); // only the new main.go
        assertThat(third.periods().get(4).added()).isEqualTo(Map.of("Go", 5L));
        assertThat(third.periods().subList(0, 4)).isEqualTo(first.periods().subList(0, 4));
    }

    @Test
    void aStoreWrittenBeforePhysicalLinesIsRecomputedNotMisread() throws Exception {
        // the layout of counter version 1: deltas without added_lines/deleted_lines, and a made-up delta for the
        // tip that must not survive
        Path db = tmp.resolve("old.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var s = c.createStatement()) {
            s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("INSERT INTO meta VALUES('counter_version', '1')");
            s.execute("CREATE TABLE commits(key TEXT PRIMARY KEY, commit_time INTEGER NOT NULL)");
            s.execute("CREATE TABLE deltas(key TEXT NOT NULL, language TEXT NOT NULL, added INTEGER, deleted INTEGER,"
                    + " PRIMARY KEY(key, language))");
            s.execute("INSERT INTO commits VALUES('" + tip.name() + "', 0)");
            s.execute("INSERT INTO deltas VALUES('" + tip.name() + "', 'Go', 999, 0)");
        }
        HistoryEngine.Result r = run(db, PeriodKind.month);
        assertThat(r.stats().commitsProcessed()).isEqualTo(6);
        assertThat(r.periods().get(4).added()).isEqualTo(Map.of("Go", 3L));
        assertThat(r.periods().get(4).addedLines()).isEqualTo(Map.of("Go", 4L));
    }
}
