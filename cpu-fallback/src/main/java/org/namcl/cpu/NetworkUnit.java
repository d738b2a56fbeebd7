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
    private final NetworkUnit conditionDsp;
    private final List<LayerArrayUnit> arrays = new ArrayList<>();
    private final float[][][] heads;
    private final float headScale;
    private final PostHeadUnit postHead;

    NetworkUnit(WaveNet net, int block, List<History> state) {
        this.conditionDsp = net.conditionDsp() == null ? null : new NetworkUnit(net.conditionDsp(), block, state);
        heads = new float[net.arrays().size()][][];
        int i = 0;
        for (LayerArray a : net.arrays()) {
            LayerArrayUnit u = new LayerArrayUnit(a, block, state);
            arrays.add(u);
            heads[i++] = RowOps.rows(u.headOutChannels(), block);
        }
        this.headScale = net.headScale();
        this.postHead = net.postHead() == null ? null : new PostHeadUnit(net.postHead(), block, state);
    }

    /**
     * Runs n ≤ block samples.
     *
     * @param in input rows
     * @return the output rows, valid until the next call
     */
    float[][] process(float[][] in, int n) {
        float[][] cond = conditionDsp == null ? in : conditionDsp.process(in, n);
        float[][] x = in;
        float[][] head = null;
        for (int i = 0; i < arrays.size(); i++) {
            LayerArrayUnit a = arrays.get(i);
            a.process(x, cond, head, heads[i], n);
            x = a.output();
            head = heads[i];
        }
        for (float[] row : head) {
            RowOps.scale(row, n, headScale);
        }
        return postHead == null ? head : postHead.process(head, n);
    }
}
