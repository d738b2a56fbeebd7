package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;

/** A layer array on the CPU: rechannel, the layers, then the head rechannel (a causal conv). */
final class LayerArrayUnit {
    private final ConvOp rechannel;
    private final LayerUnit[] layers;
    private final float[][] x;
    private final float[][] head;
    private final CausalConv headConv;

    LayerArrayUnit(LayerArray a, int block, List<History> state) {
        this.rechannel = ConvOp.of(a.rechannel());
        List<LayerUnit> units = new ArrayList<>();
        for (Layer l : a.layers()) {
            units.add(new LayerUnit(l, a.conditionSize(), block, state));
        }
        this.layers = units.toArray(new LayerUnit[0]);
        this.x = RowOps.rows(a.channels(), block);
        this.head = RowOps.rows(a.headWidth(), block);
        this.headConv = new CausalConv(a.headRechannel(), block, state);
    }

    /** The array's last layer output (input of the next array's rechannel). */
    float[][] output() {
        return x;
    }

    int headOutChannels() {
        return headConv.outRows();
    }

    /**
     * @param in         input rows
     * @param prevHead   the previous array's head output rows, or null for the first array; a
     *                   single row broadcasts over the head, as the trainer's tensors do
     * @param headOutput receives the head rechannel's output rows
     */
    void process(float[][] in, float[][] cond, float[][] prevHead, float[][] headOutput, int n) {
        rechannel.apply(in, x, n, false);
        for (int r = 0; r < head.length; r++) {
            if (prevHead == null) {
                RowOps.fill(head[r], n, 0f);
            } else {
                System.arraycopy(prevHead[prevHead.length == 1 ? 0 : r], 0, head[r], 0, n);
            }
        }
        for (int i = 0; i < layers.length; i++) { // no iterator: process() must not allocate
            layers[i].process(x, cond, head, n);
        }
        headConv.process(head, headOutput, n);
    }
}
