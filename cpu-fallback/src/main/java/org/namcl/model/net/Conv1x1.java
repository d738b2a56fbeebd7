package org.namcl.model.net;

/**
 * A pointwise (kernel 1) convolution. {@code weights} is row-major (out, in/groups): output row
 * o reads the inputs of its group, g = o / (out/groups), inputs [g·in/groups, (g+1)·in/groups).
 *
 * @param bias per-output bias, or null when the conv has none
 */
public record Conv1x1(int inChannels, int outChannels, int groups, float[] weights, float[] bias) {

    /**
     * Input channels per group.
     *
     * @return inChannels / groups
     */
    public int inPerGroup() {
        return inChannels / groups;
    }

    /**
     * Output channels per group.
     *
     * @return outChannels / groups
     */
    public int outPerGroup() {
        return outChannels / groups;
    }

    /**
     * First input channel that an output row reads.
     *
     * @param o the output row
     * @return the first input channel of its group
     */
    public int firstInput(int o) {
        return (o / outPerGroup()) * inPerGroup();
    }

    /**
     * A weight.
     *
     * @param o the output row
     * @param j the input, counted within the group
     * @return its weight
     */
    public float weight(int o, int j) {
        return weights[o * inPerGroup() + j];
    }
}
