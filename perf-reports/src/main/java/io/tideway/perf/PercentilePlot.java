package io.tideway.perf;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The percentile plot of a scenario: one series per configuration, x = {@code 1/(1-p)} on a log
 * axis labelled 90%, 99%, 99.9%..., y = latency in µs on a log axis; a PNG written with XChart
 * (headless). Used by one thread at a time.
 */
final class PercentilePlot {
    private final XYChart chart;

    PercentilePlot(String title) {
        chart = new XYChartBuilder().width(1000).height(620).title(title)
                .xAxisTitle("percentile").yAxisTitle("latency (µs)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(PercentilePlot::label);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    /** 10 → "90%", 100 → "99%", 1000 → "99.9%"; 1 → "0%". */
    static String label(double x) {
        if (x < 1.5) {
            return "0%";
        }
        int nines = (int) Math.round(Math.log10(x));
        if (Math.abs(x - Math.pow(10, nines)) > 1e-6 * x) {
            return "";
        }
        if (nines == 1) {
            return "90%";
        }
        return "99" + (nines > 2 ? "." + "9".repeat(nines - 2) : "") + "%";
    }

    /** Adds a configuration; a histogram with no values is skipped. */
    void add(String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            if (p >= 1.0) {
                break;
            }
            xs.add(1.0 / (1.0 - p));
            ys.add(Math.max(0.001, v.getValueIteratedTo() / 1000.0));
        }
        xs.add((double) h.getTotalCount());
        ys.add(Math.max(0.001, h.getMaxValue() / 1000.0));
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
    }

    void savePng(Path file) throws IOException {
        String stem = file.toString().replaceAll("\\.png$", "");
        BitmapEncoder.saveBitmap(chart, stem, BitmapEncoder.BitmapFormat.PNG);
    }
}
