package org.namcl.eval;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.namcl.report.SvgCharts;

/** The report's charts, drawn by JFreeChart as SVG elements for inlining in the HTML page. */
final class EvalCharts {
    static final int WIDTH = SvgCharts.WIDTH;
    private static final Color TARGET = new Color(0x1f77b4);
    private static final Color OUTPUT = new Color(0xff7f0e);
    private static final Color RESIDUAL = new Color(0x2ca02c);

    private EvalCharts() {
    }

    /** A model's name and the ESR it ranks by. */
    record Ranked(String name, double esr) {
    }

    /** Horizontal bars of ESR on a log axis, best at the top. */
    static String ranking(List<Ranked> models, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < models.size(); i++) {
            // the rank keeps two models of one name apart
            data.addValue(models.get(i).esr(), "ESR", (i + 1) + ". " + models.get(i).name());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "ESR (log scale)", data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        double smallest = models.stream().mapToDouble(Ranked::esr).filter(e -> e > 0).min().orElse(1e-6);
        LogAxis axis = SvgCharts.decades("ESR (log scale)", new DecimalFormat("0.####E0"));
        axis.setSmallestValue(smallest / 2);
        plot.setRangeAxis(axis);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, OUTPUT);
        SvgCharts.style(chart);
        return SvgCharts.svg(chart, WIDTH, Math.max(160, 60 + 22 * models.size()), id);
    }

    /** Output over target in the zoom window, time in ms from the DI's start. */
    static String zoom(ChartData c, String id) {
        XYSeries t = new XYSeries("target");
        XYSeries y = new XYSeries("output");
        for (int i = 0; i < c.zoomOutput().length; i++) {
            double ms = (c.zoomStart() + i) * 1000.0 / c.sampleRate();
            t.add(ms, c.zoomTarget()[i]);
            y.add(ms, c.zoomOutput()[i]);
        }
        return SvgCharts.lines("Output vs target (zoom)", "time (ms)", "sample", id, false, List.of(TARGET, OUTPUT), t, y);
    }

    /** The whole segment's envelope: per bucket the min and max of target and output. */
    static String envelope(ChartData c, String id) {
        XYSeries tHi = new XYSeries("target max");
        XYSeries tLo = new XYSeries("target min");
        XYSeries yHi = new XYSeries("output max");
        XYSeries yLo = new XYSeries("output min");
        for (int b = 0; b < c.envelopeMin()[0].length; b++) {
            double s = b * c.envelopeBucket() / (double) c.sampleRate();
            tHi.add(s, c.envelopeMax()[1][b]);
            tLo.add(s, c.envelopeMin()[1][b]);
            yHi.add(s, c.envelopeMax()[0][b]);
            yLo.add(s, c.envelopeMin()[0][b]);
        }
        return SvgCharts.lines("Envelope (whole segment)", "time from the segment's start (s)", "sample", id, false,
                List.of(TARGET, TARGET, OUTPUT, OUTPUT), tHi, tLo, yHi, yLo);
    }

    /** Magnitude spectra of target, output and residual on a log frequency axis. */
    static String spectra(ChartData c, String id) {
        XYSeries t = new XYSeries("target");
        XYSeries y = new XYSeries("output");
        XYSeries r = new XYSeries("residual");
        for (int i = 0; i < c.frequencies().length; i++) {
            t.add(c.frequencies()[i], c.targetSpectrum()[i]);
            y.add(c.frequencies()[i], c.outputSpectrum()[i]);
            r.add(c.frequencies()[i], c.residualSpectrum()[i]);
        }
        return SvgCharts.lines("Magnitude spectra", "frequency (Hz)", "dB re full scale", id, true,
                List.of(TARGET, OUTPUT, RESIDUAL), t, y, r);
    }

    /** The residual's RMS over time, beside the target's. */
    static String error(ChartData c, String id) {
        XYSeries t = new XYSeries("target RMS");
        XYSeries e = new XYSeries("error RMS");
        for (int i = 0; i < c.errorSeconds().length; i++) {
            t.add(c.errorSeconds()[i], c.targetRmsDb()[i]);
            e.add(c.errorSeconds()[i], c.errorRmsDb()[i]);
        }
        return SvgCharts.lines("Error over time", "time (s)", "dBFS", id, false, List.of(TARGET, RESIDUAL), t, e);
    }
}
