package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.Network;

/**
 * A network of causal convs streamed block by block, any block size, with the history of every
 * conv carried between calls. Real-time safe: {@link #process} and {@link #reset} allocate
 * nothing.
 *
 * <p>"Silence before the file" is the network's response to zeros (biases make it non-zero). Fed
 * zeros, every signal inside is constant once the zeros have filled its receptive field, and the
 * state is then every history full of its signal's constant. So it is computed once, when the
 * streamer is built, from one sample: each history, as that sample passes, takes the value written
 * to it as its whole past ({@link History#hold}), so each conv sees its input's constant at every
 * tap and computes the steady value, bit for bit what RF zeros lead to (each sample gets the same
 * operations wherever it falls). It is saved, and {@link #reset} restores it. A model switch thus
 * costs a copy, not a pass over RF samples.
 */
abstract class BlockStreamer implements StreamRenderer {
    /** Samples per internal block: rows this long stay in L1/L2 cache while every op runs. */
    static final int BLOCK = 256;

    /** Builds the unit for blocks of {@code block} samples, adding every history it keeps to {@code state}. */
    interface UnitFactory {
        BlockUnit build(int block, List<History> state);
    }

    private final int receptiveField;
    private final BlockUnit unit;
    private final History[] state;
    private final float[][] in = new float[1][BLOCK];

    BlockStreamer(Network net, int receptiveField, UnitFactory factory) {
        UnsupportedModelException.check(Support.mono(net));
        this.receptiveField = receptiveField;
        List<History> histories = new ArrayList<>();
        this.unit = factory.build(BLOCK, histories);
        this.state = histories.toArray(new History[0]);
        prewarm();
    }

    private void prewarm() {
        for (History h : state) {
            h.hold();
        }
        process(new float[1], 0, new float[1], 0, 1);
        for (History h : state) {
            h.save();
        }
    }

    /**
     * Samples of input each output sample depends on.
     *
     * @return RF
     */
    public int receptiveField() {
        return receptiveField;
    }

    @Override
    public void process(float[] input, int inOff, float[] output, int outOff, int n) {
        for (int done = 0; done < n; ) {
            int m = Math.min(BLOCK, n - done);
            System.arraycopy(input, inOff + done, in[0], 0, m);
            float[][] y = unit.process(in, m);
            System.arraycopy(y[0], 0, output, outOff + done, m);
            done += m;
        }
    }

    @Override
    public void reset() {
        // an index loop: an iterator here would allocate on a path that must not
        for (int i = 0; i < state.length; i++) {
            state[i].restore();
        }
    }
}
