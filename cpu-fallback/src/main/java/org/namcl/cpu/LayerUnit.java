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
    private final int channels;
    private final int bottleneck;
    private final GatingMode gating;
    private final Activation act;
    private final Activation secondary;
    private final CausalConv conv;
    private final boolean fusedMixin;
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
    private final float[][] z;
    private final float[][] tmpChannels;
    private final float[][] tmpCond;
    private final float[][] tmpMix;
    private final float[][] tmpHead;

    LayerUnit(Layer layer, int conditionSize, int block, List<History> state) {
        this.channels = layer.channels();
        this.bottleneck = layer.bottleneck();
        this.gating = layer.spec().gating();
        this.act = layer.spec().activation();
        this.secondary = layer.spec().secondary();
        // unless a FiLM sits on the mixin or between conv and mixin, the conv adds the mixin in its own pass
        this.fusedMixin = layer.film(FilmSlot.INPUT_MIXIN_PRE) == null && layer.film(FilmSlot.INPUT_MIXIN_POST) == null
                && layer.film(FilmSlot.CONV_POST) == null;
        this.conv = new CausalConv(layer.conv(), fusedMixin ? layer.mixin() : null, block, state);
        this.mixin = fusedMixin ? null : ConvOp.of(layer.mixin());
        this.layer1x1 = layer.layer1x1() == null ? null : ConvOp.of(layer.layer1x1());
        this.head1x1 = layer.head1x1() == null ? null : ConvOp.of(layer.head1x1());
        this.convPre = film(layer, FilmSlot.CONV_PRE, block);
        this.convPost = film(layer, FilmSlot.CONV_POST, block);
        this.mixinPre = film(layer, FilmSlot.INPUT_MIXIN_PRE, block);
        this.mixinPost = film(layer, FilmSlot.INPUT_MIXIN_POST, block);
        this.actPre = film(layer, FilmSlot.ACTIVATION_PRE, block);
        this.actPost = film(layer, FilmSlot.ACTIVATION_POST, block);
        this.layer1x1Post = film(layer, FilmSlot.LAYER1X1_POST, block);
        this.head1x1Post = film(layer, FilmSlot.HEAD1X1_POST, block);
        this.z = RowOps.rows(layer.convRows(), block);
        this.tmpChannels = RowOps.rows(Math.max(channels, bottleneck), block);
        this.tmpCond = RowOps.rows(conditionSize, block);
        this.tmpMix = RowOps.rows(layer.convRows(), block);
        this.tmpHead = RowOps.rows(layer.headWidth(), block);
    }

    private static FilmOp film(Layer layer, FilmSlot slot, int block) {
        Film f = layer.film(slot);
        return f == null ? null : new FilmOp(f, block);
    }

    /**
     * @param x    the layer input rows, updated in place to the layer output
     * @param cond the condition rows
     * @param head the head accumulator rows, added to
     */
    void process(float[][] x, float[][] cond, float[][] head, int n) {
        float[][] convInput = x;
        if (convPre != null) {
            copyRows(x, tmpChannels, channels, n);
            convPre.apply(cond, tmpChannels, n);
            convInput = tmpChannels;
        }
        if (fusedMixin) {
            conv.process(convInput, cond, z, n);
        } else {
            conv.process(convInput, z, n);
            if (convPost != null) {
                convPost.apply(cond, z, n);
            }
            mixIn(cond, n);
        }
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

    private void mixIn(float[][] cond, int n) {
        if (mixinPre == null && mixinPost == null) {
            mixin.apply(cond, z, n, true);
            return;
        }
        float[][] src = cond;
        if (mixinPre != null) {
            copyRows(cond, tmpCond, tmpCond.length, n);
            mixinPre.apply(cond, tmpCond, n);
            src = tmpCond;
        }
        mixin.apply(src, tmpMix, n, false);
        if (mixinPost != null) {
            mixinPost.apply(cond, tmpMix, n);
        }
        for (int r = 0; r < mixin.outRows(); r++) {
            RowOps.add(tmpMix[r], z[r], n);
        }
    }

    /** Leaves the activation output a in rows [0, bottleneck) of z. */
    private void activate(int n) {
        for (int r = 0; r < bottleneck; r++) {
            float[] a = z[r];
            switch (gating) {
                case NONE -> Activations.apply(act, a, 0, n, r);
                case GATED -> {
                    float[] g = z[bottleneck + r];
                    Activations.apply(act, a, 0, n, r);
                    Activations.apply(secondary, g, 0, n, r);
                    RowOps.mul(a, g, n);
                }
                case BLENDED -> {
                    float[] g = z[bottleneck + r];
                    float[] raw = tmpChannels[0];
                    System.arraycopy(a, 0, raw, 0, n);
                    Activations.apply(act, a, 0, n, r);
                    Activations.apply(secondary, g, 0, n, r);
                    RowOps.blend(raw, g, a, n); // raw = s·act(z) + (1 − s)·z
                    System.arraycopy(raw, 0, a, 0, n);
                }
            }
        }
    }

    private void residual(float[][] x, float[][] cond, int n) {
        if (layer1x1 == null) {
            for (int r = 0; r < channels; r++) {
                RowOps.add(z[r], x[r], n);
            }
        } else if (layer1x1Post == null) {
            layer1x1.apply(z, x, n, true);
        } else {
            layer1x1.apply(z, tmpChannels, n, false);
            layer1x1Post.apply(cond, tmpChannels, n);
            for (int r = 0; r < channels; r++) {
                RowOps.add(tmpChannels[r], x[r], n);
            }
        }
    }

    private void headTerm(float[][] head, float[][] cond, int n) {
        if (head1x1 == null) {
            for (int r = 0; r < bottleneck; r++) {
                RowOps.add(z[r], head[r], n);
            }
        } else if (head1x1Post == null) {
            head1x1.apply(z, head, n, true);
        } else {
            head1x1.apply(z, tmpHead, n, false);
            head1x1Post.apply(cond, tmpHead, n);
            for (int r = 0; r < head1x1.outRows(); r++) {
                RowOps.add(tmpHead[r], head[r], n);
            }
        }
    }

    private static void copyRows(float[][] src, float[][] dst, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src[r], 0, dst[r], 0, n);
        }
    }
}
