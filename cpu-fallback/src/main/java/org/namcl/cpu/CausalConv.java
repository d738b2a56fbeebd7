package org.namcl.cpu;

import java.util.List;
import org.namcl.model.net.Conv1d;

/** A causal dilated conv with the history it needs: a block in, a block out. */
final class CausalConv {
    private final Conv1d spec;
    private final History history;
    private final float[][] taps;
    private final ConvOp op;

    CausalConv(Conv1d c, int block, List<History> state) {
        this.spec = c;
        this.history = new History(c.inChannels(), c.lookback(), block);
        state.add(history);
        this.taps = RowOps.rows(c.inChannels() * c.kernelSize(), block);
        this.op = ConvOp.of(c);
    }

    int outRows() {
        return op.outRows();
    }

    /** Appends {@code in}'s n samples to the history and writes the conv output to {@code out}. */
    void process(float[][] in, float[][] out, int n) {
        history.write(in, n);
        history.taps(spec.kernelSize(), spec.dilation(), taps, n);
        op.apply(taps, out, n, false);
    }
}
