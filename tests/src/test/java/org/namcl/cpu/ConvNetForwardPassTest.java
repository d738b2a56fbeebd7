package org.namcl.cpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.model.Activation;
import org.namcl.model.NamLoader;
import org.namcl.model.ReferenceActivation;
import org.namcl.model.net.ConvNet;
import org.namcl.testing.RandomNetworks;
import org.namcl.gen.TestSignals;
import org.namcl.testing.Tolerance;

/**
 * The CPU engine's ConvNet against a forward pass written here from the format's description, in
 * double precision, over seeded random configs: kernel-2 dilated convs (tap 0 the older sample),
 * batch norm on and off (applied as the formula, not folded), every activation, a 1x1 head. Before
 * the first sample every layer holds its response to silence: the input is zero-padded by RF − 1.
 */
class ConvNetForwardPassTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every activation kind a file can name (GELU's tanh form shares its name). */
    private static final String[] ACTIVATIONS = Arrays.stream(Activation.Kind.values())
            .map(Activation.Kind::jsonName).distinct().toArray(String[]::new);
    private static final int CONFIGS = 2 * ACTIVATIONS.length;

    static Stream<String> models() {
        return LongStream.range(0, CONFIGS).mapToObj(seed -> {
            Random rnd = new Random(seed);
            int[] dilations = new int[1 + rnd.nextInt(6)];
            for (int i = 0; i < dilations.length; i++) {
                dilations[i] = 1 + rnd.nextInt(i == 0 ? 3 : 64);
            }
            return RandomNetworks.convNet(seed, 1 + rnd.nextInt(6), dilations, seed % 2 == 0,
                    ACTIVATIONS[(int) (seed / 2)]);
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void matchesTheDoublePrecisionForwardPass(String json) throws IOException {
        ConvNet net = NamLoader.parse(json, "convnet.nam").resolve(ConvNet.class);
        float[] in = TestSignals.mixed(3000, json.length());
        float[] out = new float[in.length];
        new ConvNetStreamer(net).process(in, out, in.length);
        JsonNode model = JSON.readTree(json);
        Tolerance.assertMatches(model.get("config").toString(), forward(model, net.activation(), in), out);
    }

    /** The forward pass over the whole signal, from the JSON (activation parameters as loaded). */
    private static float[] forward(JsonNode model, Activation act, float[] in) {
        JsonNode config = model.get("config");
        int channels = config.get("channels").asInt();
        boolean batchNorm = config.get("batchnorm").asBoolean();
        JsonNode weights = model.get("weights");
        int pad = 0;
        for (JsonNode d : config.get("dilations")) {
            pad += d.asInt();
        }
        double[][] x = new double[1][pad + in.length];
        for (int t = 0; t < in.length; t++) {
            x[0][pad + t] = in[t];
        }
        int w = 0;
        for (JsonNode dn : config.get("dilations")) {
            int d = dn.asInt();
            int inCh = x.length;
            double[][] y = new double[channels][x[0].length];
            for (int o = 0; o < channels; o++) {
                for (int i = 0; i < inCh; i++) {
                    double older = weights.get(w++).asDouble();
                    double current = weights.get(w++).asDouble();
                    for (int t = d; t < y[o].length; t++) {
                        y[o][t] += older * x[i][t - d] + current * x[i][t];
                    }
                }
            }
            double[][] norm = new double[5][channels];
            for (int part = 0; part < (batchNorm ? 4 : 1); part++) {
                for (int o = 0; o < channels; o++) {
                    norm[part][o] = weights.get(w++).asDouble();
                }
            }
            double eps = batchNorm ? weights.get(w++).asDouble() : 0;
            for (int o = 0; o < channels; o++) {
                for (int t = 0; t < y[o].length; t++) {
                    double v = batchNorm
                            ? (y[o][t] - norm[0][o]) / Math.sqrt(norm[1][o] + eps) * norm[2][o] + norm[3][o]
                            : y[o][t] + norm[0][o];
                    y[o][t] = ReferenceActivation.apply(act, v, o);
                }
            }
            x = y;
        }
        float[] out = new float[in.length];
        double[] head = new double[channels];
        for (int o = 0; o < channels; o++) {
            head[o] = weights.get(w++).asDouble();
        }
        double bias = weights.get(w++).asDouble();
        for (int t = 0; t < in.length; t++) {
            double s = bias;
            for (int o = 0; o < channels; o++) {
                s += head[o] * x[o][pad + t];
            }
            out[t] = (float) s;
        }
        if (w != weights.size()) {
            throw new AssertionError("the test read " + w + " of " + weights.size() + " weights");
        }
        return out;
    }
}
