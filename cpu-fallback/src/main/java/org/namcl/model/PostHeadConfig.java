package org.namcl.model;

import java.util.List;

/**
 * The optional post-stack head: for each kernel size, y = conv(act(y)) with bias and dilation 1;
 * the last conv has {@code outChannels} outputs, the others {@code channels}.
 */
public record PostHeadConfig(int channels, int outChannels, List<Integer> kernelSizes, Activation activation) {
    public PostHeadConfig {
        kernelSizes = List.copyOf(kernelSizes);
    }

    public int lookback() {
        int r = 0;
        for (int k : kernelSizes) {
            r += k - 1;
        }
        return r;
    }
}
