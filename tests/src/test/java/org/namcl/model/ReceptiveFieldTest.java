package org.namcl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.namcl.testing.Uniform;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.net.WaveNet;

/**
 * The receptive field, NAM-SPEC: per array Σ d_l·(K_l − 1) + head_dilation·(head_K − 1), summed
 * over arrays, plus the post-stack head's Σ (K − 1), plus the condition DSP's RF − 1, plus 1.
 * Checked against a hand computation and against what the streamer's outputs depend on.
 */
class ReceptiveFieldTest {
    /** Condition DSP: dilation 4 at kernel 3, head kernel 2 → RF 1 + 4·2 + 1·1 = 10. */
    private static final String DSP = """
            {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_sizes": [3],
                         "dilations": [4], "activation": "Tanh",
                         "head": {"out_channels": 1, "kernel_size": 2, "bias": true}}],
             "head_scale": 0.02}
            """;
    /**
     * Array 0: dilations 1, 3, 2 at kernels 3, 2, 4 → 1·2 + 3·1 + 2·3 = 11, head kernel 3 at
     * dilation 2 → 2·2 = 4; array 1: dilation 5 at kernel 2 → 5, head kernel 1 → 0;
     * post-stack head kernels 3, 1 → 2 + 0.
     */
    private static final String MAIN = """
            {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_sizes": [3, 2, 4],
                         "dilations": [1, 3, 2], "activation": "Tanh",
                         "head": {"out_channels": 2, "kernel_size": 3, "head_dilation": 2, "bias": true}},
                        {"input_size": 2, "condition_size": 1, "channels": 2, "kernel_size": 2,
                         "dilations": [5], "activation": "Tanh",
                         "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
             "head": {"channels": 2, "out_channels": 1, "kernel_sizes": [3, 1], "activation": "Tanh"},
             "head_scale": 0.02}
            """;
    private static final int MAIN_RF = 1 + (11 + 4) + (5 + 0) + (2 + 0);
    /**
     * A model whose every look-back lies on one path from input to output (the first array's
     * head conv is a 1x1: a wider one would sit beside the second array's layers, not after
     * them), so that its RF is tight: 1 + (1·2 + 3·1) + (4·1 + head 2·2) + post 2 = 16.
     */
    private static final String TIGHT = """
            {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_sizes": [3, 2],
                         "dilations": [1, 3], "activation": "Tanh",
                         "head": {"out_channels": 2, "kernel_size": 1, "bias": true}},
                        {"input_size": 2, "condition_size": 1, "channels": 2, "kernel_size": 2,
                         "dilations": [4], "activation": "Tanh",
                         "head": {"out_channels": 1, "kernel_size": 3, "head_dilation": 2, "bias": true}}],
             "head": {"channels": 2, "out_channels": 1, "kernel_sizes": [3, 1], "activation": "Tanh"},
             "head_scale": 0.02}
            """;
    private static final int DSP_RF = 1 + 4 * 2 + 1 * 1;

    @Test
    void handComputedReceptiveFieldWithConditionDsp() {
        GeneratedModel m = GeneratedModel.wavenet(MAIN, GeneratedModel.wavenet(DSP, 1), 2);
        int expected = MAIN_RF + DSP_RF - 1;
        assertEquals(32, expected);
        assertEquals(expected, m.net().receptiveField());
        assertEquals(expected, new WaveNetStreamer(m.net()).receptiveField());
        assertEquals(expected, m.reference().receptiveField(), "the test's own reference agrees");
    }

    @Test
    void handComputedReceptiveFieldWithoutConditionDsp() {
        GeneratedModel m = GeneratedModel.wavenet(MAIN, 3);
        assertEquals(23, MAIN_RF);
        assertEquals(MAIN_RF, m.net().receptiveField());
    }

    @Test
    void outputDependsOnExactlyTheLastRfInputs() {
        WaveNet net = GeneratedModel.wavenet(TIGHT, 4).net();
        int rf = net.receptiveField();
        assertEquals(16, rf);
        int at = 50;
        float[] in = new Uniform(9).values(at + 2 * rf, 0.5);
        float[] nudged = in.clone();
        nudged[at] += 0.5f;
        float[] a = render(net, in);
        float[] b = render(net, nudged);
        for (int t = 0; t < at; t++) {
            assertEquals(a[t], b[t], "causal: output " + t + " must not see input " + at);
        }
        assertNotEquals(a[at + rf - 1], b[at + rf - 1], "output RF − 1 samples later still sees the input");
        for (int t = at + rf; t < in.length; t++) {
            assertEquals(a[t], b[t], "output " + t + " is RF or more samples after input " + at);
        }
    }

    /**
     * Where look-backs sit side by side the formula is an upper bound: the condition enters each
     * layer after its dilated conv, and the first array's head conv runs beside the second
     * array's layers. Nothing beyond it may depend on the input.
     */
    @Test
    void noOutputDependsOnInputsOlderThanRf() {
        WaveNet net = GeneratedModel.wavenet(MAIN, GeneratedModel.wavenet(DSP, 5), 6).net();
        int rf = net.receptiveField();
        int at = 50;
        float[] in = new Uniform(9).values(at + 2 * rf, 0.5);
        float[] nudged = in.clone();
        nudged[at] += 0.5f;
        float[] a = render(net, in);
        float[] b = render(net, nudged);
        assertNotEquals(a[at], b[at]);
        for (int t = at + rf; t < in.length; t++) {
            assertEquals(a[t], b[t], "output " + t + " is RF or more samples after input " + at);
        }
    }

    private static float[] render(WaveNet net, float[] in) {
        float[] out = new float[in.length];
        new WaveNetStreamer(net).process(in, 0, out, 0, in.length);
        return out;
    }

}
