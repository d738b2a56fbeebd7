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

    /**
     * Copies the lists and maps, so the config cannot change after it is made.
     *
     * @param inputSize channels of the array's input
     * @param conditionSize channels of the condition
     * @param channels the layers' width
     * @param bottleneck the width of each layer's activation
     * @param layers in order
     * @param headOutChannels width of the array's head output
     * @param headKernelSize the head rechannel's kernel
     * @param headBias whether the head rechannel has a bias
     * @param headDilation the head rechannel's dilation
     * @param groupsInput groups of each layer's conv
     * @param groupsInputMixin groups of each layer's input mixin
     * @param layer1x1Active whether layers have their 1x1
     * @param layer1x1Groups groups of the layer 1x1
     * @param head1x1Active whether layers have a head 1x1
     * @param head1x1OutChannels the head 1x1's rows
     * @param head1x1Groups groups of the head 1x1
     * @param films the FiLM in each slot that has one
     * @param allowedChannels slimmable channel counts, or null
     */
    public LayerArrayConfig {
        layers = List.copyOf(layers);
        films = new EnumMap<>(films);
    }

    /**
     * Width of what each layer adds into the head.
     *
     * @return head1x1's output rows, else the bottleneck
     */
    public int layerHeadWidth() {
        return head1x1Active ? head1x1OutChannels : bottleneck;
    }

    /**
     * The FiLM in a slot.
     *
     * @param slot the slot
     * @return its settings, {@link FilmSpec#OFF} when it has none
     */
    public FilmSpec film(FilmSlot slot) {
        return films.getOrDefault(slot, FilmSpec.OFF);
    }

    /**
     * The samples of history the layer array looks back over.
     *
     * @return Σ d·(K−1) over layers plus the head rechannel's look-back
     */
    public long lookback() {
        long r = (long) headDilation * (headKernelSize - 1);
        for (LayerSpec l : layers) {
            r += l.lookback();
        }
        return r;
    }

    /**
     * Whether the file lets it be slimmed to fewer channels.
     *
     * @return true when it lists allowed channel counts
     */
    public boolean slimmable() {
        return allowedChannels != null;
    }
}
