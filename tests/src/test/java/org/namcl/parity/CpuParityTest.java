package org.namcl.parity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;
import org.namcl.testing.Tolerance;

/**
 * The streaming CPU engine against NAM's own renders: every model of scope "wavenet" in the
 * manifest, on every signal and slim variant.
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

    static void check(ReferenceSet.Case c) {
        NamFile file = NamLoader.load(c.modelPath());
        WaveNet net = file.resolve(c.slimValue(), WaveNet.class);
        float[] in = c.input();
        float[] out = new float[in.length];
        new WaveNetStreamer(net).process(in, out, in.length);
        Tolerance.assertMatches(c.toString(), c.expected(), out);
    }
}
