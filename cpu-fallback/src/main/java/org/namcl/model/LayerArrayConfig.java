package org.namcl.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A validated layer array config: every default applied, legacy keys translated.
 *
 * @param headOutChannels  width of the array's head output (head rechannel's out channels)
 * @param allowedChannels  slimmable channel counts (ascending, last = channels), or null
 */
public record LayerArrayConfig(
        int inputSize,
        int conditionSize,
        int channels,
        int bottleneck,
        List<LayerSpec> layers,
        int headOutChannels,
        int headKernelSize,
        boolean headBias,
        int headDilation,
        int groupsInput,
        int groupsInputMixin,
        boolean layer1x1Active,
        int layer1x1Groups,
        boolean head1x1Active,
        int head1x1OutChannels,
        int head1x1Groups,
        Map<FilmSlot, FilmSpec> films,
        int[] allowedChannels) {

    public LayerArrayConfig {
        layers = List.copyOf(layers);
        films = new EnumMap<>(films);
    }

    /** Width of what each layer adds into the head: head1x1's output, else the activation. */
    public int layerHeadWidth() {
        return head1x1Active ? head1x1OutChannels : bottleneck;
    }

    public FilmSpec film(FilmSlot slot) {
        return films.getOrDefault(slot, FilmSpec.OFF);
    }

    /** Σ d·(K−1) over layers plus the head rechannel's look-back. */
    public long lookback() {
        long r = (long) headDilation * (headKernelSize - 1);
        for (LayerSpec l : layers) {
            r += l.lookback();
        }
        return r;
    }

    public boolean slimmable() {
        return allowedChannels != null;
    }
}
