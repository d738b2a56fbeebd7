package org.namcl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent, double-precision WaveNet for tests, written from NAM-SPEC alone: it walks the
 * flat weight array itself (weight order) instead of using WaveNetBuilder, and runs whole
 * signals with plain loops (forward pass) instead of the CPU engine's units. Only the parsed
 * {@link WaveNetConfig} is shared with the code under test.
 */
public final class ReferenceWaveNet {
    private final WaveNetConfig config;
    private final ReferenceWaveNet conditionDsp;
    private final List<Array> arrays = new ArrayList<>();
    private final List<Conv> postHead = new ArrayList<>();
    private final double headScale;
    private final int weightsRead;

    /**
     * @param weights      the model's flat weights, exactly as many as the config needs
     * @param conditionDsp the reference of the config's condition DSP, or null when it has none
     */
    public ReferenceWaveNet(WaveNetConfig config, double[] weights, ReferenceWaveNet conditionDsp) {
        this(config, new Cursor(weights), conditionDsp);
        if (weightsRead != weights.length) {
            throw new IllegalArgumentException("the config needs " + weightsRead + " weights, got " + weights.length);
        }
    }

    private ReferenceWaveNet(WaveNetConfig config, Cursor cursor, ReferenceWaveNet conditionDsp) {
        this.config = config;
        this.conditionDsp = conditionDsp;
        for (LayerArrayConfig a : config.arrays()) {
            arrays.add(new Array(a, cursor));
        }
        PostHeadConfig h = config.postHead();
        if (h != null) {
            int in = config.arrays().get(config.arrays().size() - 1).headOutChannels();
            for (int i = 0; i < h.kernelSizes().size(); i++) {
                int out = i == h.kernelSizes().size() - 1 ? h.outChannels() : h.channels();
                postHead.add(new Conv(cursor, in, out, h.kernelSizes().get(i), 1, 1, true));
                in = out;
            }
        }
        this.headScale = cursor.next();
        this.weightsRead = cursor.position;
    }

    /** How many weights a model with this config has (condition DSP excluded: it has its own). */
    public static int weightCount(WaveNetConfig config) {
        return new ReferenceWaveNet(config, new Cursor(null), null).weightsRead;
    }

    /** 1 + every causal look-back on the path from input to output, condition DSP included. */
    public int receptiveField() {
        int r = 1;
        for (Array a : arrays) {
            for (Layer l : a.layers) {
                r += l.conv.lookback();
            }
            r += a.headRechannel.lookback();
        }
        for (Conv c : postHead) {
            r += c.lookback();
        }
        return conditionDsp == null ? r : r + conditionDsp.receptiveField() - 1;
    }

    /**
     * The mono output for a mono input with silence before it: the input zero-padded with RF − 1
     * samples in front, run from zero state, padding dropped from the output (NAM-SPEC, start-up).
     */
    public double[] process(double[] input) {
        int pad = receptiveField() - 1;
        double[][] x = new double[1][pad + input.length];
        System.arraycopy(input, 0, x[0], pad, input.length);
        double[][] y = forward(x);
        double[] out = new double[input.length];
        System.arraycopy(y[0], pad, out, 0, input.length);
        return out;
    }

    /** The forward pass over whole signals (rows = channels), zero before the first sample. */
    double[][] forward(double[][] input) {
        double[][] cond = conditionDsp == null ? input : conditionDsp.forward(input);
        double[][] x = input;
        double[][] head = null;
        for (Array a : arrays) {
            double[][][] r = a.forward(x, cond, head);
            x = r[0];
            head = r[1];
        }
        double[][] y = scale(head, headScale);
        for (Conv c : postHead) {
            y = c.apply(activate(config.postHead().activation(), y));
        }
        return y;
    }

    private static double[][] activate(Activation act, double[][] v) {
        double[][] out = new double[v.length][v[0].length];
        for (int r = 0; r < v.length; r++) {
            for (int t = 0; t < v[r].length; t++) {
                out[r][t] = ReferenceActivation.apply(act, v[r][t], r);
            }
        }
        return out;
    }

    private static double[][] scale(double[][] v, double s) {
        double[][] out = new double[v.length][v[0].length];
        for (int r = 0; r < v.length; r++) {
            for (int t = 0; t < v[r].length; t++) {
                out[r][t] = s * v[r][t];
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int t = 0; t < a[r].length; t++) {
                out[r][t] = a[r][t] + b[r][t];
            }
        }
        return out;
    }

    private static final class Cursor {
        private final double[] weights;
        private int position;

        Cursor(double[] weights) {
            this.weights = weights;
        }

        /** The next weight (0 when only counting). */
        double next() {
            double v = weights == null ? 0 : weights[position];
            position++;
            return v;
        }
    }

    /** A causal dilated grouped conv, kept as a dense [out][in][k] matrix (zero off the groups). */
    private static final class Conv {
        private final double[][][] w;
        private final double[] bias;
        private final int kernel;
        private final int dilation;

        Conv(Cursor c, int in, int out, int kernel, int dilation, int groups, boolean hasBias) {
            this.kernel = kernel;
            this.dilation = dilation;
            this.w = new double[out][in][kernel];
            int inPerGroup = in / groups;
            int outPerGroup = out / groups;
            for (int g = 0; g < groups; g++) {
                for (int i = 0; i < outPerGroup; i++) {
                    for (int j = 0; j < inPerGroup; j++) {
                        for (int k = 0; k < kernel; k++) {
                            w[g * outPerGroup + i][g * inPerGroup + j][k] = c.next();
                        }
                    }
                }
            }
            this.bias = new double[out];
            if (hasBias) {
                for (int o = 0; o < out; o++) {
                    bias[o] = c.next();
                }
            }
        }

        static Conv pointwise(Cursor c, int in, int out, int groups, boolean hasBias) {
            return new Conv(c, in, out, 1, 1, groups, hasBias);
        }

        int lookback() {
            return dilation * (kernel - 1);
        }

        /** y[o][t] = b[o] + Σ_i Σ_k W[o][i][k] · x[i][t − d·(K−1−k)], x = 0 before t = 0. */
        double[][] apply(double[][] x) {
            int n = x[0].length;
            double[][] y = new double[w.length][n];
            for (int o = 0; o < w.length; o++) {
                for (int t = 0; t < n; t++) {
                    double s = bias[o];
                    for (int i = 0; i < w[o].length; i++) {
                        for (int k = 0; k < kernel; k++) {
                            int src = t - dilation * (kernel - 1 - k);
                            if (src >= 0) {
                                s += w[o][i][k] * x[i][src];
                            }
                        }
                    }
                    y[o][t] = s;
                }
            }
            return y;
        }
    }

    /** y = x · scale(c) + shift(c): rows [0, dim) of the conv are the scale, [dim, 2·dim) the shift. */
    private static final class Film {
        private final Conv conv;
        private final int dim;
        private final boolean shift;

        Film(Cursor c, int condition, int dim, FilmSpec spec) {
            this.dim = dim;
            this.shift = spec.shift();
            this.conv = Conv.pointwise(c, condition, (shift ? 2 : 1) * dim, spec.groups(), true);
        }

        double[][] apply(double[][] x, double[][] cond) {
            double[][] s = conv.apply(cond);
            double[][] out = new double[dim][x[0].length];
            for (int r = 0; r < dim; r++) {
                for (int t = 0; t < out[r].length; t++) {
                    out[r][t] = x[r][t] * s[r][t] + (shift ? s[dim + r][t] : 0);
                }
            }
            return out;
        }
    }

    private static final class Layer {
        private final LayerSpec spec;
        private final int bottleneck;
        private final Conv conv;
        private final Conv mixin;
        private final Conv layer1x1;
        private final Conv head1x1;
        private final Film[] films = new Film[FilmSlot.values().length];

        Layer(LayerArrayConfig a, LayerSpec spec, Cursor c) {
            this.spec = spec;
            this.bottleneck = a.bottleneck();
            int zc = (spec.gating() == GatingMode.NONE ? 1 : 2) * bottleneck;
            int cond = a.conditionSize();
            conv = new Conv(c, a.channels(), zc, spec.kernelSize(), spec.dilation(), a.groupsInput(), true);
            mixin = Conv.pointwise(c, cond, zc, a.groupsInputMixin(), false);
            layer1x1 = a.layer1x1Active() ? Conv.pointwise(c, bottleneck, a.channels(), a.layer1x1Groups(), true) : null;
            int h1 = a.head1x1OutChannels();
            head1x1 = a.head1x1Active() ? Conv.pointwise(c, bottleneck, h1, a.head1x1Groups(), true) : null;
            int[] dims = {a.channels(), zc, cond, zc, zc, bottleneck, a.channels(), h1};
            for (FilmSlot slot : FilmSlot.values()) {
                boolean exists = (slot != FilmSlot.LAYER1X1_POST || layer1x1 != null)
                        && (slot != FilmSlot.HEAD1X1_POST || head1x1 != null);
                if (a.film(slot).active() && exists) {
                    films[slot.ordinal()] = new Film(c, cond, dims[slot.ordinal()], a.film(slot));
                }
            }
        }

        private double[][] film(FilmSlot slot, double[][] v, double[][] cond) {
            Film f = films[slot.ordinal()];
            return f == null ? v : f.apply(v, cond);
        }

        /** @return {next x, head contribution} */
        double[][][] forward(double[][] x, double[][] cond) {
            double[][] c = film(FilmSlot.CONV_POST, conv.apply(film(FilmSlot.CONV_PRE, x, cond)), cond);
            double[][] m = film(FilmSlot.INPUT_MIXIN_POST, mixin.apply(film(FilmSlot.INPUT_MIXIN_PRE, cond, cond)), cond);
            double[][] z = film(FilmSlot.ACTIVATION_PRE, add(c, m), cond);
            int n = x[0].length;
            double[][] a = new double[bottleneck][n];
            for (int r = 0; r < bottleneck; r++) {
                for (int t = 0; t < n; t++) {
                    double v = z[r][t];
                    double act = ReferenceActivation.apply(spec.activation(), v, r);
                    a[r][t] = switch (spec.gating()) {
                        case NONE -> act;
                        case GATED -> act * ReferenceActivation.apply(spec.secondary(), z[bottleneck + r][t], r);
                        case BLENDED -> {
                            double s = ReferenceActivation.apply(spec.secondary(), z[bottleneck + r][t], r);
                            yield s * act + (1 - s) * v;
                        }
                    };
                }
            }
            a = film(FilmSlot.ACTIVATION_POST, a, cond);
            double[][] residual = layer1x1 == null ? a : film(FilmSlot.LAYER1X1_POST, layer1x1.apply(a), cond);
            double[][] headTerm = head1x1 == null ? a : film(FilmSlot.HEAD1X1_POST, head1x1.apply(a), cond);
            return new double[][][] {add(x, residual), headTerm};
        }
    }

    private static final class Array {
        private final Conv rechannel;
        private final List<Layer> layers = new ArrayList<>();
        private final Conv headRechannel;
        private final int headWidth;

        Array(LayerArrayConfig a, Cursor c) {
            rechannel = Conv.pointwise(c, a.inputSize(), a.channels(), 1, false);
            for (LayerSpec spec : a.layers()) {
                layers.add(new Layer(a, spec, c));
            }
            headWidth = a.head1x1Active() ? a.head1x1OutChannels() : a.bottleneck();
            headRechannel = new Conv(c, headWidth, a.headOutChannels(), a.headKernelSize(), a.headDilation(), 1,
                    a.headBias());
        }

        /**
         * @param previousHead the previous array's head output, or null for the first array; one
         *                     row is broadcast over the head width (torch broadcasting)
         * @return {last layer output, head output}
         */
        double[][][] forward(double[][] input, double[][] cond, double[][] previousHead) {
            double[][] x = rechannel.apply(input);
            int n = x[0].length;
            double[][] head = new double[headWidth][];
            for (int r = 0; r < headWidth; r++) {
                head[r] = previousHead == null ? new double[n]
                        : previousHead[previousHead.length == 1 ? 0 : r].clone();
            }
            for (Layer l : layers) {
                double[][][] r = l.forward(x, cond);
                x = r[0];
                head = add(head, r[1]);
            }
            return new double[][][] {x, headRechannel.apply(head)};
        }
    }
}
