package org.namcl.model;

import java.util.List;

/**
 * A validated WaveNet config.
 *
 * @param postHead      the post-stack head, or null
 * @param conditionDsp  the nested model computing the condition from the input, or null
 */
public record WaveNetConfig(List<LayerArrayConfig> arrays, PostHeadConfig postHead, int inChannels,
                            NamFile conditionDsp) {
    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param arrays the layer arrays, in order
     * @param postHead the post-stack head, or null
     * @param inChannels the input channels
     * @param conditionDsp the nested model computing the condition, or null
     */
    public WaveNetConfig {
        arrays = List.copyOf(arrays);
    }

    /**
     * Whether a size choice changes it.
     *
     * @return true when one of its layer arrays is slimmable
     */
    public boolean slimmable() {
        return arrays.stream().anyMatch(LayerArrayConfig::slimmable);
    }

    /**
     * Output width.
     *
     * @return the post-stack head's, else the last array's head's
     */
    public int outChannels() {
        return postHead != null ? postHead.outChannels() : arrays.get(arrays.size() - 1).headOutChannels();
    }
}
