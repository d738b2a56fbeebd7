package org.namcl.model.net;

/**
 * A causal dilated convolution: y[t] = b + Σ_k W_k · x[t − d·(K−1−k)] (tap K−1 is the current
 * sample). {@code weights} is laid out (out, in/groups, k) as in the file.
 *
 * @param bias per-output bias, or null when the conv has none
 */
public record Conv1d(int inChannels, int outChannels, int kernelSize, int dilation, int groups,
                     float[] weights, float[] bias) {

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
     * @param k the tap
     * @return its weight
     */
    public float weight(int o, int j, int k) {
        return weights[(o * inPerGroup() + j) * kernelSize + k];
    }

    /**
     * Samples of history this conv looks back over.
     *
     * @return dilation × (kernel size − 1)
     */
    public int lookback() {
        return dilation * (kernelSize - 1);
    }
}
