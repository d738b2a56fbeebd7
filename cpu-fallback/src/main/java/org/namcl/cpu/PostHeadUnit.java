package org.namcl.cpu;

import java.util.List;
import org.namcl.model.Activation;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.PostHead;

/** The post-stack head: for each conv, y = conv(act(y)). */
final class PostHeadUnit {
    private final Activation act;
    private final CausalConv[] convs;
    private final float[][][] outputs;
    private final float[][] activated;

    PostHeadUnit(PostHead h, int block, List<History> state) {
        this.act = h.activation();
        int count = h.convs().size();
        convs = new CausalConv[count];
        outputs = new float[count][][];
        int widest = 0;
        for (int i = 0; i < count; i++) {
            Conv1d c = h.convs().get(i);
            convs[i] = new CausalConv(c, block, state);
            outputs[i] = RowOps.rows(c.outChannels(), block);
            widest = Math.max(widest, c.inChannels());
        }
        this.activated = RowOps.rows(widest, block);
    }

    /** Runs the head on rows {@code y}; returns the output rows (valid until the next call). */
    float[][] process(float[][] y, int n) {
        for (int i = 0; i < convs.length; i++) {
            for (int r = 0; r < y.length; r++) {
                System.arraycopy(y[r], 0, activated[r], 0, n);
                Activations.apply(act, activated[r], 0, n, r);
            }
            convs[i].process(activated, outputs[i], n);
            y = outputs[i];
        }
        return y;
    }
}
