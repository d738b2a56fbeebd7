package org.namcl.cpu;

import java.util.List;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.Lstm;
import org.namcl.model.net.LstmLayer;

/**
 * The streaming CPU engine for an LSTM: sample by sample, every layer's h and c carried between
 * calls. Real-time safe: {@link #process} and {@link #reset} allocate nothing.
 *
 * <p>The weights are stored per input column of [x; h], so a sample's matrix-vector product is a
 * few multiply-add loops over the 4H gate rows, four columns at a time ({@link RowOps}). The
 * sigmoids are tanh: σ(z) = ½ + ½·tanh(z/2), and the rows of i, f and o are halved at build time
 * (exact in float), so all 4H gates take one vectorised {@link RationalTanh} pass, and the cell
 * state one more.
 *
 * <p>"Silence before the file" follows NAM's C++ core: the file's stored h and c, then
 * {@link Lstm#prewarmSamples()} zeros; the state reached is saved, and {@link #reset} restores it.
 */
public final class LstmStreamer implements StreamRenderer {
    private final Layer[] layers;
    private final float[] head;
    private final float headBias;

    /** @param net the LSTM, from its stored state and the prewarm NAM's core gives it */
    public LstmStreamer(Lstm net) {
        UnsupportedModelException.check(Support.mono(net));
        List<LstmLayer> specs = net.layers();
        this.layers = new Layer[specs.size()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Layer(specs.get(l));
        }
        this.head = net.headWeights().clone();
        this.headBias = net.headBias();
        float[] zeros = new float[4096];
        float[] sink = new float[zeros.length];
        for (int done = 0; done < net.prewarmSamples(); done += zeros.length) {
            process(zeros, 0, sink, 0, Math.min(zeros.length, net.prewarmSamples() - done));
        }
        for (Layer layer : layers) {
            layer.save();
        }
    }

    @Override
    public void process(float[] in, int inOff, float[] out, int outOff, int n) {
        Layer last = layers[layers.length - 1];
        for (int t = 0; t < n; t++) {
            layers[0].xh[0] = in[inOff + t];
            for (int l = 0; l < layers.length; l++) {
                if (l > 0) {
                    Layer below = layers[l - 1];
                    System.arraycopy(below.xh, below.in, layers[l].xh, 0, layers[l].in);
                }
                layers[l].step();
            }
            out[outOff + t] = headBias + dot(head, last.xh, last.in);
        }
    }

    /** Σ a[k] · b[from + k]. */
    private static float dot(float[] a, float[] b, int from) {
        float s = 0f;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[from + k];
        }
        return s;
    }

    @Override
    public void reset() {
        for (int l = 0; l < layers.length; l++) {
            layers[l].restore();
        }
    }

    /** One layer's weights, by column, and its state. */
    private static final class Layer {
        private final int hidden;
        /** Per column j of [x; h]: the 4H gate rows i, f, g, o (i, f and o halved). */
        private final float[][] w;
        private final float[] bias;
        private final float[] z;
        /** [x; h]: this sample's input (x, or the layer below's h), then the layer's h. */
        final float[] xh;
        final int in;
        private final float[] c;
        private final float[] tanhC;
        private final float[] saved;
        private final float[] savedC;

        Layer(LstmLayer spec) {
            hidden = spec.hiddenSize();
            in = spec.inputSize();
            int rows = 4 * hidden;
            w = new float[in + hidden][rows];
            bias = new float[rows];
            for (int r = 0; r < rows; r++) {
                // rows [2H, 3H) are the cell gate g, which takes tanh; the others a sigmoid
                float scale = r / hidden == 2 ? 1f : 0.5f;
                bias[r] = spec.bias()[r] * scale;
                for (int j = 0; j < in + hidden; j++) {
                    w[j][r] = spec.weight(r, j) * scale;
                }
            }
            z = new float[rows];
            xh = new float[in + hidden];
            System.arraycopy(spec.initialHidden(), 0, xh, in, hidden);
            c = spec.initialCell().clone();
            tanhC = new float[hidden];
            saved = new float[hidden];
            savedC = new float[hidden];
        }

        /** One sample: gates from [x; h], then c and h. */
        void step() {
            int rows = z.length;
            System.arraycopy(bias, 0, z, 0, rows);
            int j = 0;
            for (; j + 4 <= xh.length; j += 4) {
                RowOps.mac4(z, w[j], w[j + 1], w[j + 2], w[j + 3], xh[j], xh[j + 1], xh[j + 2], xh[j + 3], rows);
            }
            for (; j < xh.length; j++) {
                RowOps.mac1(z, w[j], xh[j], rows);
            }
            RationalTanh.tanhInPlace(z, 0, rows);
            int hd = hidden;
            for (int k = 0; k < hd; k++) {
                c[k] = (0.5f + 0.5f * z[hd + k]) * c[k] + (0.5f + 0.5f * z[k]) * z[2 * hd + k];
            }
            System.arraycopy(c, 0, tanhC, 0, hd);
            RationalTanh.tanhInPlace(tanhC, 0, hd);
            for (int k = 0; k < hd; k++) {
                xh[in + k] = (0.5f + 0.5f * z[3 * hd + k]) * tanhC[k];
            }
        }

        void save() {
            System.arraycopy(xh, in, saved, 0, hidden);
            System.arraycopy(c, 0, savedC, 0, hidden);
        }

        void restore() {
            System.arraycopy(saved, 0, xh, in, hidden);
            System.arraycopy(savedC, 0, c, 0, hidden);
        }
    }
}
