package io.memsafe.census.history;

import io.memsafe.census.lang.Safety;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageAreaChartTest {

    private static PeriodResult period(String start, Map<String, Long> code) {
        return new PeriodResult(start, start, "0123456789abcdef0123456789abcdef01234567", 1, code, Map.of(), Map.of(), Map.of(), Map.of(),
                null, null, 0);
    }

    private static Map<String, Long> code(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }

    private static final List<PeriodResult> PERIODS = List.of(
            period("2023-01-01", code("C++", 900, "C", 50, "PO File", 489_000, "Python", 30)),
            period("2023-02-01", code("C++", 400, "C", 60, "Rust", 700, "PO File", 489_000, "Python", 30)),
            period("2023-03-01", code("C", 60, "Rust", 1400, "Python", 35)));

    @Test
    void unsafeBandsAtTheBottomThenSafeOnesOthersLeftOut() {
        // within a class by peak size: C++ (900) before C (60); Rust (1400) before Python (35); PO files not drawn
        assertThat(LanguageAreaChart.bands(PERIODS)).extracting(LanguageAreaChart.Band::name)
                .containsExactly("C++", "C", "Rust", "Python");
        assertThat(LanguageAreaChart.bands(PERIODS)).extracting(LanguageAreaChart.Band::safety)
                .containsExactly(Safety.UNSAFE, Safety.UNSAFE, Safety.SAFE, Safety.SAFE);
    }

    @Test
    void smallLanguagesOfAClassShareOneBand() {
        Map<String, Long> many = code("C", 100, "C++", 90, "Objective-C", 80, "Objective-C++", 70, "Assembly", 60,
                "Go", 1, "Rust", 2, "Java", 3, "Kotlin", 4, "Swift", 5, "Python", 6, "Ruby", 7);
        List<LanguageAreaChart.Band> bands = LanguageAreaChart.bands(List.of(period("2024-01-01", many)));
        // five unsafe languages fit exactly (no band of one); seven safe ones: five drawn, two summed
        assertThat(bands).extracting(LanguageAreaChart.Band::name).containsExactly(
                "C", "C++", "Objective-C", "Objective-C++", "Assembly",
                "Ruby", "Python", "Swift", "Kotlin", "Java", "other memory-safe");
        assertThat(bands.getLast().code(period("x", many))).isEqualTo(1 + 2);
    }

    @Test
    void svgHasALegendEntryPerBandAndIsDeterministic() {
        String svg = LanguageAreaChart.svgElement(PERIODS, "Code per language", 540, 400);
        assertThat(svg).startsWith("<svg").contains(">C++</text>", ">Rust</text>", ">Code per language</text>")
                .doesNotContain("PO File");
        assertThat(svg).contains("rgb(192,57,43)", "rgb(30,132,73)"); // first unsafe band red, first safe band green
        assertThat(LanguageAreaChart.svgElement(PERIODS, "Code per language", 540, 400)).isEqualTo(svg);
    }

    @Test
    void emptyHistoryStillDraws() {
        assertThat(LanguageAreaChart.svgElement(List.of(), "empty", 300, 200)).startsWith("<svg");
    }
}
