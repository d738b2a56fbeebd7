package org.namcl.parity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.cpu.CpuStreams;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.NamLoader;
import org.namcl.testing.Tolerance;

/**
 * The streaming CPU engine against NAM's own renders: every model of the manifest (scope "wavenet",
 * and "other": LSTM, ConvNet, Linear and containers holding them), on every signal and slim variant.
 */
class CpuParityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#bundledWaveNetCases")
    void generatedModelsMatchReference(ReferenceSet.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#publicWaveNetCases")
    void publicModelsMatchReference(ReferenceSet.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#bundledOtherCases")
    void generatedOtherArchitecturesMatchReference(ReferenceSet.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#publicOtherCases")
    void publicOtherArchitecturesMatchReference(ReferenceSet.Case c) {
        check(c);
    }

    static void check(ReferenceSet.Case c) {
        float[] in = c.input();
        float[] out = new float[in.length];
        try (StreamRenderer s = CpuStreams.open(NamLoader.load(c.modelPath()).resolve(c.slimValue()))) {
            s.process(in, out, in.length);
        }
        Tolerance.assertMatches(c.toString(), c.expected(), out);
    }
}
