package org.namcl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Film;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.PostHead;
import org.namcl.model.net.WaveNet;

/**
 * Walks a WaveNet's flat weights in file order (NAM-SPEC, weight order) and builds the network,
 * optionally slimmed: a slimmed array keeps the first rows and columns of every matrix, as NAM's
 * slimmable WaveNet does (groups must be 1 there).
 */
final class WaveNetBuilder {
    private final WaveNetConfig config;
    private final WeightCursor cursor;
    private final int[] channels;
    private final boolean slimmed;

    private WaveNetBuilder(WaveNetConfig config, float[] weights, int[] channels) {
        this.config = config;
        this.cursor = new WeightCursor(weights);
        this.channels = channels;
        boolean s = false;
        for (int i = 0; i < channels.length; i++) {
            s |= channels[i] != config.arrays().get(i).channels();
        }
        this.slimmed = s;
    }

    /**
     * @param slim size in [0, 1] for slimmable arrays, or NaN for full width
     */
    static WaveNet build(WaveNetConfig config, float[] weights, double slim, WaveNet conditionDsp,
                         double sampleRate) {
        List<LayerArrayConfig> arrays = config.arrays();
        int[] ch = new int[arrays.size()];
        for (int i = 0; i < ch.length; i++) {
            LayerArrayConfig a = arrays.get(i);
            ch[i] = Double.isNaN(slim) || !a.slimmable() ? a.channels() : slimChannels(a.allowedChannels(), slim);
        }
        return new WaveNetBuilder(config, weights, ch).build(conditionDsp, sampleRate, true);
    }

    /** Number of weights a (full-width) network of this config reads from its file. */
    static long weightCount(WaveNetConfig config) {
        int[] ch = config.arrays().stream().mapToInt(LayerArrayConfig::channels).toArray();
        WaveNetBuilder b = new WaveNetBuilder(config, new float[0], ch);
        b.build(null, NamFile.DEFAULT_SAMPLE_RATE, false);
        return b.cursor.position();
    }

    /** allowed[min(floor(r·n), n−1)], as NAM maps a size to a width. */
    static int slimChannels(int[] allowed, double slim) {
        int idx = (int) Math.min(Math.floor(slim * allowed.length), allowed.length - 1);
        return allowed[idx];
    }

    private WaveNet build(WaveNet conditionDsp, double sampleRate, boolean checkCount) {
        List<LayerArray> built = new ArrayList<>();
        List<LayerArrayConfig> arrays = config.arrays();
        for (int i = 0; i < arrays.size(); i++) {
            built.add(array(i));
        }
        PostHead postHead = null;
        if (config.postHead() != null) {
            PostHeadConfig h = config.postHead();
            List<Conv1d> convs = new ArrayList<>();
            int in = built.get(built.size() - 1).headOutChannels();
            for (int k = 0; k < h.kernelSizes().size(); k++) {
                int out = k == h.kernelSizes().size() - 1 ? h.outChannels() : h.channels();
                convs.add(conv1d(in, out, in, out, h.kernelSizes().get(k), 1, 1, true, "post-stack head conv " + k));
                in = out;
            }
            postHead = new PostHead(h.activation(), convs);
        }
        float[] scale = cursor.take(1, "head_scale");
        float headScale = scale.length == 1 ? scale[0] : 0f;
        if (checkCount) {
            cursor.finish();
        }
        return new WaveNet(built, postHead, headScale, config.inChannels(), conditionDsp, sampleRate);
    }

    private LayerArray array(int ai) {
        LayerArrayConfig a = config.arrays().get(ai);
        int last = config.arrays().size() - 1;
        String where = "layer array " + ai;
        int ch = channels[ai];
        int bn = !a.layer1x1Active() ? ch : (ch == a.channels() ? a.bottleneck()
                : Math.max(1, a.bottleneck() * ch / a.channels()));
        int inSize = ai == 0 ? a.inputSize() : channels[ai - 1];
        // NAM's core: a slimmed intermediate array's head feeds the next array's width
        int headOut = slimmed && ai < last ? channels[ai + 1] : a.headOutChannels();
        int cond = a.conditionSize();

        Conv1x1 rechannel = conv1x1(a.inputSize(), a.channels(), inSize, ch, 1, false, where + " rechannel");
        List<Layer> layers = new ArrayList<>();
        for (int li = 0; li < a.layers().size(); li++) {
            LayerSpec spec = a.layers().get(li);
            String lw = where + " layer " + li;
            int rows = spec.gating().convRowsPerChannel();
            int zcFull = rows * a.bottleneck();
            int zc = rows * bn;
            Conv1d conv = conv1d(a.channels(), zcFull, ch, zc, spec.kernelSize(), spec.dilation(),
                    a.groupsInput(), true, lw + " conv");
            Conv1x1 mixin = conv1x1(cond, zcFull, cond, zc, a.groupsInputMixin(), false, lw + " input_mixin");
            Conv1x1 layer1x1 = a.layer1x1Active()
                    ? conv1x1(a.bottleneck(), a.channels(), bn, ch, a.layer1x1Groups(), true, lw + " layer1x1")
                    : null;
            Conv1x1 head1x1 = a.head1x1Active()
                    ? conv1x1(a.bottleneck(), a.head1x1OutChannels(), bn, a.head1x1OutChannels(),
                    a.head1x1Groups(), true, lw + " head1x1")
                    : null;
            Map<FilmSlot, Film> films = new EnumMap<>(FilmSlot.class);
            for (FilmSlot slot : FilmSlot.values()) {
                FilmSpec f = a.film(slot);
                if (!f.active()) {
                    continue;
                }
                if ((slot == FilmSlot.HEAD1X1_POST && !a.head1x1Active())
                        || (slot == FilmSlot.LAYER1X1_POST && !a.layer1x1Active())) {
                    continue; // the trainer builds no FiLM for a 1x1 that does not exist
                }
                int fullDim = slot.dim(a.channels(), zcFull, a.bottleneck(), cond, a.head1x1OutChannels());
                int dim = slot.dim(ch, zc, bn, cond, a.head1x1OutChannels());
                int m = f.shift() ? 2 : 1;
                Conv1x1 fc = filmConv(cond, fullDim, dim, m, f.groups(), lw + " " + slot.key());
                films.put(slot, new Film(dim, f.shift(), fc));
            }
            layers.add(new Layer(spec, ch, bn, conv, mixin, layer1x1, head1x1, films));
        }
        int headIn = a.head1x1Active() ? a.head1x1OutChannels() : bn;
        Conv1d headRechannel = conv1d(a.layerHeadWidth(), a.headOutChannels(), headIn, headOut,
                a.headKernelSize(), a.headDilation(), 1, a.headBias(), where + " head rechannel");
        return new LayerArray(inSize, cond, ch, rechannel, layers, headRechannel);
    }

    /** A FiLM conv; slimmed as NAM's core slims it: the first m·dim of its m·fullDim rows. */
    private Conv1x1 filmConv(int cond, int fullDim, int dim, int m, int groups, String part) {
        return conv1x1(cond, m * fullDim, cond, m * dim, groups, true, part);
    }

    /** Reads a full (in → out) 1x1 and keeps its first {@code out} rows and {@code in} columns. */
    private Conv1x1 conv1x1(int fullIn, int fullOut, int in, int out, int groups, boolean bias, String part) {
        float[] w = cursor.take((long) fullOut * (fullIn / groups), part + " weights");
        float[] b = bias ? cursor.take(fullOut, part + " bias") : null;
        if (!cursor.exhausted() && (in != fullIn || out != fullOut)) {
            w = slice(w, fullOut, fullIn, out, in, 1);
            b = b == null ? null : Arrays.copyOf(b, out);
        }
        return new Conv1x1(in, out, groups, w, b);
    }

    private Conv1d conv1d(int fullIn, int fullOut, int in, int out, int k, int dilation, int groups,
                          boolean bias, String part) {
        float[] w = cursor.take((long) fullOut * (fullIn / groups) * k, part + " weights");
        float[] b = bias ? cursor.take(fullOut, part + " bias") : null;
        if (!cursor.exhausted() && (in != fullIn || out != fullOut)) {
            w = slice(w, fullOut, fullIn, out, in, k);
            b = b == null ? null : Arrays.copyOf(b, out);
        }
        return new Conv1d(in, out, k, dilation, groups, w, b);
    }

    /** Keeps rows [0, out) and columns [0, in) of a (fullOut, fullIn, k) tensor (groups = 1). */
    private static float[] slice(float[] w, int fullOut, int fullIn, int out, int in, int k) {
        float[] s = new float[out * in * k];
        for (int o = 0; o < out; o++) {
            System.arraycopy(w, o * fullIn * k, s, o * in * k, in * k);
        }
        return s;
    }
}
