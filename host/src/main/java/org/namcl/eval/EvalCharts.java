package org.namcl.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** The report's charts, drawn by JFreeChart as SVG elements for inlining in the HTML page. */
final class EvalCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 300;
    private static final Color TARGET = new Color(0x1f77b4);
    private static final Color OUTPUT = new Color(0xff7f0e);
    private static final Color RESIDUAL = new Color(0x2ca02c);

    static {
        // charts are drawn off screen, also where no display exists
        System.setProperty("java.awt.headless", "true");
    }

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
        LogAxis axis = decades("ESR (log scale)", new DecimalFormat("0.####E0"));
        axis.setSmallestValue(smallest / 2);
        plot.setRangeAxis(axis);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, OUTPUT);
        style(chart);
        return svg(chart, WIDTH, Math.max(160, 60 + 22 * models.size()), id);
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
        return lines("Output vs target (zoom)", "time (ms)", "sample", id, false, List.of(TARGET, OUTPUT), t, y);
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
        return lines("Envelope (whole segment)", "time from the segment's start (s)", "sample", id, false,
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
        return lines("Magnitude spectra", "frequency (Hz)", "dB re full scale", id, true,
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
        return lines("Error over time", "time (s)", "dBFS", id, false, List.of(TARGET, RESIDUAL), t, e);
    }

    private static String lines(String title, String x, String y, String id, boolean logX, List<Color> colors,
                                XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        if (logX) {
            plot.setDomainAxis(decades(x, new DecimalFormat("#,##0")));
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per series, not an element per segment
        for (int i = 0; i < series.length; i++) {
            renderer.setSeriesPaint(i, colors.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(1.2f));
        }
        plot.setRenderer(renderer);
        style(chart);
        return svg(chart, WIDTH, HEIGHT, id);
    }

    /** A log axis ticked once a decade, the values (not their exponents) written in {@code format}. */
    private static LogAxis decades(String label, NumberFormat format) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(format);
        return axis;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xf7f7f7));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        }
    }

    private static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // clip paths and gradients get ids: unique per chart, as many share one page
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(EvalCharts::tenth);
        chart.draw(g, new Rectangle(0, 0, width, height));
        // a view box lets the page scale the chart to its column
        return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** Coordinates to a tenth of a pixel: finer is invisible and only makes the page bigger. */
    private static String tenth(double d) {
        long tenths = Math.round(d * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }
}
