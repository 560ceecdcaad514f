package io.memsafe.census.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetReportTest {

    /**
     * The fleet page's period table shows the physical lines the roll-up summed over the repositories (all languages
     * of a period), beside the code lines; a roll-up written before physical lines existed shows zeros, not an error.
     */
    @Test
    void thePeriodTableShowsThePhysicalLinesSummedOverTheFleet(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rollup.json"), """
                {"repositories": ["a", "b"], "periods": [
                  {"start": "2024-01-01", "end": "2024-02-01", "repositories": 2, "commits": 3,
                   "languages": {"C": 100, "Rust": 900}, "added": {"C": 90, "Rust": 900}, "deleted": {},
                   "added_lines": {"C": 120, "Rust": 1000, "Markdown": 7}, "deleted_lines": {"C": 3, "Markdown": 2},
                   "memory_unsafe_share": 0.1, "new_unsafe_share": 0.0909, "rust_unsafe_lines": 0},
                  {"start": "2024-02-01", "end": "2024-03-01", "repositories": 2, "commits": 1,
                   "languages": {"C": 100, "Rust": 900}, "added": {}, "deleted": {},
                   "memory_unsafe_share": 0.1, "new_unsafe_share": null, "rust_unsafe_lines": 0}],
                 "movers": []}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("fleet.json"), "{\"tasks\": [], \"hardening\": {}}", StandardCharsets.UTF_8);
        Path page = dir.resolve("fleet.html");

        List<Path> pages = FleetReport.write(dir, page);

        assertThat(pages).containsExactly(page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("<th>Lines added</th><th>Lines deleted</th>");
        // January: 120 + 1000 + 7 added, 3 + 2 deleted; February: none recorded
        assertThat(html).contains("<td>1127</td><td>5</td></tr>");
        assertThat(html).contains("<td class=\"l\">2024-02-01</td>").contains("<td>0</td><td>0</td></tr>");
    }
}
