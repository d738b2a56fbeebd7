package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.WaveNet;

/**
 * The streaming CPU engine: a mono WaveNet processed block by block, any block size, with the
 * history of every layer carried between calls. Real-time safe: {@link #process} and
 * {@link #reset} allocate nothing.
 *
 * <p>"Silence before the file" is the network's response to zeros (its biases make it non-zero).
 * It is computed once, when the streamer is built, by feeding RF zeros, and saved; {@link #reset}
 * restores it.
 */
public final class WaveNetStreamer implements StreamRenderer {
    /** Samples per internal block: rows this long stay in L1/L2 cache while every op runs. */
    static final int BLOCK = 256;

    private final WaveNet net;
    private final NetworkUnit unit;
    private final History[] state;
    private final float[][] in = new float[1][BLOCK];

    public WaveNetStreamer(WaveNet net) {
        UnsupportedModelException.check(Support.mono(net));
        this.net = net;
        List<History> histories = new ArrayList<>();
        this.unit = new NetworkUnit(net, BLOCK, histories);
        this.state = histories.toArray(new History[0]);
        prewarm();
    }

    private void prewarm() {
        float[] zeros = new float[BLOCK];
        float[] sink = new float[BLOCK];
        for (int done = 0; done < net.receptiveField(); done += BLOCK) {
            process(zeros, 0, sink, 0, BLOCK);
        }
        for (History h : state) {
            h.save();
        }
    }

    @Override
    public int receptiveField() {
        return net.receptiveField();
    }

    public double sampleRate() {
        return net.sampleRate();
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
