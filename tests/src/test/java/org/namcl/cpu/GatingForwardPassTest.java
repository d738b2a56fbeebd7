package org.namcl.cpu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namcl.model.GeneratedModel;

/**
 * One-layer WaveNets (2 channels, kernel 2) with each gating mode, streamed and compared with the
 * independent double-precision forward pass ({@link org.namcl.model.ReferenceWaveNet}), start-up
 * from silence included.
 */
class GatingForwardPassTest {

    @ParameterizedTest(name = "gating_mode {0}, activation {1}, secondary {2}")
    @CsvSource({
            "none,    Tanh, ''",
            "gated,   Tanh, ''",
            "blended, Tanh, ''",
            "gated,   ReLU, '\"secondary_activation\": \"Hardsigmoid\",'",
            "blended, SiLU, '\"secondary_activation\": {\"type\": \"LeakyReLU\", \"negative_slope\": 0.2},'",
    })
    void oneLayerStreamMatchesReference(String gating, String activation, String secondary) {
        GeneratedModel m = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 2,
                             "dilations": [3], "activation": "%s", "gating_mode": "%s", %s
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """.formatted(activation, gating, secondary), 11);
        StreamCheck.assertMatchesReference(m);
    }
}
