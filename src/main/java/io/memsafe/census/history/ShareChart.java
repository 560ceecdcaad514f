package io.memsafe.census.history;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.List;

/** The history chart: memory-unsafe share of the code base and of new code, per period, as a PNG (JFreeChart). */
public final class ShareChart {

    private ShareChart() {
    }

    public static byte[] png(List<PeriodResult> periods, String title, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        TimeSeries base = new TimeSeries("code base");
        TimeSeries fresh = new TimeSeries("new code (lines added in the period)");
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
