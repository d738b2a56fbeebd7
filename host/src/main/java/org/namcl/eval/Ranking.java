package org.namcl.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders results best first: models by their mean ESR over the pairs where it is known (a model
 * with none known last), each model's results together in pair order.
 */
public final class Ranking {
    private Ranking() {
    }

    public static List<EvalResult> rank(List<EvalResult> results) {
        Map<String, List<EvalResult>> byModel = new LinkedHashMap<>();
        for (EvalResult r : results) {
            byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
        }
        List<List<EvalResult>> models = new ArrayList<>(byModel.values());
        models.sort(Comparator.comparingDouble(Ranking::meanEsr));
        List<EvalResult> ranked = new ArrayList<>();
        models.forEach(ranked::addAll);
        return ranked;
    }

    /** The mean of the known ESRs; +infinity when none is known, so it sorts last. */
    static double meanEsr(List<EvalResult> rows) {
        return rows.stream().filter(r -> r.esr() != null && !r.failed()).mapToDouble(EvalResult::esr).average()
                .orElse(Double.POSITIVE_INFINITY);
    }
}
