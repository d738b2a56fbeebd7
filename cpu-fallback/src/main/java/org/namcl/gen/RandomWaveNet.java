package org.namcl.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;

/**
 * Seeded random WaveNet {@code .nam} files covering the format's features: gating modes per
 * layer, every activation kind (with parameters, per-channel PReLU), FiLM slots with and
 * without shift and with groups, bottleneck, head1x1, layer1x1 inactive or grouped, grouped
 * convs and mixins, odd channel counts, kernel sizes 1–16, dilations up to 1024, head kernel and
 * dilation, post-stack head, condition DSP, 1–3 layer arrays. Every file obeys the loader's
 * rules and counts its weights in NAM-SPEC's order, so {@link NamLoader#parse} accepts it.
 */
public final class RandomWaveNet {
    /** Seeds 0 .. COVERING_SEEDS − 1 together exercise every feature (RandomWaveNetTest checks). */
    public static final int COVERING_SEEDS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SIMPLE = {"Tanh", "Fasttanh", "ReLU", "Sigmoid", "SiLU", "Hardswish",
        "Softsign", "Softsigmoid", "Hardsigmoid", "SELU", "Mish", "LogSigmoid", "Tanhshrink"};
    private static final String[] FILMS = {"conv_pre_film", "conv_post_film", "input_mixin_pre_film",
        "input_mixin_post_film", "activation_pre_film", "activation_post_film", "layer1x1_post_film",
        "head1x1_post_film"};

    private final Random rnd;
    /** Every layer of an array like its first but for the dilation (runs the OpenCL engine can fuse). */
    private final boolean uniformLayers;
    private int weights;
    private int nextActivation;

    private RandomWaveNet(long seed, boolean uniformLayers) {
        this.rnd = new Random(seed);
        this.uniformLayers = uniformLayers;
        this.nextActivation = rnd.nextInt(SIMPLE.length + 9);
    }

    /** The model for {@code seed} as {@code .nam} JSON text. */
    public static String json(long seed) {
        return new RandomWaveNet(seed, false).model(1, true).toString();
    }

    public static WaveNet load(long seed) {
        return NamLoader.parse(json(seed), "random-" + seed + ".nam").resolve(WaveNet.class);
    }

    /**
     * A model for {@code seed} whose arrays have 2–4 layers each, alike but for their dilations
     * (kernel size, gating and activations of the array's first layer), condition DSP included:
     * what layer fusion needs. Not the same model as {@link #load} for that seed.
     */
    public static WaveNet loadUniformLayers(long seed) {
        String json = new RandomWaveNet(seed, true).model(1, true).toString();
        return NamLoader.parse(json, "random-uniform-" + seed + ".nam").resolve(WaveNet.class);
    }

    /**
     * @param outChannels what the model outputs (1 for the main model, the condition width for a DSP)
     * @param allowDsp    whether this model may have a condition DSP of its own
     */
    private ObjectNode model(int outChannels, boolean allowDsp) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "0.7.0");
        root.put("architecture", "WaveNet");
        root.put("sample_rate", 48000);
        ObjectNode config = root.putObject("config");
        int condSize = 1;
        if (allowDsp && rnd.nextBoolean()) {
            condSize = new int[] {2, 3, 4, 4}[rnd.nextInt(4)]; // wide: room for grouped FiLMs and mixins
            // the DSP's weights live inside it: generate it before counting ours
            config.set("condition_dsp", new RandomWaveNet(rnd.nextLong(), uniformLayers).model(condSize, false));
        }
        weights = 0;
        ArrayNode layers = config.putArray("layers");
        boolean postHead = rnd.nextInt(4) == 0;
        int nArrays = 1 + rnd.nextInt(allowDsp ? 3 : 2); // a condition DSP stays small
        int input = 1;
        int incomingHead = 0;
        for (int i = 0; i < nArrays; i++) {
            boolean last = i == nArrays - 1;
            int headOut = last ? (postHead ? 1 + rnd.nextInt(3) : outChannels) : 0;
            ObjectNode a = layerArray(input, condSize, incomingHead, headOut);
            layers.add(a);
            input = a.get("channels").asInt();
            incomingHead = headOutChannels(a);
        }
        if (postHead) {
            ObjectNode h = config.putObject("head");
            int channels = 1 + rnd.nextInt(4);
            int n = 1 + rnd.nextInt(3);
            h.put("channels", channels);
            h.put("out_channels", outChannels);
            ArrayNode ks = h.putArray("kernel_sizes");
            int in = incomingHead;
            for (int k = 0; k < n; k++) {
                int kernel = 1 + rnd.nextInt(4);
                int out = k == n - 1 ? outChannels : channels;
                ks.add(kernel);
                weights += out * in * kernel + out;
                in = out;
            }
            h.set("activation", activation(channels, false));
        }
        config.put("head_scale", 0.02);
        weights += 1;
        ArrayNode w = root.putArray("weights");
        for (int i = 0; i < weights; i++) {
            w.add(i == weights - 1 ? 0.5 + rnd.nextFloat() : (rnd.nextFloat() * 2 - 1) * 0.6);
        }
        return root;
    }

    /**
     * @param incomingHead the previous array's head output width (0 for the first array)
     * @param headOut      this array's head output width, or 0 to choose (an intermediate array)
     */
    private ObjectNode layerArray(int input, int cond, int incomingHead, int headOut) {
        ObjectNode a = JSON.createObjectNode();
        boolean layer1x1 = rnd.nextInt(4) != 0;
        boolean head1x1 = rnd.nextBoolean();
        int channels = 1 + rnd.nextInt(7);
        int bottleneck = layer1x1 ? 1 + rnd.nextInt(6) : channels;
        int head1x1Out = 1 + rnd.nextInt(4);
        int headWidth = head1x1 ? head1x1Out : bottleneck;
        if (incomingHead > 1 && incomingHead != headWidth) {
            // the incoming head must match the layers' head width (or be 1 wide and broadcast)
            if (head1x1) {
                head1x1Out = incomingHead;
            } else if (layer1x1) {
                bottleneck = incomingHead;
            } else {
                channels = bottleneck = incomingHead;
            }
            headWidth = incomingHead;
        }
        int nLayers = uniformLayers ? 2 + rnd.nextInt(3) : 1 + rnd.nextInt(3);
        a.put("input_size", input);
        a.put("condition_size", cond);
        a.put("channels", channels);
        a.put("bottleneck", bottleneck);
        ArrayNode dilations = a.putArray("dilations");
        ArrayNode kernels = a.putArray("kernel_sizes");
        ArrayNode gating = a.putArray("gating_mode");
        ArrayNode acts = a.putArray("activation");
        ArrayNode secondary = a.putArray("secondary_activation");
        int[] rows = new int[nLayers];
        for (int l = 0; l < nLayers; l++) {
            // mostly short kernels and dilations, sometimes one extreme (RF stays moderate)
            int k = 1 + rnd.nextInt(4);
            int d = 1 << rnd.nextInt(5);
            switch (rnd.nextInt(6)) {
                case 0 -> k = rnd.nextBoolean() ? 16 : 9 + rnd.nextInt(7);
                case 1 -> {
                    k = 1 + rnd.nextInt(2);
                    d = 1024;
                }
                default -> { }
            }
            String g = new String[] {"none", "gated", "blended"}[rnd.nextInt(3)];
            JsonNode act = activation(bottleneck, true);
            JsonNode sec = g.equals("none") ? JSON.nullNode() : activation(bottleneck, true);
            if (uniformLayers && l > 0) {
                k = kernels.get(0).asInt();
                g = gating.get(0).asText();
                act = acts.get(0);
                sec = secondary.get(0);
            }
            kernels.add(k);
            dilations.add(d);
            gating.add(g);
            rows[l] = g.equals("none") ? bottleneck : 2 * bottleneck;
            acts.add(act);
            secondary.add(sec);
        }
        int groupsInput = commonDivisor(channels, rows);
        int groupsMixin = commonDivisor(cond, rows);
        a.put("groups_input", groupsInput);
        a.put("groups_input_mixin", groupsMixin);
        int l1Groups = layer1x1 ? someDivisor(gcd(bottleneck, channels)) : 1;
        a.putObject("layer1x1").put("active", layer1x1).put("groups", l1Groups);
        int h1Groups = head1x1 ? someDivisor(gcd(bottleneck, head1x1Out)) : 1;
        if (head1x1) {
            a.putObject("head1x1").put("active", true).put("out_channels", head1x1Out).put("groups", h1Groups);
        }
        if (headOut == 0) {
            headOut = rnd.nextInt(3) == 0 ? 1 : 1 + rnd.nextInt(5);
        }
        int headKernel = 1 + rnd.nextInt(4);
        int headDilation = 1 + rnd.nextInt(3);
        boolean headBias = rnd.nextBoolean();
        if (rnd.nextBoolean()) {
            a.putObject("head").put("out_channels", headOut).put("kernel_size", headKernel)
                    .put("bias", headBias).put("head_dilation", headDilation);
        } else {
            headKernel = 1;
            a.put("head_size", headOut);
            a.put("head_bias", headBias);
        }

        weights += channels * input; // rechannel
        List<String> films = new ArrayList<>();
        for (String f : FILMS) {
            boolean exists = (!f.equals("layer1x1_post_film") || layer1x1) && (!f.equals("head1x1_post_film") || head1x1);
            if (exists && rnd.nextInt(cond > 1 ? 2 : 4) == 0) {
                films.add(f);
            }
        }
        int[] filmMult = new int[FILMS.length];
        int[] filmGroups = new int[FILMS.length];
        for (String f : films) {
            int idx = List.of(FILMS).indexOf(f);
            boolean shift = rnd.nextBoolean();
            filmMult[idx] = shift ? 2 : 1;
            int dimGcd = cond;
            for (int zc : rows) {
                dimGcd = gcd(dimGcd, filmMult[idx] * filmDim(f, channels, zc, bottleneck, cond, head1x1Out));
            }
            filmGroups[idx] = someDivisor(dimGcd);
            ObjectNode spec = a.putObject(f).put("shift", shift);
            if (filmGroups[idx] > 1 || rnd.nextBoolean()) {
                spec.put("groups", filmGroups[idx]);
            }
        }
        for (int l = 0; l < nLayers; l++) {
            int zc = rows[l];
            int k = kernels.get(l).asInt();
            weights += zc * (channels / groupsInput) * k + zc;     // conv
            weights += zc * (cond / groupsMixin);                  // input mixin
            if (layer1x1) {
                weights += channels * (bottleneck / l1Groups) + channels;
            }
            if (head1x1) {
                weights += head1x1Out * (bottleneck / h1Groups) + head1x1Out;
            }
            for (int f = 0; f < FILMS.length; f++) {
                if (filmMult[f] > 0) {
                    int dim = filmMult[f] * filmDim(FILMS[f], channels, zc, bottleneck, cond, head1x1Out);
                    weights += dim * (cond / filmGroups[f]) + dim;
                }
            }
        }
        weights += headOut * headWidth * headKernel + (headBias ? headOut : 0); // head rechannel
        return a;
    }

    private static int headOutChannels(ObjectNode a) {
        JsonNode head = a.get("head");
        return head != null ? head.get("out_channels").asInt() : a.get("head_size").asInt();
    }

    private static int filmDim(String slot, int channels, int zc, int bottleneck, int cond, int head1x1Out) {
        return switch (slot) {
            case "conv_pre_film", "layer1x1_post_film" -> channels;
            case "input_mixin_pre_film" -> cond;
            case "activation_post_film" -> bottleneck;
            case "head1x1_post_film" -> head1x1Out;
            default -> zc;
        };
    }

    /** A random divisor of {@code n}, 1 half of the time. */
    private int divisor(int n) {
        if (rnd.nextBoolean()) {
            return 1;
        }
        List<Integer> ds = new ArrayList<>();
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                ds.add(d);
            }
        }
        return ds.get(rnd.nextInt(ds.size()));
    }

    /** {@code n} itself half of the time (grouped whenever possible), else any divisor. */
    private int someDivisor(int n) {
        return rnd.nextBoolean() ? n : divisor(n);
    }

    private int commonDivisor(int n, int[] rows) {
        int g = n;
        for (int r : rows) {
            g = gcd(g, r);
        }
        return someDivisor(g);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * The next activation kind in rotation (every kind comes round within a few models; the
     * start depends on the seed), parameters random, per-channel PReLU slopes when allowed.
     */
    private JsonNode activation(int channels, boolean perChannel) {
        int pick = nextActivation++ % (SIMPLE.length + 9);
        if (pick < SIMPLE.length) {
            return JSON.getNodeFactory().textNode(SIMPLE[pick]);
        }
        ObjectNode o = JSON.createObjectNode();
        switch (pick - SIMPLE.length) {
            case 0 -> o.put("type", "Hardtanh").put("min_val", -0.4 - rnd.nextFloat()).put("max_val", 0.3 + rnd.nextFloat());
            case 1 -> o.put("type", "LeakyReLU").put("negative_slope", rnd.nextFloat() * 0.3);
            case 2 -> {
                o.put("type", "PReLU");
                if (perChannel && rnd.nextInt(4) != 0) {
                    ArrayNode s = o.putArray("negative_slopes");
                    for (int c = 0; c < channels; c++) {
                        s.add(rnd.nextFloat() * 0.5);
                    }
                } else {
                    o.put("negative_slope", rnd.nextFloat() * 0.5);
                }
            }
            case 3 -> o.put("type", "LeakyHardtanh").put("min_val", -0.5 - rnd.nextFloat()).put("max_val", 0.5 + rnd.nextFloat())
                    .put("min_slope", rnd.nextFloat() * 0.2).put("max_slope", rnd.nextFloat() * 0.2);
            case 4 -> o.put("type", "GELU").put("approximate", "tanh");
            case 5 -> o.put("type", "ELU").put("alpha", 0.5 + rnd.nextFloat());
            case 6 -> o.put("type", "Softplus").put("beta", 0.5 + 2 * rnd.nextFloat()).put("threshold", 1 + 3 * rnd.nextFloat());
            case 7 -> o.put("type", "CELU").put("alpha", 0.5 + rnd.nextFloat());
            default -> o.put("type", "GELU");
        }
        return o;
    }
}
