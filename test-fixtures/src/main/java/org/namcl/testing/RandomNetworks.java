package org.namcl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;

/**
 * Seeded random {@code .nam} files of the architectures other than WaveNet: LSTMs, ConvNets and
 * Linear models of any shape, each accepted by {@link NamLoader#parse}: LSTM and Linear weights
 * (as many as {@link NamLoader#weightCount(String, String)} says) uniform in ±amplitude, ConvNet
 * weights drawn part by part in the file's order.
 */
public final class RandomNetworks {
    /** The ConvNet activations the tests run through: every kind NAM's ConvNet may use and then some. */
    public static final String[] CONVNET_ACTIVATIONS = {"Tanh", "ReLU", "Hardtanh", "Sigmoid", "LeakyReLU",
        "SiLU", "Hardswish", "Softsign", "Fasttanh", "LeakyHardtanh", "ELU", "GELU"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private RandomNetworks() {
    }

    /** An LSTM of {@code layers} × {@code hidden}, weights in ±0.5 (stored state included). */
    public static String lstm(long seed, int layers, int hidden) {
        ObjectNode config = JSON.createObjectNode();
        config.put("num_layers", layers);
        config.put("input_size", 1);
        config.put("hidden_size", hidden);
        return model("LSTM", config, seed, 0.5);
    }

    /**
     * A ConvNet, its weights written in the file's order: per block the conv (±0.7), then its
     * bias (±0.2) or batch norm's mean (±0.3), variance (0.1 to 1.1), gain (0.5 to 1.5), shift
     * (±0.2) and eps (1e-5); then the head (±0.7) and its bias.
     */
    public static String convNet(long seed, int channels, int[] dilations, boolean batchNorm, String activation) {
        ObjectNode config = JSON.createObjectNode();
        config.put("channels", channels);
        ArrayNode d = config.putArray("dilations");
        for (int x : dilations) {
            d.add(x);
        }
        config.put("batchnorm", batchNorm);
        config.put("activation", activation);
        ObjectNode root = root("ConvNet", config);
        ArrayNode w = root.putArray("weights");
        Random rnd = new Random(seed);
        for (int b = 0; b < dilations.length; b++) {
            draw(w, rnd, channels * (b == 0 ? 1 : channels) * 2, -0.7, 0.7);
            if (batchNorm) {
                draw(w, rnd, channels, -0.3, 0.3);
                draw(w, rnd, channels, 0.1, 1.1);
                draw(w, rnd, channels, 0.5, 1.5);
                draw(w, rnd, channels, -0.2, 0.2);
                w.add(1e-5);
            } else {
                draw(w, rnd, channels, -0.2, 0.2);
            }
        }
        draw(w, rnd, channels, -0.7, 0.7);
        draw(w, rnd, 1, -0.2, 0.2);
        return root.toString();
    }

    /** An FIR of {@code taps} taps (small: their sum stays near 1), with or without a bias. */
    public static String linear(long seed, int taps, boolean bias) {
        ObjectNode config = JSON.createObjectNode();
        config.put("receptive_field", taps);
        config.put("bias", bias);
        return model("Linear", config, seed, 2.0 / taps);
    }

    /** Loads a model of this class's making. */
    public static Network load(String json) {
        return NamLoader.parse(json, "random.nam").resolve();
    }

    private static String model(String architecture, ObjectNode config, long seed, double amplitude) {
        long count = NamLoader.weightCount(architecture, config.toString());
        ObjectNode root = root(architecture, config);
        draw(root.putArray("weights"), new Random(seed), count, -amplitude, amplitude);
        return root.toString();
    }

    private static ObjectNode root(String architecture, ObjectNode config) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "0.5.4");
        root.put("architecture", architecture);
        root.put("sample_rate", 48000);
        root.set("config", config);
        return root;
    }

    private static void draw(ArrayNode w, Random rnd, long n, double lo, double hi) {
        for (long i = 0; i < n; i++) {
            w.add(lo + (hi - lo) * rnd.nextDouble());
        }
    }
}
