package org.namcl.cpu;

import java.util.List;
import org.namcl.model.Activation;
import org.namcl.model.FilmSlot;
import org.namcl.model.GatingMode;
import org.namcl.model.net.Film;
import org.namcl.model.net.Layer;

/**
 * One WaveNet layer on the CPU, block by block: dilated conv over its input history, input
 * mixin, FiLMs, activation and gating, then the residual and head contributions. All buffers
 * are allocated here, once; {@link #process} allocates nothing.
 */
final class LayerUnit {
    private final int block;
    private final int channels;
    private final int bottleneck;
    private final GatingMode gating;
    private final Activation act;
    private final Activation secondary;
    private final History hist;
    private final ConvOp conv;
    private final ConvOp mixin;
    private final ConvOp layer1x1;
    private final ConvOp head1x1;
    private final FilmOp convPre;
    private final FilmOp convPost;
    private final FilmOp mixinPre;
    private final FilmOp mixinPost;
    private final FilmOp actPre;
    private final FilmOp actPost;
    private final FilmOp layer1x1Post;
    private final FilmOp head1x1Post;
    private final float[] z;
    private final float[] tmpChannels;
    private final float[] tmpCond;
    private final float[] tmpMix;
    private final float[] tmpHead;

    LayerUnit(Layer layer, int conditionSize, int block, List<History> state) {
        this.block = block;
        this.channels = layer.channels();
        this.bottleneck = layer.bottleneck();
        this.gating = layer.spec().gating();
        this.act = layer.spec().activation();
        this.secondary = layer.spec().secondary();
        this.hist = new History(channels, layer.conv().lookback(), block);
        state.add(hist);
        this.conv = ConvOp.of(layer.conv(), hist.stride);
        this.mixin = ConvOp.of(layer.mixin(), block);
        this.layer1x1 = layer.layer1x1() == null ? null : ConvOp.of(layer.layer1x1(), block);
        this.head1x1 = layer.head1x1() == null ? null : ConvOp.of(layer.head1x1(), block);
        this.convPre = film(layer, FilmSlot.CONV_PRE);
        this.convPost = film(layer, FilmSlot.CONV_POST);
        this.mixinPre = film(layer, FilmSlot.INPUT_MIXIN_PRE);
        this.mixinPost = film(layer, FilmSlot.INPUT_MIXIN_POST);
        this.actPre = film(layer, FilmSlot.ACTIVATION_PRE);
        this.actPost = film(layer, FilmSlot.ACTIVATION_POST);
        this.layer1x1Post = film(layer, FilmSlot.LAYER1X1_POST);
        this.head1x1Post = film(layer, FilmSlot.HEAD1X1_POST);
        int zc = layer.convRows();
        this.z = new float[zc * block];
        this.tmpChannels = new float[Math.max(channels, bottleneck) * block];
        this.tmpCond = new float[conditionSize * block];
        this.tmpMix = new float[zc * block];
        this.tmpHead = new float[layer.headWidth() * block];
    }

    private FilmOp film(Layer layer, FilmSlot slot) {
        Film f = layer.film(slot);
        return f == null ? null : new FilmOp(f, block);
    }

    /**
     * @param x    the layer input rows (channels × block), updated in place to the layer output
     * @param cond the condition rows
     * @param head the head accumulator rows, added to
     */
    void process(float[] x, float[] cond, float[] head, int n) {
        hist.prepare(n);
        if (convPre != null) {
            System.arraycopy(x, 0, tmpChannels, 0, channels * block);
            convPre.apply(cond, tmpChannels, n);
            hist.write(tmpChannels, block, n);
        } else {
            hist.write(x, block, n);
        }
        conv.apply(hist.buf, hist.position(), z, 0, block, n, false);
        hist.advance(n);
        if (convPost != null) {
            convPost.apply(cond, z, n);
        }
        mixIn(cond, n);
        if (actPre != null) {
            actPre.apply(cond, z, n);
        }
        activate(n);
        if (actPost != null) {
            actPost.apply(cond, z, n);
        }
        residual(x, cond, n);
        headTerm(head, cond, n);
    }

    private void mixIn(float[] cond, int n) {
        if (mixinPre == null && mixinPost == null) {
            mixin.apply(cond, 0, z, 0, block, n, true);
            return;
        }
        float[] src = cond;
        if (mixinPre != null) {
            System.arraycopy(cond, 0, tmpCond, 0, tmpCond.length);
            mixinPre.apply(cond, tmpCond, n);
            src = tmpCond;
        }
        mixin.apply(src, 0, tmpMix, 0, block, n, false);
        if (mixinPost != null) {
            mixinPost.apply(cond, tmpMix, n);
        }
        for (int r = 0; r < mixin.outRows(); r++) {
            RowOps.add(tmpMix, r * block, z, r * block, n);
        }
    }

    /** Leaves the activation output a in rows [0, bottleneck) of z. */
    private void activate(int n) {
        for (int r = 0; r < bottleneck; r++) {
            int a = r * block;
            int g = (bottleneck + r) * block;
            switch (gating) {
                case NONE -> Activations.apply(act, z, a, n, r);
                case GATED -> {
                    Activations.apply(act, z, a, n, r);
                    Activations.apply(secondary, z, g, n, r);
                    RowOps.mul(z, a, z, g, n);
                }
                case BLENDED -> {
                    System.arraycopy(z, a, tmpChannels, 0, n);
                    Activations.apply(act, z, a, n, r);
                    Activations.apply(secondary, z, g, n, r);
                    // tmp = s·act(z) + (1 − s)·z
                    RowOps.blend(tmpChannels, 0, z, g, z, a, n);
                    System.arraycopy(tmpChannels, 0, z, a, n);
                }
            }
        }
    }

    private void residual(float[] x, float[] cond, int n) {
        if (layer1x1 == null) {
            for (int r = 0; r < channels; r++) {
                RowOps.add(z, r * block, x, r * block, n);
            }
        } else if (layer1x1Post == null) {
            layer1x1.apply(z, 0, x, 0, block, n, true);
        } else {
            layer1x1.apply(z, 0, tmpChannels, 0, block, n, false);
            layer1x1Post.apply(cond, tmpChannels, n);
            for (int r = 0; r < channels; r++) {
                RowOps.add(tmpChannels, r * block, x, r * block, n);
            }
        }
    }

    private void headTerm(float[] head, float[] cond, int n) {
        if (head1x1 == null) {
            for (int r = 0; r < bottleneck; r++) {
                RowOps.add(z, r * block, head, r * block, n);
            }
        } else if (head1x1Post == null) {
            head1x1.apply(z, 0, head, 0, block, n, true);
        } else {
            head1x1.apply(z, 0, tmpHead, 0, block, n, false);
            head1x1Post.apply(cond, tmpHead, n);
            for (int r = 0; r < head1x1.outRows(); r++) {
                RowOps.add(tmpHead, r * block, head, r * block, n);
            }
        }
    }
}
