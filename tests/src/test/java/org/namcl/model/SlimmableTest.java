package org.namcl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.net.Lstm;
import org.namcl.model.net.WaveNet;

/**
 * Size choice: a SlimmableContainer picks the first submodel with size &lt; max_value (the last
 * by default or when none fits); a slimmable WaveNet keeps allowed_channels[min(⌊r·n⌋, n−1)].
 */
class SlimmableTest {
    /** A one-array WaveNet with the given channel count: the channels tell submodels apart. */
    private static String waveNet(int channels, long seed) {
        return GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": %d, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """.formatted(channels), seed).json();
    }

    /** Hidden size 2: 4·2·(1+2) + 4·2 + 2 + 2 weights, head 2 + 1. */
    private static final String LSTM = """
            {"version": "0.5.4", "architecture": "LSTM", "sample_rate": 48000,
             "config": {"num_layers": 1, "input_size": 1, "hidden_size": 2},
             "weights": [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]}
            """;

    private static NamFile container(String small, String large) {
        return NamLoader.parse("""
                {"version": "0.7.0", "architecture": "SlimmableContainer", "sample_rate": 48000,
                 "config": {"submodels": [{"max_value": 0.5, "model": %s}, {"max_value": 1.0, "model": %s}]},
                 "weights": []}
                """.formatted(small, large), "container.nam");
    }

    @ParameterizedTest(name = "size {0} → {1} channels")
    @CsvSource({"0.0, 2", "0.49, 2", "0.5, 3", "0.75, 3", "1.0, 3"})
    void containerPicksTheFirstSubmodelWhoseMaxValueIsAboveTheSize(double size, int channels) {
        NamFile f = container(waveNet(2, 1), waveNet(3, 2));
        assertEquals(channels, f.resolve(size, WaveNet.class).arrays().get(0).channels());
    }

    @Test
    void containerDefaultIsTheLastSubmodel() {
        NamFile f = container(waveNet(2, 1), waveNet(3, 2));
        assertTrue(f.slimmable());
        assertEquals(3, f.resolve(WaveNet.class).arrays().get(0).channels());
    }

    @Test
    void aContainerMayMixArchitectures() {
        NamFile f = container(LSTM, waveNet(3, 2));
        assertEquals(3, f.resolve(WaveNet.class).arrays().get(0).channels());
        assertEquals(3, f.resolve(0.5, WaveNet.class).arrays().get(0).channels());
        assertEquals(2, f.resolve(0.2, Lstm.class).hiddenSize());
    }

    @Test
    void sizeOutsideZeroToOneIsRefused() {
        NamFile f = container(waveNet(2, 1), waveNet(3, 2));
        assertThrows(ModelException.class, () -> f.resolve(1.5));
        assertThrows(ModelException.class, () -> f.resolve(-0.1));
    }

    private static NamFile slimmableWaveNet() {
        return GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 4, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh", "gating_mode": "gated",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true},
                             "slimmable": {"method": "slice_channels_uniform",
                                           "kwargs": {"allowed_channels": [2, 3, 4]}}}],
                 "head_scale": 0.02}
                """, 3).file();
    }

    @ParameterizedTest(name = "size {0} → allowed_channels[{1}]")
    @CsvSource({"0.0, 2", "0.33, 2", "0.34, 3", "0.5, 3", "0.66, 3", "0.67, 4", "0.99, 4", "1.0, 4"})
    void slimmableWaveNetKeepsAllowedChannelsAtFloorOfSizeTimesCount(double size, int channels) {
        // n = 3 allowed widths [2, 3, 4]: index min(⌊3·size⌋, 2)
        WaveNet net = slimmableWaveNet().resolve(size, WaveNet.class);
        assertEquals(channels, net.arrays().get(0).channels());
        assertEquals(channels, net.arrays().get(0).layers().get(0).bottleneck());
        assertEquals(2 * channels, net.arrays().get(0).layers().get(0).conv().outChannels(), "gated: 2·bottleneck");
        float[] x = new float[300];
        new WaveNetStreamer(net).process(x, 0, x, 0, x.length);
        for (float y : x) {
            assertFalse(Float.isNaN(y));
        }
    }

    @Test
    void slimmableWaveNetDefaultIsFullWidth() {
        NamFile f = slimmableWaveNet();
        assertTrue(f.slimmable());
        assertEquals(4, f.resolve(WaveNet.class).arrays().get(0).channels());
    }
}
