package org.namcl.eval;

/**
 * Scores one model output against its pair's target: finds or takes the latency, checks the
 * target covers the DI shifted by it, and measures the segment asked for.
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

    /** @throws EvalException when the target is too short or the segment does not fit */
    Score score(float[] output, Recording target) {
        float[] t = target.samples();
        int lag = latency.auto() ? Alignment.lag(output, t, Alignment.maxLag(target.sampleRate())) : latency.forced();
        int n = output.length;
        if ((long) t.length < (long) n + lag) {
            throw new EvalException(target.file() + ": target too short: " + t.length + " samples, but the DI's "
                    + n + " shifted by the latency of " + lag + " need " + ((long) n + lag));
        }
        int from = Math.max(0, -lag);
        int to = n;
        if (segment.kind() == Segment.Kind.VALIDATION) {
            throw new EvalException(target.file() + ": --segment validation needs a NAM v3 training input "
                    + "(recognised by its MD5, or say so with --nam-v3)");
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
        return new Score(Metrics.compute(output, t, lag, from, to), null);
    }
}
