package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.WaveNet;

/**
 * A whole WaveNet on multi-channel blocks: the condition (from the condition DSP, or the input
 * itself), the layer arrays chained by their outputs and heads, head scale, post-stack head.
 */
final class NetworkUnit {
    private final int block;
    private final NetworkUnit conditionDsp;
    private final float[] cond;
    private final List<LayerArrayUnit> arrays = new ArrayList<>();
    private final float[][] heads;
    private final float headScale;
    private final PostHeadUnit postHead;
    private final float[] out;
    private final int outRows;

    NetworkUnit(WaveNet net, int block, List<History> state) {
        this.block = block;
        this.conditionDsp = net.conditionDsp() == null ? null : new NetworkUnit(net.conditionDsp(), block, state);
        this.cond = conditionDsp == null ? null : new float[net.conditionSize() * block];
        heads = new float[net.arrays().size()][];
        int i = 0;
        for (LayerArray a : net.arrays()) {
            LayerArrayUnit u = new LayerArrayUnit(a, block, state);
            arrays.add(u);
            heads[i++] = new float[u.headOutChannels() * block];
        }
        this.headScale = net.headScale();
        this.postHead = net.postHead() == null ? null : new PostHeadUnit(net.postHead(), block, state);
        int last = arrays.get(arrays.size() - 1).headOutChannels();
        this.outRows = net.outChannels();
        this.out = new float[Math.max(last, postHead == null ? 0 : postHead.widestRows()) * block];
    }

    /**
     * Runs n ≤ block samples.
     *
     * @param in input rows (block stride)
     * @return the output rows (block stride), valid until the next call
     */
    float[] process(float[] in, int n) {
        float[] c = in;
        if (conditionDsp != null) {
            float[] dspOut = conditionDsp.process(in, n);
            System.arraycopy(dspOut, 0, cond, 0, cond.length);
            c = cond;
        }
        float[] x = in;
        float[] prevHead = null;
        int prevWidth = 0;
        for (int i = 0; i < arrays.size(); i++) {
            LayerArrayUnit a = arrays.get(i);
            a.process(x, c, prevHead, prevWidth, heads[i], n);
            x = a.output();
            prevHead = heads[i];
            prevWidth = a.headOutChannels();
        }
        System.arraycopy(prevHead, 0, out, 0, prevWidth * block);
        for (int r = 0; r < prevWidth; r++) {
            RowOps.scale(out, r * block, n, headScale);
        }
        if (postHead != null) {
            postHead.process(out, prevWidth, n);
        }
        return out;
    }

    int outRows() {
        return outRows;
    }
}
