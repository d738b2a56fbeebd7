package org.namcl.eval;

import java.util.function.Function;

/**
 * The fields of one result as every report writes them (JSON, CSV, the results database), in
 * this order; a field the result does not have is null.
 */
public enum ResultField {
    MODEL(true, EvalResult::model),
    MODEL_NAME(true, EvalResult::modelName),
    MODEL_VALIDATION_ESR(false, EvalResult::modelValidationEsr),
    MODEL_INFO(true, EvalResult::modelInfo),
    PAIR(true, EvalResult::pair),
    INPUT(true, EvalResult::input),
    TARGET(true, EvalResult::target),
    ESR(false, m(PairMetrics::esr)),
    ESR_PRE_EMPHASIS(false, m(PairMetrics::esrPreEmphasis)),
    VALIDATION_ESR(false, EvalResult::validationEsr),
    LATENCY(false, m(PairMetrics::latency)),
    SEGMENT_START(false, m(PairMetrics::start)),
    SEGMENT_LENGTH(false, m(PairMetrics::length)),
    GAIN_DB(false, m(PairMetrics::gainDb)),
    DC_OFFSET(false, m(PairMetrics::dcOffset)),
    RESIDUAL_RMS_DBFS(false, m(PairMetrics::residualRmsDbfs)),
    OUTPUT_PEAK(false, m(PairMetrics::outputPeak)),
    TARGET_PEAK(false, m(PairMetrics::targetPeak)),
    RESIDUAL_PEAK(false, m(PairMetrics::residualPeak)),
    VERDICT(true, EvalResult::verdict),
    PROBLEM(true, EvalResult::problem);

    /** Whether the field is text (else a number). */
    public final boolean text;
    private final Function<EvalResult, Object> value;

    ResultField(boolean text, Function<EvalResult, Object> value) {
        this.text = text;
        this.value = value;
    }

    /** The snake_case name reports use. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Object of(EvalResult r) {
        return value.apply(r);
    }

    private static Function<EvalResult, Object> m(Function<PairMetrics, Object> f) {
        return r -> r.metrics() == null ? null : f.apply(r.metrics());
    }

    /** A result (without charts) from its fields as {@code get} gives them by key (numbers as any Number). */
    public static EvalResult read(Function<String, Object> get) {
        PairMetrics metrics = get.apply(LATENCY.key()) == null ? null : new PairMetrics(
                ((Number) get.apply(LATENCY.key())).intValue(),
                ((Number) get.apply(SEGMENT_START.key())).longValue(),
                ((Number) get.apply(SEGMENT_LENGTH.key())).longValue(),
                real(get.apply(ESR.key())), real(get.apply(ESR_PRE_EMPHASIS.key())), real(get.apply(GAIN_DB.key())),
                real(get.apply(DC_OFFSET.key())), real(get.apply(RESIDUAL_RMS_DBFS.key())),
                real(get.apply(OUTPUT_PEAK.key())), real(get.apply(TARGET_PEAK.key())),
                real(get.apply(RESIDUAL_PEAK.key())));
        return new EvalResult((String) get.apply(MODEL.key()), (String) get.apply(MODEL_NAME.key()),
                real(get.apply(MODEL_VALIDATION_ESR.key())), (String) get.apply(MODEL_INFO.key()),
                (String) get.apply(PAIR.key()),
                (String) get.apply(INPUT.key()), (String) get.apply(TARGET.key()), metrics,
                real(get.apply(VALIDATION_ESR.key())), (String) get.apply(PROBLEM.key()), null);
    }

    private static Double real(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
