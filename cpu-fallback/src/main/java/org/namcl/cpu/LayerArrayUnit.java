package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;

/** A layer array on the CPU: rechannel, the layers, then the head rechannel (a causal conv). */
final class LayerArrayUnit {
    private final int block;
    private final ConvOp rechannel;
    private final List<LayerUnit> layers = new ArrayList<>();
    private final float[] x;
    private final float[] head;
    private final int headWidth;
    private final History headHist;
    private final ConvOp headConv;
    private final int headOut;

    LayerArrayUnit(LayerArray a, int block, List<History> state) {
        this.block = block;
        this.rechannel = ConvOp.of(a.rechannel(), block);
        for (Layer l : a.layers()) {
            layers.add(new LayerUnit(l, a.conditionSize(), block, state));
        }
        this.x = new float[a.channels() * block];
        this.headWidth = a.headWidth();
        this.head = new float[headWidth * block];
        this.headHist = new History(headWidth, a.headRechannel().lookback(), block);
        state.add(headHist);
        this.headConv = ConvOp.of(a.headRechannel(), headHist.stride);
        this.headOut = a.headOutChannels();
    }

    /** The array's last layer output (input of the next array's rechannel). */
    float[] output() {
        return x;
    }

    int headOutChannels() {
        return headOut;
    }

    /**
     * @param in        input rows (block stride)
     * @param prevHead  the previous array's head output rows, or null for the first array
     * @param prevWidth rows in prevHead; a single row broadcasts over the head (as the trainer does)
     * @param headOutput receives the head rechannel's output rows
     */
    void process(float[] in, float[] cond, float[] prevHead, int prevWidth, float[] headOutput, int n) {
        rechannel.apply(in, 0, x, 0, block, n, false);
        for (int r = 0; r < headWidth; r++) {
            if (prevHead == null) {
                RowOps.fill(head, r * block, n, 0f);
            } else {
                System.arraycopy(prevHead, (prevWidth == 1 ? 0 : r) * block, head, r * block, n);
            }
        }
        for (LayerUnit l : layers) {
            l.process(x, cond, head, n);
        }
        headHist.prepare(n);
        headHist.write(head, block, n);
        headConv.apply(headHist.buf, headHist.position(), headOutput, 0, block, n, false);
        headHist.advance(n);
    }
}
