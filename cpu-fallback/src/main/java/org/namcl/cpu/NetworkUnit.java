package org.namcl.cpu;

import java.util.List;
import org.namcl.model.net.WaveNet;

/**
 * A whole WaveNet on multi-channel blocks: the condition (from the condition DSP, or the input
 * itself), the layer arrays chained by their outputs and heads, head scale, post-stack head.
 */
final class NetworkUnit implements BlockUnit {
    private final NetworkUnit conditionDsp;
    private final LayerArrayUnit[] arrays;
    private final float[][][] heads;
    private final float headScale;
    private final PostHeadUnit postHead;

    NetworkUnit(WaveNet net, int block, List<History> state) {
        this.conditionDsp = net.conditionDsp() == null ? null : new NetworkUnit(net.conditionDsp(), block, state);
        int count = net.arrays().size();
        arrays = new LayerArrayUnit[count];
        heads = new float[count][][];
        for (int i = 0; i < count; i++) {
            arrays[i] = new LayerArrayUnit(net.arrays().get(i), block, state);
            heads[i] = RowOps.rows(arrays[i].headOutChannels(), block);
        }
        this.headScale = net.headScale();
        this.postHead = net.postHead() == null ? null : new PostHeadUnit(net.postHead(), block, state);
    }

    @Override
    public float[][] process(float[][] in, int n) {
        float[][] cond = conditionDsp == null ? in : conditionDsp.process(in, n);
        float[][] x = in;
        float[][] head = null;
        for (int i = 0; i < arrays.length; i++) {
            LayerArrayUnit a = arrays[i];
            a.process(x, cond, head, heads[i], n);
            x = a.output();
            head = heads[i];
        }
        for (int r = 0; r < head.length; r++) {
            RowOps.scale(head[r], n, headScale);
        }
        return postHead == null ? head : postHead.process(head, n);
    }
}
