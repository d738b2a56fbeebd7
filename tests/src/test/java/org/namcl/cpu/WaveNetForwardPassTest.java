package org.namcl.cpu;

import static org.namcl.cpu.StreamCheck.assertMatchesReference;

import org.junit.jupiter.api.Test;
import org.namcl.model.GeneratedModel;

/**
 * Small WaveNets, each exercising one part of the forward pass, streamed through
 * {@link WaveNetStreamer} and compared with the independent double-precision forward pass
 * ({@link org.namcl.model.ReferenceWaveNet}) over a noise signal, start-up from silence included.
 */
class WaveNetForwardPassTest {

    @Test
    void allEightFilmSlotsWithHead1x1AndGroupedLayer1x1() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 4, "bottleneck": 4,
                             "kernel_size": 2, "dilations": [1, 2], "activation": "Tanh",
                             "gating_mode": "blended",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true},
                             "layer1x1": {"active": true, "groups": 2},
                             "head1x1": {"active": true, "out_channels": 2, "groups": 2},
                             "conv_pre_film": {"active": true, "shift": true},
                             "conv_post_film": {"active": true, "shift": false},
                             "input_mixin_pre_film": {"active": true, "shift": true},
                             "input_mixin_post_film": {"active": true, "shift": false},
                             "activation_pre_film": {"active": true, "shift": true},
                             "activation_post_film": {"active": true, "shift": false},
                             "layer1x1_post_film": {"active": true, "shift": true},
                             "head1x1_post_film": {"active": true, "shift": true}}],
                 "head_scale": 0.02}
                """, 21));
    }

    @Test
    void layer1x1InactiveAddsTheActivationToTheResidual() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3, "kernel_size": 3,
                             "dilations": [1, 4], "activation": "Tanh", "gating_mode": "gated",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true},
                             "layer1x1": {"active": false}}],
                 "head_scale": 0.02}
                """, 22));
    }

    @Test
    void postStackHeadWithKernelSizes3And1() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh",
                             "head": {"out_channels": 2, "kernel_size": 1, "bias": true}}],
                 "head": {"channels": 3, "out_channels": 1, "kernel_sizes": [3, 1], "activation": "ReLU"},
                 "head_scale": 0.02}
                """, 23));
    }

    @Test
    void headRechannelWithKernel3AndDilation2() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 2,
                             "dilations": [1, 3], "activation": "Tanh",
                             "head": {"out_channels": 1, "kernel_size": 3, "head_dilation": 2, "bias": false}}],
                 "head_scale": 0.02}
                """, 24));
    }

    @Test
    void conditionDspFeedsTwoConditionChannelsToMixinAndGroupedFilms() {
        GeneratedModel dsp = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 3,
                             "dilations": [2], "activation": "Tanh",
                             "head": {"out_channels": 2, "kernel_size": 2, "bias": true}}],
                 "head_scale": 0.02}
                """, 25);
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 2, "channels": 2, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh", "gating_mode": "gated",
                             "groups_input_mixin": 2,
                             "conv_post_film": {"active": true, "shift": true, "groups": 2},
                             "input_mixin_pre_film": {"active": true, "shift": false, "groups": 2},
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """, dsp, 26));
    }

    @Test
    void twoArraysWithWidth1HeadBroadcastIntoAWiderBottleneck() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}},
                            {"input_size": 3, "condition_size": 1, "channels": 2, "bottleneck": 3,
                             "kernel_size": 2, "dilations": [4], "activation": "Tanh",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """, 27));
    }

    @Test
    void twoArraysPassingAFullWidthHead() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh",
                             "head": {"out_channels": 2, "kernel_size": 1, "bias": false}},
                            {"input_size": 3, "condition_size": 1, "channels": 2,
                             "kernel_size": 3, "dilations": [4], "activation": "Tanh",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """, 28));
    }

    @Test
    void perLayerKernelsActivationsAndGatingWithGroupedInputConv() {
        assertMatchesReference(GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 4, "bottleneck": 2,
                             "kernel_sizes": [3, 2, 4], "dilations": [1, 3, 2], "groups_input": 2,
                             "activation": ["Tanh", {"type": "PReLU", "negative_slopes": [0.1, -0.3]},
                                            {"type": "LeakyHardtanh", "min_val": -0.5, "max_val": 0.7}],
                             "gating_mode": ["none", "gated", "blended"],
                             "secondary_activation": [null, "Softsign", "Sigmoid"],
                             "head": {"out_channels": 1, "kernel_size": 2, "bias": true}}],
                 "head_scale": 0.02}
                """, 29));
    }
}
