package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.model.Activation;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.PostHead;

/** The post-stack head: for each conv, y = conv(act(y)). */
final class PostHeadUnit {
    private final Activation act;
    private final List<CausalConv> convs = new ArrayList<>();
    private final List<float[][]> outputs = new ArrayList<>();
    private final float[][] activated;

    PostHeadUnit(PostHead h, int block, List<History> state) {
        this.act = h.activation();
        int widest = 0;
        for (Conv1d c : h.convs()) {
            convs.add(new CausalConv(c, block, state));
            outputs.add(RowOps.rows(c.outChannels(), block));
            widest = Math.max(widest, c.inChannels());
        }
        this.activated = RowOps.rows(widest, block);
    }

    /** Runs the head on rows {@code y}; returns the output rows (valid until the next call). */
    float[][] process(float[][] y, int n) {
        for (int i = 0; i < convs.size(); i++) {
            for (int r = 0; r < y.length; r++) {
                System.arraycopy(y[r], 0, activated[r], 0, n);
                Activations.apply(act, activated[r], 0, n, r);
            }
            convs.get(i).process(activated, outputs.get(i), n);
            y = outputs.get(i);
        }
        return y;
    }
}
