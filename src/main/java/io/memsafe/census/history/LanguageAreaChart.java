package io.memsafe.census.history;

import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.Safety;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Code lines per language over time, stacked: memory-unsafe languages at the bottom in reds, memory-safe ones above
 * them in greens, so the boundary between the two colour families is the unsafe total and the top edge the code
 * base. "Other" files (scripts, docs, data, translations) are left out: they are in neither side of the share, and a
 * 489k-line translation catalogue would flatten everything else.
 */
public final class LanguageAreaChart {

    /** Languages drawn per class; the smaller ones of a class are summed into one "other memory-…" band. */
    static final int MAX_PER_CLASS = 5;

    private static final Color[] REDS = {new Color(0xc0392b), new Color(0xe74c3c), new Color(0xd35400), new Color(0xe67e22),
            new Color(0xf1948a), new Color(0xfad7a0)};
    private static final Color[] GREENS = {new Color(0x1e8449), new Color(0x27ae60), new Color(0x2e86c1), new Color(0x52be80),
            new Color(0x85c1e9), new Color(0xa9dfbf)};

    private LanguageAreaChart() {
    }

    /** A bare {@code <svg>} element, for inlining in an HTML page; same periods, same bytes. */
    public static String svgElement(List<PeriodResult> periods, String title, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("memsafe-area"); // deterministic ids, distinct from the share chart's on the same page
        chart(periods, title).draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
        return g2.getSVGElement();
    }

    /**
     * The bands from bottom to top: per class (unsafe, then safe) the languages by their largest size in the history,
     * the biggest first, then the rest of the class summed into one band. Each band is a list of language names.
     */
    static List<Band> bands(List<PeriodResult> periods) {
        Map<String, Long> peak = new HashMap<>();
        for (PeriodResult p : periods) {
            p.languages().forEach((lang, code) -> peak.merge(lang, code, Math::max));
        }
        List<Band> bands = new ArrayList<>();
        for (Safety s : List.of(Safety.UNSAFE, Safety.SAFE)) {
            List<String> langs = peak.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && LanguageTable.safetyOf(e.getKey()) == s)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
            int shown = langs.size() <= MAX_PER_CLASS + 1 ? langs.size() : MAX_PER_CLASS;
            for (int i = 0; i < shown; i++) {
                bands.add(new Band(langs.get(i), s, List.of(langs.get(i))));
            }
            if (shown < langs.size()) {
                bands.add(new Band("other " + s.label(), s, langs.subList(shown, langs.size())));
            }
        }
        return bands;
    }

    /** One stacked band: its legend name, its class and the languages summed in it. */
    record Band(String name, Safety safety, List<String> languages) {
        long code(PeriodResult p) {
            return languages.stream().mapToLong(l -> p.languages().getOrDefault(l, 0L)).sum();
        }
    }

    static JFreeChart chart(List<PeriodResult> periods, String title) {
        System.setProperty("java.awt.headless", "true");
        List<Band> bands = bands(periods);
        TimeTableXYDataset data = new TimeTableXYDataset();
        for (PeriodResult p : periods) {
            LocalDate d = LocalDate.parse(p.start());
            Day day = new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            for (Band b : bands) {
                data.add(day, b.code(p), b.name(), false);
            }
        }
        JFreeChart chart = ChartFactory.createStackedXYAreaChart(title, "period", "code lines", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new DateAxis("period"));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        int unsafe = 0;
        int safe = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) { // none for an empty history
            Color c = bands.get(i).safety() == Safety.UNSAFE ? REDS[unsafe++ % REDS.length] : GREENS[safe++ % GREENS.length];
            plot.getRenderer().setSeriesPaint(i, c); // series are in band order: the first period added them so
        }
        return chart;
    }
}
