package io.memsafe.harden;

import io.memsafe.harden.checks.Check;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.Verdict;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps each check's declared {@code kinds} honest: a check may only give a verdict on a kind it declares. */
final class DeclaredApplicability {
    private DeclaredApplicability() {}

    static void assertConsistent(BinaryReport report) {
        for (Check c : CheckCatalog.all()) {
            Verdict v = report.verdicts().get(c.id());
            if (v == null || v.satisfied() == null) continue;
            assertThat(List.of(c.mitigation().kinds())).as(c.id() + " gave a verdict on a " + report.kind() + " (" + report.path() + ")")
                    .contains(report.kind());
        }
    }

    static void assertConsistent(Map<String, BinaryReport> reports) {
        reports.values().forEach(DeclaredApplicability::assertConsistent);
    }
}
