package org.namcl.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;

/**
 * The common NAM model sizes, built with seeded random weights so a benchmark needs no model
 * files: the trainer's WaveNet presets (standard, lite, feather, nano) and the A2 shape; LSTMs of
 * 1 × 8, 1 × 16 (NAM's own LSTM size), 2 × 8 and 1 × 24 (layers × hidden, the "Boss LSTM" shapes
 * of NeuralAudio); and a Linear impulse response of 8192 taps.
 */
public enum ModelShape {
    STANDARD(new int[][]{{16, 8}}, A1_DILATIONS_STANDARD(), "Tanh"),
    LITE(new int[][]{{12, 6}}, A1_DILATIONS_LITE(), "Tanh"),
    FEATHER(new int[][]{{8, 4}}, A1_DILATIONS_LITE(), "Tanh"),
    NANO(new int[][]{{4, 2}}, A1_DILATIONS_LITE(), "Tanh"),
    A2(null, null, "LeakyReLU"),
    LSTM_1X8(1, 8),
    LSTM_1X16(1, 16),
    LSTM_2X8(2, 8),
    LSTM_1X24(1, 24),
    LINEAR_8192(8192);

    private final int[][] widths;
    private final int[][] dilations;
    private final String activation;
    /** LSTM layers and hidden size; 0 for the other architectures. */
    private final int lstmLayers;
    private final int lstmHidden;
    /** Linear taps; 0 for the other architectures. */
    private final int linearTaps;

    ModelShape(int[][] widths, int[][] dilations, String activation) {
        this(widths, dilations, activation, 0, 0, 0);
    }

    ModelShape(int lstmLayers, int lstmHidden) {
        this(null, null, null, lstmLayers, lstmHidden, 0);
    }

    ModelShape(int linearTaps) {
        this(null, null, null, 0, 0, linearTaps);
    }

    ModelShape(int[][] widths, int[][] dilations, String activation, int lstmLayers, int lstmHidden, int linearTaps) {
        this.widths = widths;
        this.dilations = dilations;
        this.activation = activation;
        this.lstmLayers = lstmLayers;
        this.lstmHidden = lstmHidden;
        this.linearTaps = linearTaps;
    }

    private static int[][] A1_DILATIONS_STANDARD() {
        int[] d = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
        return new int[][]{d, d};
    }

    private static int[][] A1_DILATIONS_LITE() {
        return new int[][]{{1, 2, 4, 8, 16, 32, 64}, {128, 256, 512, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512}};
    }

    public String displayName() {
        return name().toLowerCase();
    }

    /** The model with Gaussian weights (σ = 0.25) from a generator seeded with {@code seed}. */
    public NamFile build(long seed) {
        return NamLoader.parse(json(seed), displayName() + " (random weights)");
    }

    /** {@link #build}'s model as {@code .nam} JSON text. */
    public String json(long seed) {
        if (lstmLayers > 0) {
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.put("num_layers", lstmLayers);
            config.put("input_size", 1);
            config.put("hidden_size", lstmHidden);
            return model("LSTM", config, NamLoader.weightCount("LSTM", config.toString()), seed, false);
        }
        if (linearTaps > 0) {
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.put("receptive_field", linearTaps);
            config.put("bias", true);
            return model("Linear", config, NamLoader.weightCount("Linear", config.toString()), seed, false);
        }
        return waveNet(seed);
    }

    private String waveNet(long seed) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode config = f.objectNode();
        ArrayNode layers = config.putArray("layers");
        if (this == A2) {
            layers.add(a2Array(f));
        } else {
            int c0 = widths[0][0];
            int c1 = widths[0][1];
            layers.add(a1Array(f, 1, c0, c1, dilations[0], false));
            layers.add(a1Array(f, c0, c1, 1, dilations[1], true));
        }
        config.putNull("head");
        config.put("head_scale", 0.02);
        return model("WaveNet", config, NamLoader.weightCount(config.toString()), seed, true);
    }

    /** @param headScale whether the last weight is a WaveNet's head scale (0.02) rather than random */
    private String model(String architecture, ObjectNode config, long count, long seed, boolean headScale) {
        ObjectNode model = JsonNodeFactory.instance.objectNode();
        model.put("version", "0.7.0");
        model.put("architecture", architecture);
        model.set("config", config);
        ArrayNode w = model.putArray("weights");
        Random rnd = new Random(seed);
        for (int i = 0; i < count - (headScale ? 1 : 0); i++) {
            w.add((float) (rnd.nextGaussian() * 0.25));
        }
        if (headScale) {
            w.add(0.02f);
        }
        model.put("sample_rate", 48000);
        return model.toString();
    }

    private ObjectNode a1Array(JsonNodeFactory f, int in, int channels, int headSize, int[] dil, boolean headBias) {
        ObjectNode a = f.objectNode();
        a.put("input_size", in);
        a.put("condition_size", 1);
        a.put("head_size", headSize);
        a.put("channels", channels);
        a.put("kernel_size", 3);
        ArrayNode d = a.putArray("dilations");
        for (int x : dil) {
            d.add(x);
        }
        a.put("activation", activation);
        a.put("gated", false);
        a.put("head_bias", headBias);
        return a;
    }

    private ObjectNode a2Array(JsonNodeFactory f) {
        int[] dil = {1, 3, 7, 17, 41, 101, 239, 1, 3, 7, 17, 41, 101, 239, 1, 13, 1, 3, 7, 17, 41, 101, 239};
        ObjectNode a = f.objectNode();
        a.put("input_size", 1);
        a.put("condition_size", 1);
        a.put("channels", 8);
        ObjectNode head = a.putObject("head");
        head.put("out_channels", 1);
        head.put("kernel_size", 16);
        head.put("bias", true);
        ArrayNode d = a.putArray("dilations");
        ArrayNode k = a.putArray("kernel_sizes");
        for (int i = 0; i < dil.length; i++) {
            d.add(dil[i]);
            k.add(i == 14 || i == 15 ? 15 : 6);
        }
        ObjectNode act = a.putObject("activation");
        act.put("type", "LeakyReLU");
        act.put("negative_slope", 0.01);
        return a;
    }
}
