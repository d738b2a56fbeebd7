package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import org.namcl.model.Activation;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.PostHead;

/** The post-stack head: for each conv, y = conv(act(y)), each conv reading its own history. */
final class PostHeadUnit {
    private final int block;
    private final Activation act;
    private final List<History> hists = new ArrayList<>();
    private final List<ConvOp> convs = new ArrayList<>();
    private final float[] tmp;
    private final float[] next;

    PostHeadUnit(PostHead h, int block, List<History> state) {
        this.block = block;
        this.act = h.activation();
        int widest = 0;
        for (Conv1d c : h.convs()) {
            History hist = new History(c.inChannels(), c.lookback(), block);
            state.add(hist);
            hists.add(hist);
            convs.add(ConvOp.of(c, hist.stride));
            widest = Math.max(widest, Math.max(c.inChannels(), c.outChannels()));
        }
        this.tmp = new float[widest * block];
        this.next = new float[widest * block];
    }

    /** Runs the head on y's rows in place (y must hold the widest layer's rows). */
    void process(float[] y, int rows, int n) {
        for (int i = 0; i < convs.size(); i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(y, r * block, tmp, r * block, n);
                Activations.apply(act, tmp, r * block, n, r);
            }
            History h = hists.get(i);
            h.prepare(n);
            h.write(tmp, block, n);
            ConvOp c = convs.get(i);
            c.apply(h.buf, h.position(), next, 0, block, n, false);
            h.advance(n);
            rows = c.outRows();
            System.arraycopy(next, 0, y, 0, rows * block);
        }
    }

    int widestRows() {
        return next.length / block;
    }
}
