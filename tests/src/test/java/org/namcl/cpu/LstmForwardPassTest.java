package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Lstm;
import org.namcl.testing.RandomNetworks;
import org.namcl.gen.TestSignals;
import org.namcl.testing.Tolerance;

/**
 * The CPU engine's LSTM against one written here from the format's description (NAM-SPEC), in
 * double precision with exact tanh and sigmoid: per layer W (4H × (in + H)) row-major with gates
 * i, f, g, o, then b, the stored h and c; the head; start-up from the stored state followed by
 * NAM's prewarm, ceil(0.5 s · 48000 / 4096) · 4096 = 24576 zeros for these 48 kHz files.
 */
class LstmForwardPassTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREWARM_AT_48K = 6 * 4096;

    static Stream<String> models() {
        return Stream.of(RandomNetworks.lstm(1, 1, 1), RandomNetworks.lstm(2, 1, 7), RandomNetworks.lstm(3, 2, 5),
                RandomNetworks.lstm(4, 3, 4), RandomNetworks.lstm(5, 1, 16));
    }

    @ParameterizedTest
    @MethodSource("models")
    void matchesTheDoublePrecisionLstm(String json) throws IOException {
        float[] in = TestSignals.mixed(3000, json.length());
        Tolerance.assertMatches(JSON.readTree(json).get("config").toString(), forward(JSON.readTree(json), in,
                PREWARM_AT_48K), render(json, in));
    }

    /** Guards the test itself: the stored state differs from silence's, so a missing prewarm would show. */
    @Test
    void withoutThePrewarmTheStartDiffers() throws IOException {
        String json = RandomNetworks.lstm(3, 2, 5);
        float[] in = TestSignals.mixed(3000, 1);
        float[] unwarmed = forward(JSON.readTree(json), in, 0);
        assertThrows(AssertionError.class, () -> Tolerance.assertMatches("no prewarm", unwarmed, render(json, in)));
    }

    private static float[] render(String json, float[] in) {
        float[] out = new float[in.length];
        new LstmStreamer(NamLoader.parse(json, "lstm.nam").resolve(Lstm.class)).process(in, out, in.length);
        return out;
    }

    private static float[] forward(JsonNode model, float[] in, int prewarm) {
        JsonNode config = model.get("config");
        int layers = config.get("num_layers").asInt();
        int hidden = config.get("hidden_size").asInt();
        JsonNode weights = model.get("weights");
        int at = 0;
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][4 * hidden];
        double[][] h = new double[layers][hidden];
        double[][] c = new double[layers][hidden];
        for (int l = 0; l < layers; l++) {
            int cols = (l == 0 ? config.get("input_size").asInt() : hidden) + hidden;
            w[l] = new double[4 * hidden][cols];
            for (int r = 0; r < 4 * hidden; r++) {
                for (int j = 0; j < cols; j++) {
                    w[l][r][j] = weights.get(at++).asDouble();
                }
            }
            for (int r = 0; r < 4 * hidden; r++) {
                b[l][r] = weights.get(at++).asDouble();
            }
            for (int k = 0; k < hidden; k++) {
                h[l][k] = weights.get(at++).asDouble();
            }
            for (int k = 0; k < hidden; k++) {
                c[l][k] = weights.get(at++).asDouble();
            }
        }
        double[] head = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            head[k] = weights.get(at++).asDouble();
        }
        double headBias = weights.get(at++).asDouble();
        if (at != weights.size()) {
            throw new AssertionError("the test read " + at + " of " + weights.size() + " weights");
        }
        float[] out = new float[in.length];
        for (int t = -prewarm; t < in.length; t++) {
            double[] x = {t < 0 ? 0 : in[t]};
            for (int l = 0; l < layers; l++) {
                double[] xh = new double[x.length + hidden];
                System.arraycopy(x, 0, xh, 0, x.length);
                System.arraycopy(h[l], 0, xh, x.length, hidden);
                double[] z = new double[4 * hidden];
                for (int r = 0; r < z.length; r++) {
                    z[r] = b[l][r];
                    for (int j = 0; j < xh.length; j++) {
                        z[r] += w[l][r][j] * xh[j];
                    }
                }
                for (int k = 0; k < hidden; k++) {
                    double i = sigmoid(z[k]);
                    double f = sigmoid(z[hidden + k]);
                    double g = Math.tanh(z[2 * hidden + k]);
                    double o = sigmoid(z[3 * hidden + k]);
                    c[l][k] = f * c[l][k] + i * g;
                    h[l][k] = o * Math.tanh(c[l][k]);
                }
                x = h[l].clone();
            }
            if (t >= 0) {
                double y = headBias;
                for (int k = 0; k < hidden; k++) {
                    y += head[k] * x[k];
                }
                out[t] = (float) y;
            }
        }
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
