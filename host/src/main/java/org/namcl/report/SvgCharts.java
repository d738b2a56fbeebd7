package org.namcl.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Charts of namcl's HTML reports, drawn by JFreeChart as SVG elements for inlining in a page. */
public final class SvgCharts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 300;

    static {
        // charts are drawn off screen, also where no display exists
        System.setProperty("java.awt.headless", "true");
    }

    private SvgCharts() {
    }

    /**
     * Lines over x, one series each, in the colours given.
     *
     * @param id the element's id, unique on the page
     * @param logX whether the x axis is logarithmic (ticked once a decade)
     */
    public static String lines(String title, String x, String y, String id, boolean logX, List<Color> colors,
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
    public static LogAxis decades(String label, NumberFormat format) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(format);
        return axis;
    }

    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xf7f7f7));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        }
    }

    public static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // clip paths and gradients get ids: unique per chart, as many share one page
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(SvgCharts::tenth);
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
