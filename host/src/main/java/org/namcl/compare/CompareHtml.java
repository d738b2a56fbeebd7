package org.namcl.compare;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.data.xy.XYSeries;
import org.namcl.render.AtomicFile;
import org.namcl.report.Html;
import org.namcl.report.SvgCharts;

/**
 * {@code compare --html}: one self-contained page (no network access when opened) with every
 * pair in a table, worst first, and for the worst few the difference over time beside the
 * baseline's level and the difference's spectrum.
 */
public final class CompareHtml {
    /** Pairs charted in the page: the worst ones. */
    public static final int CHARTED = 5;
    private static final Color BASELINE = new Color(0x1f77b4);
    private static final Color DIFFERENCE = new Color(0xd62728);
    private static final String STYLE = Html.BASE_STYLE + """
            td:nth-child(-n+5), td:last-child { text-align: left; }
            tr.fail td:nth-child(5), tr.error td:nth-child(5) { color: #b42318; font-weight: bold; }
            tr.pass td:nth-child(5) { color: #1a7f37; }
            """;

    private CompareHtml() {
    }

    public static void write(Path file, CompareReport report, Map<PairComparison, DifferenceTrace.Trace> traces,
                             String version, List<String> arguments) throws IOException {
        AtomicFile.write(file, page(report, traces, version, arguments).getBytes(StandardCharsets.UTF_8),
                "the HTML report");
    }

    static String page(CompareReport report, Map<PairComparison, DifferenceTrace.Trace> traces, String version,
                       List<String> arguments) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>namcl compare</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>namcl compare</h1>\n");
        b.append("<p class=\"run\">namcl ").append(Html.escape(version)).append(": ")
                .append(Html.escape(String.join(" ", arguments))).append("</p>\n");
        for (String line : report.summary()) {
            b.append("<p>").append(Html.escape(line)).append("</p>\n");
        }
        b.append("<table>\n<tr><th>model</th><th>input</th><th>side</th><th>baseline</th><th>verdict</th><th>ESR</th>")
                .append("<th>max|d| / peak</th><th>worst at (s)</th><th>ulps</th><th>bit-identical</th>")
                .append("<th>problem</th></tr>\n");
        for (PairComparison p : report.worstFirst()) {
            Difference d = p.difference();
            String verdict = p.verdict().name().toLowerCase(Locale.ROOT);
            b.append("<tr class=\"").append(verdict).append("\">");
            cell(b, p.model().getFileName().toString());
            cell(b, p.input().toString());
            cell(b, p.side());
            cell(b, p.baseline());
            cell(b, verdict);
            cell(b, d == null ? "" : number(d.esr()));
            cell(b, d == null ? "" : number(d.maxAbsPerPeak()));
            cell(b, d == null || d.worstFrame() < 0 || p.sampleRate() == 0 ? ""
                    : String.format(Locale.ROOT, "%.4f", d.worstFrame() / (double) p.sampleRate()));
            cell(b, d == null ? "" : Long.toString(d.maxUlps()));
            cell(b, d == null ? "" : String.format(Locale.ROOT, "%.6g%%", 100 * d.identical()));
            cell(b, p.problem() == null ? "" : p.problem());
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        List<PairComparison> charted = traces.keySet().stream()
                .sorted(Comparator.comparingDouble(PairComparison::badness).reversed()).toList();
        for (int i = 0; i < charted.size(); i++) {
            PairComparison p = charted.get(i);
            DifferenceTrace.Trace t = traces.get(p);
            b.append("<section>\n<h2>").append(Html.escape(p.model().getFileName() + " / " + p.input() + " on "
                    + p.side())).append("</h2>\n<p class=\"path\">against ").append(Html.escape(p.baseline()))
                    .append("</p>\n<div class=\"grid\">\n");
            figure(b, overTime(t, "pair" + i + "-time"));
            figure(b, spectrum(t, "pair" + i + "-spectrum"));
            b.append("</div>\n</section>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static String overTime(DifferenceTrace.Trace t, String id) {
        XYSeries base = new XYSeries("baseline RMS");
        XYSeries diff = new XYSeries("difference RMS");
        for (int i = 0; i < t.seconds().length; i++) {
            base.add(t.seconds()[i], t.baselineDb()[i]);
            diff.add(t.seconds()[i], t.errorDb()[i]);
        }
        return SvgCharts.lines("Difference over time", "time (s)", "dBFS", id, false, List.of(BASELINE, DIFFERENCE),
                base, diff);
    }

    private static String spectrum(DifferenceTrace.Trace t, String id) {
        XYSeries diff = new XYSeries("difference");
        for (int i = 0; i < t.frequencies().length; i++) {
            diff.add(t.frequencies()[i], t.differenceDb()[i]);
        }
        return SvgCharts.lines("Difference spectrum", "frequency (Hz)", "dB re full scale", id, true,
                List.of(DIFFERENCE), diff);
    }

    private static void figure(StringBuilder b, String svg) {
        b.append("<figure class=\"chart\">").append(svg).append("</figure>\n");
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td>").append(Html.escape(text)).append("</td>");
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "";
    }
}
