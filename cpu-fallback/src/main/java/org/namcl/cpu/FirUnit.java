package org.namcl.cpu;

import java.util.List;
import org.namcl.model.net.Linear;

/**
 * A Linear model's FIR on blocks: y[t] = bias + Σ_j taps[j] · x[t − j]. Four delayed windows of
 * the input at a time are copied out of the history and multiply-added into the output row, so
 * every loop runs over one index and vectorises; each output sums its terms in the same order
 * whatever the block.
 */
final class FirUnit implements BlockUnit {
    private final float[] taps;
    private final float bias;
    private final History history;
    private final float[][] windows;
    private final float[][] out;

    FirUnit(Linear net, int block, List<History> state) {
        this.taps = net.taps();
        this.bias = net.bias();
        this.history = new History(1, taps.length - 1, block);
        state.add(history);
        this.windows = RowOps.rows(4, block);
        this.out = RowOps.rows(1, block);
    }

    @Override
    public float[][] process(float[][] in, int n) {
        history.write(in, n);
        float[] y = out[0];
        RowOps.fill(y, n, bias);
        int j = 0;
        for (; j + 4 <= taps.length; j += 4) {
            for (int k = 0; k < 4; k++) {
                history.window(0, j + k, windows[k], n);
            }
            RowOps.mac4(y, windows[0], windows[1], windows[2], windows[3],
                    taps[j], taps[j + 1], taps[j + 2], taps[j + 3], n);
        }
        for (; j < taps.length; j++) {
            history.window(0, j, windows[0], n);
            RowOps.mac1(y, windows[0], taps[j], n);
        }
        return out;
    }
}
