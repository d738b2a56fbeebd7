package org.namcl.cpu;

import java.util.List;
import org.namcl.model.Activation;
import org.namcl.model.net.ConvNet;

/** A ConvNet on blocks: each block's dilated conv (batch norm folded in), its activation; the 1x1 head. */
final class ConvNetUnit implements BlockUnit {
    private final CausalConv[] convs;
    private final float[][][] rows;
    private final Activation act;
    private final ConvOp head;
    private final float[][] out;

    ConvNetUnit(ConvNet net, int block, List<History> state) {
        int count = net.convs().size();
        this.convs = new CausalConv[count];
        this.rows = new float[count][][];
        for (int i = 0; i < count; i++) {
            convs[i] = new CausalConv(net.convs().get(i), block, state);
            rows[i] = RowOps.rows(convs[i].outRows(), block);
        }
        this.act = net.activation();
        this.head = ConvOp.of(net.head());
        this.out = RowOps.rows(head.outRows(), block);
    }

    @Override
    public float[][] process(float[][] in, int n) {
        float[][] x = in;
        for (int i = 0; i < convs.length; i++) {
            convs[i].process(x, rows[i], n);
            for (int r = 0; r < rows[i].length; r++) {
                Activations.apply(act, rows[i][r], 0, n, r);
            }
            x = rows[i];
        }
        head.apply(x, out, n, false);
        return out;
    }
}
