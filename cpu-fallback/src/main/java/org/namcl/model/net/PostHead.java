package org.namcl.model.net;

import java.util.List;
import org.namcl.model.Activation;

/** The post-stack head: for each conv, y = conv(act(y)). */
public record PostHead(Activation activation, List<Conv1d> convs) {
    public PostHead {
        convs = List.copyOf(convs);
    }

    public int lookback() {
        int r = 0;
        for (Conv1d c : convs) {
            r += c.lookback();
        }
        return r;
    }

    public int outChannels() {
        return convs.get(convs.size() - 1).outChannels();
    }
}
