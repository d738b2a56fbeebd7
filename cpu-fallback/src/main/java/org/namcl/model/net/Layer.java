package org.namcl.model.net;

import java.util.Map;
import org.namcl.model.FilmSlot;
import org.namcl.model.LayerSpec;

/**
 * One WaveNet layer with its weights.
 *
 * @param conv      channels → zc (zc = 2·bottleneck when gated or blended)
 * @param mixin     condition → zc, no bias
 * @param layer1x1  bottleneck → channels, or null when inactive (then a is added directly)
 * @param head1x1   bottleneck → head width, or null when inactive (then a is added to the head)
 * @param films     the active FiLM slots only
 */
public record Layer(LayerSpec spec, int channels, int bottleneck, Conv1d conv, Conv1x1 mixin,
                    Conv1x1 layer1x1, Conv1x1 head1x1, Map<FilmSlot, Film> films) {

    /**
     * The FiLM in a slot.
     *
     * @param slot the slot
     * @return its FiLM, or null when it has none
     */
    public Film film(FilmSlot slot) {
        return films.get(slot);
    }

    /**
     * Rows of the conv output.
     *
     * @return the bottleneck, or twice that when gated or blended
     */
    public int convRows() {
        return conv.outChannels();
    }

    /**
     * Width of what the layer adds to the head.
     *
     * @return head1x1's output rows, else the bottleneck
     */
    public int headWidth() {
        return head1x1 != null ? head1x1.outChannels() : bottleneck;
    }
}
