package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.namcl.testing.Uniform;
import org.namcl.model.GeneratedModel;
import org.namcl.model.ModelException;

/** The stream contract of {@link WaveNetStreamer}: blocking, reset, mono only. */
class WaveNetStreamerTest {
    /** Biases everywhere and a head kernel, so that the response to silence is not zero. */
    private static final GeneratedModel MODEL = GeneratedModel.wavenet("""
            {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3, "kernel_size": 3,
                         "dilations": [1, 8, 64], "activation": "Tanh", "gating_mode": "gated",
                         "head": {"out_channels": 1, "kernel_size": 4, "bias": true}}],
             "head_scale": 0.02}
            """, 31);

    @Test
    void outputDoesNotDependOnHowTheStreamIsCutIntoBlocks() {
        float[] in = new Uniform(2).values(5000, 0.5);
        float[] whole = StreamCheck.stream(new WaveNetStreamer(MODEL.net()), in, in.length);
        // every sample goes through the same float operations, so the results are identical
        assertArrayEquals(whole, StreamCheck.stream(new WaveNetStreamer(MODEL.net()), in, 1));
        assertArrayEquals(whole, StreamCheck.stream(new WaveNetStreamer(MODEL.net()), in, 127, 3, 129, 1000));
    }

    @Test
    void resetReturnsToSilenceBeforeTheFile() {
        float[] in = new Uniform(3).values(2000, 0.5);
        WaveNetStreamer s = new WaveNetStreamer(MODEL.net());
        float[] first = StreamCheck.stream(s, in, 300);
        s.reset();
        assertArrayEquals(first, StreamCheck.stream(s, in, 300));
        assertArrayEquals(first, StreamCheck.stream(new WaveNetStreamer(MODEL.net()), in, 300));
    }

    @Test
    void silenceBeforeTheFileIsTheSteadyResponseToZeros() {
        float[] zeros = new float[1000];
        float[] out = StreamCheck.stream(new WaveNetStreamer(MODEL.net()), zeros, 100);
        assertTrue(Math.abs(out[0]) > 1e-3, "this model's response to silence is not zero: " + out[0]);
        for (float y : out) {
            assertEquals(out[0], y, "the response to silence is constant from the first sample on");
        }
    }

    @Test
    void receptiveFieldIsTheNetworks() {
        assertEquals(MODEL.net().receptiveField(), new WaveNetStreamer(MODEL.net()).receptiveField());
    }

    @Test
    void rejectsAModelWithTwoOutputs() {
        GeneratedModel stereo = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 2,
                             "dilations": [1], "activation": "Tanh",
                             "head": {"out_channels": 2, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """, 32);
        ModelException e = assertThrows(ModelException.class, () -> new WaveNetStreamer(stereo.net()));
        assertTrue(e.getMessage().contains("mono"), e.getMessage());
    }

    /**
     * Guards a former bug: nothing bounds the receptive field. Dilation 10^9 loads (RF 10^9 + 1), and building
     * the streamer overflows History's int row stride (lookback + 2·lookback) into a negative
     * array size: NegativeArraySizeException (with more rows the product can wrap positive and
     * try to allocate gigabytes instead).
     */
    @Test
    void absurdReceptiveFieldIsAModelExceptionNotACrash() {
        assertThrows(ModelException.class, () -> new WaveNetStreamer(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 1, "kernel_size": 2,
                             "dilations": [1000000000], "activation": "Tanh", "head_size": 1}],
                 "head_scale": 0.02}
                """, 33).net()));
    }
}
