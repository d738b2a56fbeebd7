package org.namcl.model.net;

import java.util.List;

/**
 * A layer array with its weights: rechannel (1x1, no bias) into {@code channels}, the layers,
 * then the head rechannel (a causal conv) from the accumulated head.
 */
public record LayerArray(int inputSize, int conditionSize, int channels, Conv1x1 rechannel,
                         List<Layer> layers, Conv1d headRechannel) {

    public LayerArray {
        layers = List.copyOf(layers);
    }

    /** Width of the head accumulated over the layers (the head rechannel's input). */
    public int headWidth() {
        return headRechannel.inChannels();
    }

    public int headOutChannels() {
        return headRechannel.outChannels();
    }

    public int lookback() {
        int r = headRechannel.lookback();
        for (Layer l : layers) {
            r += l.conv().lookback();
        }
        return r;
    }
}
