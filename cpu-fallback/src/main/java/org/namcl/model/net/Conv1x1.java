package org.namcl.model.net;

/**
 * A pointwise (kernel 1) convolution. {@code weights} is row-major (out, in/groups): output row
 * o reads the inputs of its group, g = o / (out/groups), inputs [g·in/groups, (g+1)·in/groups).
 *
 * @param bias per-output bias, or null when the conv has none
 */
public record Conv1x1(int inChannels, int outChannels, int groups, float[] weights, float[] bias) {

    public int inPerGroup() {
        return inChannels / groups;
    }

    public int outPerGroup() {
        return outChannels / groups;
    }

    /** First input channel that output row {@code o} reads. */
    public int firstInput(int o) {
        return (o / outPerGroup()) * inPerGroup();
    }

    public float weight(int o, int j) {
        return weights[o * inPerGroup() + j];
    }
}
