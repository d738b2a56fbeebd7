package org.namcl.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.namcl.render.AtomicFile;
import org.namcl.report.Html;

/**
 * The HTML report ({@code --html}): one self-contained page (styles and SVG charts inline,
 * nothing fetched when opened) with the ranking as a bar chart of log ESR, the table, and per
 * model (the best {@value #DETAILED} in detail) its output against the target on its first pair:
 * a zoom window, the whole-segment envelope, magnitude spectra and the error over time. Every
 * name and path in it is escaped: model metadata and file names are strangers' data.
 */
public final class HtmlReport {
    /** Models drawn in detail; the page of a 10,000-model run stays a few megabytes. */
    static final int DETAILED = 20;
    /** Models in the ranking chart. */
    static final int CHARTED = 60;

    private HtmlReport() {
    }

    public static void write(EvalRun run, Path file) throws IOException {
        AtomicFile.write(file, page(run).getBytes(StandardCharsets.UTF_8), "the HTML report");
    }

    static String page(EvalRun run) {
        Map<String, List<EvalResult>> byModel = new LinkedHashMap<>();
        for (EvalResult r : run.ranked()) {
            byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>namcl eval report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>namcl eval</h1>\n<p class=\"run\">")
                .append(Html.escape(byModel.size() + " models, " + run.ranked().size() + " results; started " + run.started()
                        + "; engine " + run.engine() + "; settings " + run.settings() + "; namcl " + run.namclVersion()))
                .append("</p>\n");

        List<EvalCharts.Ranked> ranked = new ArrayList<>();
        for (List<EvalResult> rows : byModel.values()) {
            double esr = Ranking.meanEsr(rows);
            if (Double.isFinite(esr) && esr > 0 && ranked.size() < CHARTED) {
                ranked.add(new EvalCharts.Ranked(rows.get(0).modelName(), esr));
            }
        }
        b.append("<h2>Ranking</h2>\n");
        if (!ranked.isEmpty()) {
            b.append("<figure class=\"chart\">").append(EvalCharts.ranking(ranked, "ranking"))
                    .append("<figcaption>").append(Html.escape("Mean ESR over the pairs, the best "
                            + ranked.size() + " models; lower is better.")).append("</figcaption></figure>\n");
        }
        table(b, run.ranked());

        b.append("<h2>Models</h2>\n");
        int rank = 0;
        for (List<EvalResult> rows : byModel.values()) {
            rank++;
            if (rank > DETAILED) {
                b.append("<p>").append(Html.escape("The other " + (byModel.size() - DETAILED) + " models are in the table above."))
                        .append("</p>\n");
                break;
            }
            model(b, rank, rows);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, List<EvalResult> rows) {
        b.append("<table>\n<thead><tr>");
        for (String h : new String[] {"#", "model", "pair", "ESR", "ESR pre-emph", "val ESR", "model val ESR",
            "latency", "gain dB", "DC offset", "residual dBFS", "verdict", "problem"}) {
            b.append("<th>").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        int rank = 0;
        String last = null;
        for (EvalResult r : rows) {
            if (!r.model().equals(last)) {
                rank++;
                last = r.model();
            }
            PairMetrics m = r.metrics();
            b.append("<tr class=\"").append(r.verdict()).append("\">");
            cell(b, Integer.toString(rank));
            cell(b, r.modelName());
            cell(b, r.pair());
            cell(b, ResultTable.esr(m == null ? null : m.esr()));
            cell(b, ResultTable.esr(m == null ? null : m.esrPreEmphasis()));
            cell(b, ResultTable.esr(r.validationEsr()));
            cell(b, ResultTable.esr(r.modelValidationEsr()));
            cell(b, m == null ? "-" : Integer.toString(m.latency()));
            cell(b, m == null || m.gainDb() == null ? "-" : String.format(Locale.ROOT, "%+.2f", m.gainDb()));
            cell(b, m == null ? "-" : String.format(Locale.ROOT, "%.2e", m.dcOffset()));
            cell(b, m == null || m.residualRmsDbfs() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f", m.residualRmsDbfs()));
            cell(b, r.verdict());
            cell(b, r.problem() == null ? "" : r.problem());
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void model(StringBuilder b, int rank, List<EvalResult> rows) {
        EvalResult first = rows.get(0);
        b.append("<section>\n<h3>").append(Html.escape(rank + ". " + first.modelName())).append("</h3>\n");
        if (first.modelInfo() != null) {
            b.append("<p>").append(Html.escape(first.modelInfo())).append("</p>\n");
        }
        b.append("<p class=\"path\">").append(Html.escape(first.model())).append("</p>\n");
        EvalResult shown = rows.stream().filter(r -> r.charts() != null).findFirst().orElse(null);
        if (shown == null) {
            b.append("<p>").append(Html.escape(first.problem() != null ? first.problem() : "No charts for this model."))
                    .append("</p>\n</section>\n");
            return;
        }
        PairMetrics m = shown.metrics();
        b.append("<p>").append(Html.escape("Pair " + shown.pair() + ": ESR " + ResultTable.esr(m.esr()) + ", latency "
                + m.latency() + " samples" + (rows.size() > 1 ? " (the first of its " + rows.size() + " pairs)" : "")))
                .append("</p>\n<div class=\"grid\">\n");
        String id = "m" + rank;
        ChartData c = shown.charts();
        for (String svg : new String[] {EvalCharts.zoom(c, id + "-zoom"), EvalCharts.envelope(c, id + "-env"),
            EvalCharts.spectra(c, id + "-spec"), EvalCharts.error(c, id + "-err")}) {
            b.append("<figure class=\"chart\">").append(svg).append("</figure>\n");
        }
        b.append("</div>\n</section>\n");
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td>").append(Html.escape(text)).append("</td>");
    }

    private static final String STYLE = Html.BASE_STYLE + """
            td:nth-child(2), td:nth-child(3), td:last-child { text-align: left; }
            tr.great td:nth-child(12) { color: #1a7f37; } tr.good td:nth-child(12) { color: #4c8c2b; }
            tr.poor td:nth-child(12), tr.bad td:nth-child(12), tr.failed td:nth-child(12) { color: #b42318; }
            """;
}
