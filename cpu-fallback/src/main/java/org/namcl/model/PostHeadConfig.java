package org.namcl.model;

import java.util.List;

/**
 * The optional post-stack head: for each kernel size, y = conv(act(y)) with bias and dilation 1;
 * the last conv has {@code outChannels} outputs, the others {@code channels}.
 */
public record PostHeadConfig(int channels, int outChannels, List<Integer> kernelSizes, Activation activation) {
    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param channels the convs' width
     * @param outChannels the last conv's outputs
     * @param kernelSizes one per conv, in order
     * @param activation applied before each conv
     */
    public PostHeadConfig {
        kernelSizes = List.copyOf(kernelSizes);
    }

    /**
     * The samples of history the post-stack head looks back over.
     *
     * @return Σ (K − 1) over its convs
     */
    public int lookback() {
        int r = 0;
        for (int k : kernelSizes) {
            r += k - 1;
        }
        return r;
    }
}
