package org.namcl.cpu;

import java.util.List;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;

/**
 * A causal dilated conv with the history it needs: a block in, a block out. Optionally it adds
 * a 1x1 of the condition (a layer's input mixin) in the same pass.
 */
final class CausalConv {
    private final Conv1d spec;
    private final History history;
    /** The op's source rows: (input, tap) windows, then the condition's rows when mixing in. */
    private final float[][] sources;
    /** Whether the kernel reads the tap windows in place in the history's rows, else copies of them. */
    private final boolean inPlace;
    /** Where each source row's block starts, when in place: the windows' starts in the history's rows. */
    private final int[] at;
    private final int conditionRows;
    private final ConvOp op;

    CausalConv(Conv1d c, int block, List<History> state) {
        this(c, null, block, state);
    }

    /** @param mixin a 1x1 from the condition into the conv's rows, or null */
    CausalConv(Conv1d c, Conv1x1 mixin, int block, List<History> state) {
        this.spec = c;
        this.history = new History(c.inChannels(), c.lookback(), block);
        state.add(history);
        this.conditionRows = mixin == null ? 0 : mixin.inChannels();
        int k = c.kernelSize();
        this.op = ConvOp.of(c, mixin);
        this.inPlace = op.readsAtOffsets();
        this.sources = new float[c.inChannels() * k + conditionRows][];
        this.at = new int[sources.length];
        for (int j = 0; j < c.inChannels(); j++) {
            for (int tap = 0; tap < k - 1; tap++) {
                // read in place where the kernel can, else copied out to a row of its own
                sources[j * k + tap] = inPlace ? history.row(j) : new float[block];
            }
        }
    }

    int outRows() {
        return op.outRows();
    }

    /** Appends {@code in}'s n samples to the history and writes the conv output to {@code out}. */
    void process(float[][] in, float[][] out, int n) {
        process(in, null, out, n);
    }

    /** The same, adding the mixin of {@code cond} (given when built with a mixin). */
    void process(float[][] in, float[][] cond, float[][] out, int n) {
        int k = spec.kernelSize();
        history.write(in, n);
        if (inPlace) {
            for (int j = 0; j < spec.inChannels(); j++) {
                for (int tap = 0; tap < k - 1; tap++) {
                    at[j * k + tap] = history.windowStart(spec.dilation() * (k - 1 - tap), n);
                }
            }
        } else {
            history.pastTaps(k, spec.dilation(), sources, n);
        }
        // the newest tap is the block itself, and the condition rows are read where they are
        for (int j = 0; j < spec.inChannels(); j++) {
            sources[j * k + k - 1] = in[j];
        }
        for (int j = 0; j < conditionRows; j++) {
            sources[spec.inChannels() * k + j] = cond[j];
        }
        if (inPlace) {
            op.apply(sources, at, out, n, false);
        } else {
            op.apply(sources, out, n, false);
        }
    }
}
