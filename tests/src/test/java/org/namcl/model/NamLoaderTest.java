package org.namcl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.ConvNet;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.Linear;
import org.namcl.model.net.Lstm;
import org.namcl.model.net.LstmLayer;
import org.namcl.model.net.WaveNet;

/** What {@link NamLoader} reads from valid files: key variants, activations, metadata, rates. */
class NamLoaderTest {
    @TempDir
    Path dir;

    /** A 0.5-era file: legacy gated / head_size / head_bias / kernel_size keys. */
    private static final String LEGACY_CONFIG = """
            {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 3,
                         "dilations": [1, 2], "activation": "Tanh", "gated": true,
                         "head_size": 1, "head_bias": false},
                        {"input_size": 2, "condition_size": 1, "channels": 2, "kernel_size": 2,
                         "dilations": [4], "activation": "Tanh", "gated": false,
                         "head_size": 1, "head_bias": true}],
             "head_scale": 0.02}
            """;
    /** The same network in 0.7 keys. */
    private static final String CURRENT_CONFIG = """
            {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "bottleneck": 2,
                         "kernel_sizes": [3, 3], "dilations": [1, 2], "activation": {"type": "Tanh"},
                         "gating_mode": "gated", "secondary_activation": "Sigmoid",
                         "head": {"out_channels": 1, "kernel_size": 1, "bias": false, "head_dilation": 1},
                         "layer1x1": {"active": true, "groups": 1},
                         "head1x1": {"active": false, "out_channels": 1, "groups": 1},
                         "conv_pre_film": false, "conv_post_film": {"active": false}},
                        {"input_size": 2, "condition_size": 1, "channels": 2, "kernel_sizes": [2],
                         "dilations": [4], "activation": ["Tanh"], "gating_mode": ["none"],
                         "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
             "head_scale": 0.02}
            """;

    private static WaveNetConfig config(NamFile f) {
        return ((ModelNode.WaveNetNode) f.root()).config();
    }

    @Test
    void legacyAndCurrentKeysGiveTheSameNetwork() {
        GeneratedModel legacy = GeneratedModel.wavenet(LEGACY_CONFIG, 1);
        String weights = JsonEdit.parse(legacy.json()).get("weights").toString();
        NamFile current = NamLoader.parse(JsonEdit.of(legacy.json())
                .set("/version", "\"0.7.0\"")
                .set("/config", CURRENT_CONFIG)
                .set("/weights", weights).text(), "current");
        NamFile old = NamLoader.parse(JsonEdit.of(legacy.json()).set("/version", "\"0.5.4\"").text(), "legacy");

        assertEquals(config(old), config(current));
        WaveNet a = old.resolve(WaveNet.class);
        WaveNet b = current.resolve(WaveNet.class);
        assertEquals(a.receptiveField(), b.receptiveField());
        // 1 + array 0: dilations 1, 2 at kernel 3 + array 1: dilation 4 at kernel 2
        assertEquals(1 + (1 * 2 + 2 * 2) + 4 * 1, a.receptiveField());
        assertEquals(a.headScale(), b.headScale());
        List<float[]> pa = parameters(a);
        List<float[]> pb = parameters(b);
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i), pb.get(i), "parameter tensor " + i);
        }
    }

    /** Every weight and bias array of the network, in order (null biases as empty arrays). */
    private static List<float[]> parameters(WaveNet net) {
        List<float[]> out = new ArrayList<>();
        for (LayerArray a : net.arrays()) {
            add(out, a.rechannel());
            for (Layer l : a.layers()) {
                add(out, l.conv());
                add(out, l.mixin());
                add(out, l.layer1x1());
                add(out, l.head1x1());
            }
            add(out, a.headRechannel());
        }
        return out;
    }

    private static void add(List<float[]> out, Conv1x1 c) {
        out.add(c == null ? new float[0] : c.weights());
        out.add(c == null || c.bias() == null ? new float[0] : c.bias());
    }

    private static void add(List<float[]> out, Conv1d c) {
        out.add(c.weights());
        out.add(c.bias() == null ? new float[0] : c.bias());
        out.add(new float[] {c.kernelSize(), c.dilation(), c.groups()});
    }

    @Test
    void legacyGatedMeansGatedWithSigmoid() {
        LayerSpec l = config(GeneratedModel.wavenet(LEGACY_CONFIG, 2).file()).arrays().get(0).layers().get(0);
        assertEquals(GatingMode.GATED, l.gating());
        assertEquals(Activation.SIGMOID, l.secondary());
    }

    @Test
    void activationAsAString() {
        List<LayerSpec> layers = layersWithActivation("\"LeakyReLU\"");
        for (LayerSpec l : layers) {
            assertEquals(Activation.Kind.LEAKY_RELU, l.activation().kind());
            assertArrayEquals(new float[] {0.01f}, l.activation().params(), "torch's default negative_slope");
        }
    }

    @Test
    void activationAsAnObjectWithParameters() {
        for (LayerSpec l : layersWithActivation("{\"type\": \"LeakyReLU\", \"negative_slope\": 0.2}")) {
            assertEquals(new Activation(Activation.Kind.LEAKY_RELU, new float[] {0.2f}), l.activation());
        }
    }

    @Test
    void activationAsAPerLayerList() {
        List<LayerSpec> layers = layersWithActivation("""
                ["Tanh", {"type": "Hardtanh", "min_val": -2, "max_val": 0.5},
                 {"type": "PReLU", "negative_slopes": [0.1, 0.3]}]""");
        assertEquals(Activation.TANH, layers.get(0).activation());
        assertEquals(new Activation(Activation.Kind.HARDTANH, new float[] {-2f, 0.5f}), layers.get(1).activation());
        assertEquals(new Activation(Activation.Kind.PRELU, new float[] {0.1f, 0.3f}), layers.get(2).activation());
    }

    @Test
    void activationNamesAreCaseInsensitiveAndLeakyHardTanhHasBothSpellings() {
        assertEquals(Activation.Kind.LEAKY_HARDTANH, layersWithActivation("\"LeakyHardTanh\"").get(0).activation().kind());
        assertEquals(Activation.Kind.LEAKY_HARDTANH, layersWithActivation("\"LeakyHardtanh\"").get(0).activation().kind());
        assertEquals(Activation.Kind.TANH, layersWithActivation("\"tanh\"").get(0).activation().kind());
    }

    @Test
    void torchDefaultsOfParameterisedActivations() {
        assertArrayEquals(new float[] {-1f, 1f, 0.01f, 0.01f},
                layersWithActivation("\"LeakyHardtanh\"").get(0).activation().params());
        assertArrayEquals(new float[] {1f, 20f}, layersWithActivation("\"Softplus\"").get(0).activation().params());
        assertArrayEquals(new float[] {1f}, layersWithActivation("\"ELU\"").get(0).activation().params());
        assertArrayEquals(new float[] {-1f, 1f}, layersWithActivation("\"Hardtanh\"").get(0).activation().params());
        assertEquals(Activation.Kind.GELU, layersWithActivation("\"GELU\"").get(0).activation().kind());
        assertEquals(Activation.Kind.GELU_TANH,
                layersWithActivation("{\"type\": \"GELU\", \"approximate\": \"tanh\"}").get(0).activation().kind());
    }

    /** The three layers (bottleneck 2) of a model whose activation key is {@code activationJson}. */
    private static List<LayerSpec> layersWithActivation(String activationJson) {
        NamFile f = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 2,
                             "dilations": [1, 2, 4], "activation": %s,
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true}}],
                 "head_scale": 0.02}
                """.formatted(activationJson), 3).file();
        return config(f).arrays().get(0).layers();
    }

    @Test
    void metadataFieldsAreRead() {
        NamFile f = withMetadata("""
                {"name": "Plexi", "modeled_by": "someone", "gear_type": "amp", "gear_make": "Marshall",
                 "gear_model": "1959", "tone_type": "crunch", "loudness": -18.25, "gain": 0.625,
                 "input_level_dbu": 12.5, "output_level_dbu": 8.25,
                 "date": {"year": 2024, "month": 3, "day": 9, "hour": 14, "minute": 5, "second": 7},
                 "training": {"settings": {"ignore_checks": false}, "validation_esr": 0.0123}}""");
        Metadata m = f.metadata();
        assertEquals("Plexi", m.name());
        assertEquals("someone", m.modeledBy());
        assertEquals("amp", m.gearType());
        assertEquals("Marshall", m.gearMake());
        assertEquals("1959", m.gearModel());
        assertEquals("crunch", m.toneType());
        assertEquals(-18.25, m.loudness());
        assertEquals(0.625, m.gain());
        assertEquals(12.5, m.inputLevelDbu());
        assertEquals(8.25, m.outputLevelDbu());
        assertEquals(0.0123, m.validationEsr());
        assertEquals("2024-03-09 14:05:07", m.date());
    }

    @Test
    void nullOrAbsentMetadataIsEmpty() {
        assertEquals(Metadata.EMPTY, withMetadata("null").metadata());
        NamFile absent = NamLoader.parse(JsonEdit.of(plainModel()).remove("/metadata").text(), "absent");
        assertEquals(Metadata.EMPTY, absent.metadata());
    }

    @Test
    void nullOrMistypedMetadataFieldsAreLeftNull() {
        Metadata m = withMetadata("""
                {"name": null, "loudness": "loud", "gain": null, "training": {"validation_esr": null}}""").metadata();
        assertNull(m.name());
        assertNull(m.loudness());
        assertNull(m.gain());
        assertNull(m.validationEsr());
    }

    private static String plainModel() {
        return GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 1, "kernel_size": 2,
                             "dilations": [1], "activation": "Tanh", "head_size": 1}],
                 "head_scale": 0.02}
                """, 4).json();
    }

    private static NamFile withMetadata(String metadataJson) {
        return NamLoader.parse(JsonEdit.of(plainModel()).set("/metadata", metadataJson).text(), "metadata");
    }

    @Test
    void absentSampleRateIsNullAndDefaultsTo48000() {
        NamFile f = NamLoader.parse(JsonEdit.of(plainModel()).remove("/sample_rate").text(), "no rate");
        assertNull(f.sampleRate());
        assertEquals(48000.0, f.sampleRateOrDefault());
        assertEquals(48000.0, f.resolve().sampleRate());
    }

    @Test
    void givenSampleRateIsKept() {
        NamFile f = NamLoader.parse(JsonEdit.of(plainModel()).set("/sample_rate", 44100).text(), "44.1k");
        assertEquals(44100.0, f.sampleRate());
        assertEquals(44100.0, f.sampleRateOrDefault());
        assertEquals(44100.0, f.resolve().sampleRate());
    }

    @Test
    void headScaleComesFromTheLastWeightNotTheConfig() {
        // GeneratedModel writes head_scale 0.02 in the config and 1.7 as the last weight
        assertEquals(1.7f, GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 1, "kernel_size": 2,
                             "dilations": [1], "activation": "Tanh", "head_size": 1}],
                 "head_scale": 0.02}
                """, 5).net().headScale());
    }

    @Test
    void loadReadsAFileAndNamesItAsTheSource() throws IOException {
        Path p = dir.resolve("model.nam");
        Files.writeString(p, plainModel());
        NamFile f = NamLoader.load(p);
        assertEquals(p.toString(), f.source());
        assertEquals("WaveNet", f.architecture());
        assertEquals("0.7.0", f.version());
    }

    @Test
    void standardLayerArraysGiveTheStandardWeightCount() {
        // NAM's "standard" A1 architecture: 13802 weights (NAM-SPEC)
        String standard = """
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 16, "head_size": 8,
                             "kernel_size": 3, "dilations": [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
                             "activation": "Tanh", "gated": false, "head_bias": false},
                            {"input_size": 16, "condition_size": 1, "channels": 8, "head_size": 1,
                             "kernel_size": 3, "dilations": [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
                             "activation": "Tanh", "gated": false, "head_bias": true}],
                 "head_scale": 0.02}
                """;
        GeneratedModel m = GeneratedModel.wavenet(standard, 6);
        assertEquals(13802, ((ModelNode.WaveNetNode) m.file().root()).weights().length);
        assertEquals(13802, m.net().parameterCount());
    }

    @Test
    void aLinearModelKeepsItsTapsInFileOrder() {
        Linear net = NamLoader.parse("""
                {"version": "0.5.2", "architecture": "Linear", "config": {"receptive_field": 3, "bias": true},
                 "weights": [0.1, 0.2, 0.3, 0.5]}
                """, "linear").resolve(Linear.class);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, net.taps());
        assertEquals(0.5f, net.bias());
        assertEquals(3, net.receptiveField());
        assertEquals(4, net.parameterCount());
    }

    @Test
    void anLstmReadsGatesStateAndHeadInFileOrder() {
        // hidden 1: W (4 x 2), b (4), h, c, head weight, head bias
        Lstm net = NamLoader.parse("""
                {"version": "0.5.4", "architecture": "LSTM", "sample_rate": 44100,
                 "config": {"num_layers": 1, "input_size": 1, "hidden_size": 1},
                 "weights": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}
                """, "lstm").resolve(Lstm.class);
        LstmLayer l = net.layers().get(0);
        assertEquals(4f, l.weight(1, 1), "forget gate, the h column");
        assertArrayEquals(new float[] {9, 10, 11, 12}, l.bias());
        assertArrayEquals(new float[] {13}, l.initialHidden());
        assertArrayEquals(new float[] {14}, l.initialCell());
        assertArrayEquals(new float[] {15}, net.headWeights());
        assertEquals(16f, net.headBias());
        assertTrue(net.finiteReceptiveField().isEmpty());
        assertEquals(24576, net.prewarmSamples(), "ceil(22050 / 4096) buffers of 4096");
    }

    @Test
    void anLstmOfUnknownRatePrewarmsOneBuffer() {
        Lstm net = NamLoader.parse("""
                {"version": "0.5.4", "architecture": "LSTM",
                 "config": {"num_layers": 1, "input_size": 1, "hidden_size": 1},
                 "weights": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}
                """, "lstm").resolve(Lstm.class);
        assertEquals(4096, net.prewarmSamples());
    }

    @Test
    void aConvNetFoldsBatchNormIntoItsConv() {
        // one block, 1 channel, dilation 3: conv [0.5 (t-3), 2 (t)], mean 1, var 3, weight 4, bias 5, eps 1;
        // head weight 2, bias 0.25
        ConvNet net = NamLoader.parse("""
                {"version": "0.5.4", "architecture": "ConvNet",
                 "config": {"channels": 1, "dilations": [3], "batchnorm": true, "activation": "ReLU"},
                 "weights": [0.5, 2, 1, 3, 4, 5, 1, 2, 0.25]}
                """, "convnet").resolve(ConvNet.class);
        Conv1d conv = net.convs().get(0);
        // scale = 4 / sqrt(3 + 1) = 2; shift = 5 - 1 * 2 = 3
        assertEquals(1f, conv.weight(0, 0, 0));
        assertEquals(4f, conv.weight(0, 0, 1));
        assertArrayEquals(new float[] {3f}, conv.bias());
        assertEquals(3, conv.dilation());
        assertEquals(4, net.receptiveField());
        assertEquals(9, net.parameterCount());
        assertEquals(0.25f, net.head().bias()[0]);
    }

    @Test
    void aWrongWeightCountOfAnLstmNamesTheFile() {
        ModelException e = assertThrows(ModelException.class, () -> NamLoader.parse("""
                {"version": "0.5.4", "architecture": "LSTM",
                 "config": {"num_layers": 1, "input_size": 1, "hidden_size": 1},
                 "weights": [1, 2, 3]}
                """, "short.nam"));
        assertTrue(e.getMessage().startsWith("short.nam: weight count mismatch: the config needs 16 weights"),
                e.getMessage());
    }
}
