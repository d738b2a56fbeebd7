package org.namcl.model.net;

/**
 * A causal dilated convolution: y[t] = b + Σ_k W_k · x[t − d·(K−1−k)] (tap K−1 is the current
 * sample). {@code weights} is laid out (out, in/groups, k) as in the file.
 *
 * @param bias per-output bias, or null when the conv has none
 */
public record Conv1d(int inChannels, int outChannels, int kernelSize, int dilation, int groups,
                     float[] weights, float[] bias) {

    public int inPerGroup() {
        return inChannels / groups;
    }

    public int outPerGroup() {
        return outChannels / groups;
    }

    public int firstInput(int o) {
        return (o / outPerGroup()) * inPerGroup();
    }

    /** Weight of output o, group-local input j, tap k. */
    public float weight(int o, int j, int k) {
        return weights[(o * inPerGroup() + j) * kernelSize + k];
    }

    /** Samples of history this conv looks back over. */
    public int lookback() {
        return dilation * (kernelSize - 1);
    }
}
