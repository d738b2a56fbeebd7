package org.namcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.gen.TestSignals;
import org.namcl.render.TestModels;
import org.namcl.testing.Tolerance;

/** Metrics and alignment against the test's own double-precision arithmetic on a model's real output. */
class MetricsTest {
    private static final int N = 96_000;
    private static final double GAIN_DB = -3.5;
    private static final double NOISE = 1e-3;

    private static float[] output;

    @BeforeAll
    static void render(@TempDir Path dir) {
        output = TestModels.stream(TestModels.net(TestModels.copy(TestModels.NANO, dir)),
                TestSignals.mixed(N, 11));
    }

    @Test
    void theDelayIsFoundExactlyEitherWay() {
        for (int delay : new int[] {0, 12, 777, 2399, -7, -2400}) {
            float[] t = Reamp.target(output, delay, GAIN_DB, NOISE, 3000);
            assertEquals(delay, Alignment.lag(output, t, Alignment.maxLag(48_000)), "delay " + delay);
        }
    }

    @Test
    void correlationEqualsTheDirectSumAcrossBlockBoundaries() {
        float[] t = Reamp.target(output, 300, 0, 0.1, 0);
        int maxLag = 40;
        double[] c = Alignment.correlation(output, t, maxLag);
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            int l = lag;
            double direct = IntStream.range(0, output.length).filter(n -> n + l >= 0 && n + l < t.length)
                    .mapToDouble(n -> (double) output[n] * t[n + l]).sum();
            assertEquals(direct, c[lag + maxLag], 1e-9 * Math.abs(direct) + 1e-12, "lag " + lag);
        }
    }

    @Test
    void everyMetricEqualsTheDirectComputation() {
        int delay = 12;
        float[] t = Reamp.target(output, delay, GAIN_DB, NOISE, delay);
        int from = 100;
        int to = N - 50;
        PairMetrics m = Metrics.compute(output, t, delay, from, to);

        int len = to - from;
        double[] y = new double[len];
        double[] r = new double[len];
        for (int i = 0; i < len; i++) {
            y[i] = output[from + i];
            r[i] = t[from + delay + i];
        }
        double[] e = IntStream.range(0, len).mapToDouble(i -> y[i] - r[i]).toArray();
        double esr = Reamp.esr(output, t, delay, from, to);
        double[] yp = preEmphasised(y);
        double[] rp = preEmphasised(r);
        double esrPre = mean(square(IntStream.range(0, yp.length).mapToDouble(i -> yp[i] - rp[i]).toArray()))
                / mean(square(rp));

        assertEquals(delay, m.latency());
        assertEquals(from, m.start());
        assertEquals(len, m.length());
        assertRelative(esr, m.esr(), "ESR");
        assertRelative(esrPre, m.esrPreEmphasis(), "pre-emphasised ESR");
        assertEquals(GAIN_DB, m.gainDb(), Tolerance.EVAL_GAIN_DB, "gain");
        assertRelative(mean(y) - mean(r), m.dcOffset(), "DC offset");
        assertRelative(20 * Math.log10(Math.sqrt(mean(square(e)))), m.residualRmsDbfs(), "residual RMS");
        assertEquals(max(y), m.outputPeak(), 0);
        assertEquals(max(r), m.targetPeak(), 0);
        assertEquals(max(e), m.residualPeak(), 0);
    }

    @Test
    void aSilentTargetLeavesTheEsrUndefined() {
        PairMetrics m = Metrics.compute(output, new float[N], 0, 0, N);
        assertNull(m.esr());
        assertNull(m.esrPreEmphasis());
        assertNotNull(m.residualRmsDbfs());
        assertEquals(0, m.targetPeak());
    }

    @Test
    void aSilentOutputHasNoGain() {
        assertNull(Metrics.compute(new float[N], output, 0, 0, N).gainDb());
    }

    @Test
    void aSegmentPastTheTargetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute(output, output, 10, 0, N));
    }

    private static void assertRelative(double expected, Double actual, String what) {
        assertNotNull(actual, what);
        assertEquals(expected, actual, Tolerance.DOUBLE_SUM_RELATIVE * Math.abs(expected), what);
    }

    private static double[] preEmphasised(double[] x) {
        return IntStream.range(1, x.length).mapToDouble(i -> x[i] - 0.85 * x[i - 1]).toArray();
    }

    private static double[] square(double[] x) {
        return Arrays.stream(x).map(v -> v * v).toArray();
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double max(double[] x) {
        return Arrays.stream(x).map(Math::abs).max().orElseThrow();
    }
}
