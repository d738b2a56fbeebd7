package org.namcl.model.net;

import java.util.List;
import org.namcl.model.Activation;

/** The post-stack head: for each conv, y = conv(act(y)). */
public record PostHead(Activation activation, List<Conv1d> convs) {
    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param activation applied before each conv
     * @param convs in order
     */
    public PostHead {
        convs = List.copyOf(convs);
    }

    /**
     * Samples of history the head looks back over.
     *
     * @return its convs' look-backs
     */
    public int lookback() {
        int r = 0;
        for (Conv1d c : convs) {
            r += c.lookback();
        }
        return r;
    }

    /**
     * Its output width.
     *
     * @return the last conv's output channels
     */
    public int outChannels() {
        return convs.get(convs.size() - 1).outChannels();
    }
}
