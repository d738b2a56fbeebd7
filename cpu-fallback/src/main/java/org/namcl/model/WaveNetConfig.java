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
    public WaveNetConfig {
        arrays = List.copyOf(arrays);
    }

    public boolean slimmable() {
        return arrays.stream().anyMatch(LayerArrayConfig::slimmable);
    }

    /** Output width: the post-stack head's, else the last array's head. */
    public int outChannels() {
        return postHead != null ? postHead.outChannels() : arrays.get(arrays.size() - 1).headOutChannels();
    }
}
