package org.namcl.model.net;

import java.util.List;

/**
 * A layer array with its weights: rechannel (1x1, no bias) into {@code channels}, the layers,
 * then the head rechannel (a causal conv) from the accumulated head.
 */
public record LayerArray(int inputSize, int conditionSize, int channels, Conv1x1 rechannel,
                         List<Layer> layers, Conv1d headRechannel) {

    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param inputSize channels of the array's input
     * @param conditionSize channels of the condition
     * @param channels the layers' width
     * @param rechannel the 1x1 into {@code channels}
     * @param layers in order
     * @param headRechannel the causal conv from the accumulated head
     */
    public LayerArray {
        layers = List.copyOf(layers);
    }

    /**
     * Width of the head accumulated over the layers.
     *
     * @return the head rechannel's input channels
     */
    public int headWidth() {
        return headRechannel.inChannels();
    }

    /**
     * Width of the array's head output.
     *
     * @return the head rechannel's output channels
     */
    public int headOutChannels() {
        return headRechannel.outChannels();
    }

    /**
     * Samples of history the array looks back over.
     *
     * @return its layers' look-backs and its head rechannel's
     */
    public int lookback() {
        int r = headRechannel.lookback();
        for (Layer l : layers) {
            r += l.conv().lookback();
        }
        return r;
    }
}
