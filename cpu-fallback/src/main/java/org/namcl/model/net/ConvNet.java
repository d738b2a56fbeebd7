package org.namcl.model.net;

import java.util.List;
import java.util.OptionalInt;
import org.namcl.model.Activation;

/**
 * NAM's ConvNet: blocks of a kernel-2 dilated causal conv and an activation, then a 1x1 head to
 * one output. A block's batch norm (inference form, a per-channel scale and shift) is folded
 * into its conv's weights and bias when the file is loaded.
 *
 * @param batchNorm      whether the file's blocks have batch norm (folded into {@code convs})
 * @param parameterCount weights the file holds (batch norm's statistics and eps included)
 */
public record ConvNet(List<Conv1d> convs, Activation activation, boolean batchNorm, Conv1x1 head,
                      long parameterCount, double sampleRate) implements Network {

    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param convs the blocks' convs, batch norm folded in
     * @param activation after each conv
     * @param batchNorm whether the file's blocks have batch norm
     * @param head the 1x1 head to one output
     * @param parameterCount weights the file holds
     * @param sampleRate the model's rate in Hz
     */
    public ConvNet {
        convs = List.copyOf(convs);
    }

    /**
     * Its width.
     *
     * @return the convs' output channels
     */
    public int channels() {
        return convs.get(0).outChannels();
    }

    /**
     * Samples of input each output sample depends on.
     *
     * @return RF
     */
    public int receptiveField() {
        int r = 1;
        for (Conv1d c : convs) {
            r += c.lookback();
        }
        return r;
    }

    @Override
    public OptionalInt finiteReceptiveField() {
        return OptionalInt.of(receptiveField());
    }

    @Override
    public int inChannels() {
        return convs.get(0).inChannels();
    }

    @Override
    public int outChannels() {
        return head.outChannels();
    }

    @Override
    public String architecture() {
        return "ConvNet";
    }
}
