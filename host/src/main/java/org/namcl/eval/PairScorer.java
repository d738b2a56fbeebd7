package org.namcl.eval;

/**
 * Scores one model output against its pair's target: finds or takes the latency, checks the
 * target covers the DI shifted by it, and measures the segment asked for. On NAM's v3 input the
 * trainer's own methods apply: its blip latency (for auto), and its validation split, whose ESR
 * is reported beside the segment's.
 */
final class PairScorer {
    private final Latency latency;
    private final Segment segment;

    PairScorer(Latency latency, Segment segment) {
        this.latency = latency;
        this.segment = segment;
    }

    /** What the scorer found: the metrics over the segment, and the validation ESR when known. */
    record Score(PairMetrics metrics, Double validationEsr) {
    }

    /**
     * @param v3             whether the DI is NAM's v3 input (or is to be taken as one)
     * @param receptiveField the model's, for the trainer's validation split
     * @throws EvalException when the target is too short or the segment does not fit
     */
    Score score(float[] output, Recording target, boolean v3, int receptiveField) {
        float[] t = target.samples();
        int lag = !latency.auto() ? latency.forced()
                : v3 ? NamV3.latency(target) : Alignment.lag(output, t, Alignment.maxLag(target.sampleRate()));
        int n = output.length;
        if ((long) t.length < (long) n + lag) {
            throw new EvalException(target.file() + ": target too short: " + t.length + " samples, but the DI's "
                    + n + " shifted by the latency of " + lag + " need " + ((long) n + lag));
        }
        int from = Math.max(0, -lag);
        int to = n;
        int[] validation = v3 ? NamV3.validation(n, lag, receptiveField) : null;
        if (segment.kind() == Segment.Kind.VALIDATION) {
            if (validation == null) {
                throw new EvalException(target.file() + ": --segment validation needs a NAM v3 training input "
                        + "(recognised by its MD5, or say so with --nam-v3)");
            }
            from = validation[0];
            to = validation[1];
        }
        if (segment.kind() == Segment.Kind.RANGE) {
            long a = segment.startSample(target.sampleRate());
            long b = segment.endSample(target.sampleRate());
            if (a >= to) {
                throw new EvalException(target.file() + ": --segment " + segment + " starts past the DI's end ("
                        + n + " samples)");
            }
            from = (int) Math.max(from, a);
            to = (int) Math.min(to, b);
        }
        if (from >= to) {
            throw new EvalException(target.file() + ": nothing to compare: the segment is empty at latency " + lag);
        }
        PairMetrics m = Metrics.compute(output, t, lag, from, to);
        return new Score(m, validation == null ? null
                : segment.kind() == Segment.Kind.VALIDATION ? m.esr()
                : Metrics.compute(output, t, lag, validation[0], validation[1]).esr());
    }
}
