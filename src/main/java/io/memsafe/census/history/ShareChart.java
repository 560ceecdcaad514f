package io.memsafe.census.history;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The history chart: memory-unsafe share of the code base and of new code, per period, drawn with JFreeChart and
 * written as PNG or, through JFreeSVG, as SVG.
 */
public final class ShareChart {

    /** Series names, as shown in the legend. */
    public static final String BASE_SERIES = "code base";
    public static final String NEW_SERIES = "new code (lines added in the period)";

    private ShareChart() {
    }

    /** The image format a chart file gets from its name: SVG for {@code .svg}, PNG otherwise. */
    public enum Format {
        PNG, SVG;

        public static Format of(Path file) {
            Path name = file.getFileName();
            return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? SVG : PNG;
        }
    }

    /** The chart as the bytes of a file of the given format (a standalone SVG document for SVG). */
    public static byte[] render(List<PeriodResult> periods, String title, int width, int height, Format format) throws IOException {
        return switch (format) {
            case PNG -> png(periods, title, width, height);
            case SVG -> svgDocument(periods, title, width, height).getBytes(StandardCharsets.UTF_8);
        };
    }

    public static byte[] png(List<PeriodResult> periods, String title, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart(periods, title), width, height);
        return out.toByteArray();
    }

    /**
     * A standalone SVG document: XML declaration and the {@code <svg>} element. (JFreeSVG's own document form adds a
     * DOCTYPE pointing to the SVG 1.0 DTD on the web, which XML tools would try to fetch; SVG needs none.)
     */
    public static String svgDocument(List<PeriodResult> periods, String title, int width, int height) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(periods, title, width, height) + "\n";
    }

    /** A bare {@code <svg>} element, for inlining in an HTML page. */
    public static String svgElement(List<PeriodResult> periods, String title, int width, int height) {
        return svgGraphics(periods, title, width, height).getSVGElement();
    }

    private static SVGGraphics2D svgGraphics(List<PeriodResult> periods, String title, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // JFreeSVG's default prefix for clip and gradient ids is derived from the clock; a fixed one keeps the output
        // deterministic (same history, same bytes)
        g2.setDefsKeyPrefix("memsafe");
        chart(periods, title).draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
        return g2;
    }

    static JFreeChart chart(List<PeriodResult> periods, String title) {
        System.setProperty("java.awt.headless", "true");
        TimeSeries base = new TimeSeries(BASE_SERIES);
        TimeSeries fresh = new TimeSeries(NEW_SERIES);
        for (PeriodResult p : periods) {
            Day day = day(LocalDate.parse(p.start()));
            if (p.memoryUnsafeShare() != null) {
                base.addOrUpdate(day, p.memoryUnsafeShare() * 100);
            }
            if (p.newUnsafeShare() != null) {
                fresh.addOrUpdate(day, p.newUnsafeShare() * 100);
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(base);
        data.addSeries(fresh);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "period", "memory-unsafe share (%)", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 100);
        y.setNumberFormatOverride(new DecimalFormat("0"));
        plot.getRenderer().setSeriesPaint(0, new Color(0xc0392b));
        plot.getRenderer().setSeriesPaint(1, new Color(0x2980b9));
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2.5f));
        plot.getRenderer().setSeriesStroke(1, new BasicStroke(1.5f));
        return chart;
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
