package org.namcl.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.namcl.render.Printable;

/** The ranked table {@code eval} prints: one row per (model, pair), best model first. */
public final class ResultTable {
    private ResultTable() {
    }

    /** Prints {@code ranked} (as {@link Ranking#rank} orders it), columns padded to fit. */
    public static void print(List<EvalResult> ranked, PrintWriter out) {
        boolean manyPairs = ranked.stream().map(EvalResult::pair).distinct().count() > 1;
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("#", "model"));
        if (manyPairs) {
            head.add("pair");
        }
        head.addAll(List.of("ESR", "ESR pre-emph", "val ESR", "model val ESR", "latency", "gain dB", "verdict"));
        rows.add(head.toArray(String[]::new));
        int rank = 0;
        String lastModel = null;
        for (EvalResult r : ranked) {
            if (!r.model().equals(lastModel)) {
                rank++;
                lastModel = r.model();
            }
            PairMetrics m = r.metrics();
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank), Printable.of(r.modelName())));
            if (manyPairs) {
                row.add(Printable.of(r.pair()));
            }
            row.add(esr(m == null ? null : m.esr()));
            row.add(esr(m == null ? null : m.esrPreEmphasis()));
            row.add(esr(r.validationEsr()));
            row.add(esr(r.modelValidationEsr()));
            row.add(m == null ? "-" : Integer.toString(m.latency()));
            row.add(m == null || m.gainDb() == null ? "-" : String.format(Locale.ROOT, "%+.2f", m.gainDb()));
            row.add(r.verdict());
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[head.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean left = i == 1 || (manyPairs && i == 2) || i == row.length - 1;
                String cell = left ? String.format("%-" + width[i] + "s", row[i])
                        : String.format("%" + width[i] + "s", row[i]);
                b.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(b.toString().stripTrailing());
        }
        out.flush();
    }

    /** An ESR for people: four significant digits, "-" when unknown. */
    static String esr(Double e) {
        return e == null ? "-" : String.format(Locale.ROOT, "%.4g", e);
    }

    /**
     * The run's last line: how many (model, pair) were scored, taken from a results database
     * (scored by an earlier run), and failed.
     *
     * @param ranked every result
     * @param fromDatabase how many of them came from the results database
     * @return the line, without namcl's prefix
     */
    public static String summary(List<EvalResult> ranked, int fromDatabase) {
        long bad = ranked.stream().filter(EvalResult::failed).count();
        return (ranked.size() - bad - fromDatabase) + " scored, "
                + (fromDatabase > 0 ? fromDatabase + " from the results database, " : "") + bad + " failed";
    }
}
