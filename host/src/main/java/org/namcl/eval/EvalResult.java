package org.namcl.eval;

/**
 * One (model, pair) of an evaluation: its metrics, or why there are none.
 *
 * @param model              the model file
 * @param modelName          its name (the file name without .nam)
 * @param modelValidationEsr the model's own {@code metadata.training.validation_esr}, or null
 * @param modelInfo          what the model's metadata says of it (name, gear, maker), or null
 * @param pair               the pair's name
 * @param metrics            null when the pair failed before it could be compared
 * @param validationEsr      ESR over the trainer's validation split (NAM v3 inputs), or null
 * @param problem            what went wrong (a failure, or an undefined ESR), or null
 * @param charts             what the HTML report draws of it, or null (not asked for, or no metrics)
 */
public record EvalResult(String model, String modelName, Double modelValidationEsr, String modelInfo, String pair,
                         String input,
                         String target, PairMetrics metrics, Double validationEsr, String problem, ChartData charts) {

    public EvalResult withCharts(ChartData c) {
        return new EvalResult(model, modelName, modelValidationEsr, modelInfo, pair, input, target, metrics,
                validationEsr, problem, c);
    }

    /** Whether it counts as a failure for the exit code. */
    public boolean failed() {
        return problem != null;
    }

    /** The ESR it ranks by; null (ranked last) when unknown. */
    public Double esr() {
        return metrics == null ? null : metrics.esr();
    }

    /**
     * A word for people, on the scale NAM's trainer comments its ESR with: great below 0.01,
     * good below 0.035, fair below 0.1, poor below 0.3, else bad.
     */
    public String verdict() {
        Double e = esr();
        if (metrics == null) {
            return "failed";
        }
        if (e == null) {
            return "undefined";
        }
        return e < 0.01 ? "great" : e < 0.035 ? "good" : e < 0.1 ? "fair" : e < 0.3 ? "poor" : "bad";
    }
}
