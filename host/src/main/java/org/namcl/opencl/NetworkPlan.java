package org.namcl.opencl;

import java.util.ArrayList;
import java.util.List;

import org.namcl.model.Activation;
import org.namcl.model.ModelException;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.PostHead;
import org.namcl.model.net.WaveNet;

/**
 * A WaveNet as the sequence of kernel launches that renders one chunk, over numbered device
 * buffers of {@code rows × stride} floats. Buffer {@link #IN} holds the chunk's input and
 * {@link #OUT} receives its output (one row each; they change with the double-buffering slot);
 * the others are intermediates shared by every launch that needs that role:
 * <ul>
 * <li>two residual buffers the layers ping-pong between (a layer reads x at earlier times that
 *     its neighbours overwrite, so it cannot update x in place),</li>
 * <li>the head accumulator (each work-item only touches its own time, so it is updated in place),</li>
 * <li>the array head output (which the next array's first layer takes over as its head start),</li>
 * <li>a post-stack head scratch buffer, and one condition buffer per condition DSP, which must
 *     outlive the network it feeds.</li>
 * </ul>
 * A condition DSP is planned first, as its own network, writing its own condition buffer; it
 * shares the intermediates since it finishes before the main network starts.
 */
final class NetworkPlan {
    static final int IN = 0;
    static final int OUT = 1;
    // Head start modes of wavenet_layer (HEAD_* there).
    static final int HEAD_ACCUMULATE = 0;
    static final int HEAD_ZERO = 1;
    static final int HEAD_COPY = 2;
    static final int HEAD_BROADCAST = 3;

    /**
     * One launch. The kernel's arguments are {@code buffers} (as buffer numbers), its weights,
     * the row stride, the positions to compute, then {@code args} (Integer: int, Float: float).
     * {@code layers}: the WaveNet layers it computes (0 for a conv). {@code tile}: positions per
     * work-group (a fused launch), or 0 for one work-item per position.
     * {@code bytesPerSample}: what it reads and writes in device memory per position (see
     * {@link #bytesPerSample()}).
     */
    record Step(KernelSpec spec, int[] buffers, List<Number> args, int layers, int tile, double bytesPerSample) {
        Step {
            args = List.copyOf(args);
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>(List.of(1, 1));
    private final int x0 = newBuffer();
    private final int x1 = newBuffer();
    private final int acc = newBuffer();
    private final int headOut = newBuffer();
    private final int post = newBuffer();
    private final int receptiveField;
    private final FusionPlanner fusion;

    private NetworkPlan(WaveNet net, FusionPlanner fusion) {
        this.receptiveField = net.receptiveField();
        this.fusion = fusion;
        network(net, OUT);
    }

    /** The plan of a mono model (the engine checks {@code Support.mono} first), one launch per layer. */
    static NetworkPlan of(WaveNet net) {
        return of(net, FusionPlanner.perLayer());
    }

    /** The plan with the layers {@code fusion} fuses in one launch each. */
    static NetworkPlan of(WaveNet net, FusionPlanner fusion) {
        return new NetworkPlan(net, fusion);
    }

    /**
     * Bytes one sample moves through device memory: the sum over launches of the rows each reads
     * and writes per position, as if caches served every reuse within a launch (a conv's K taps
     * of a row count once) and nothing across launches. A fused launch reads its residual and
     * condition rows once per tile plus its halo: (tile + halo) / tile times a row.
     */
    double bytesPerSample() {
        return steps.stream().mapToDouble(Step::bytesPerSample).sum();
    }

    List<Step> steps() {
        return steps;
    }

    int receptiveField() {
        return receptiveField;
    }

    /** Rows of each buffer, by number (unused roles have 0). */
    int[] rows() {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private int newBuffer() {
        rows.add(0);
        return rows.size() - 1;
    }

    private void need(int buffer, int r) {
        rows.set(buffer, Math.max(rows.get(buffer), r));
    }

    /** Plans {@code net} reading {@link #IN} and writing its output rows into {@code out}. */
    private void network(WaveNet net, int out) {
        int cond = IN;
        WaveNet dsp = net.conditionDsp();
        if (dsp != null) {
            if (dsp.inChannels() != 1) {
                throw new ModelException("the condition DSP must take the mono input; it has "
                        + dsp.inChannels() + " input channels");
            }
            cond = newBuffer();
            need(cond, dsp.outChannels());
            network(dsp, cond);
        }
        int x = IN;
        List<LayerArray> arrays = net.arrays();
        for (int ai = 0; ai < arrays.size(); ai++) {
            LayerArray a = arrays.get(ai);
            int dst = x == x0 ? x1 : x0;
            need(dst, a.channels());
            Conv1x1 r = a.rechannel(); // a 1x1 is a conv of kernel size 1
            steps.add(conv(r.inChannels(), r.outChannels(), 1, 1, r.groups(), r.weights(), r.bias(), null, x, dst, 1f));
            x = dst;
            int start = ai == 0 ? HEAD_ZERO : arrays.get(ai - 1).headOutChannels() == 1 ? HEAD_BROADCAST : HEAD_COPY;
            for (FusionPlanner.Group g : fusion.plan(a.layers())) {
                List<Layer> run = a.layers().subList(g.first(), g.first() + g.count());
                Layer l = run.get(0);
                int next = x == x0 ? x1 : x0;
                need(next, l.channels());
                need(acc, l.headWidth());
                // head_in is only read when the head starts from the previous array's
                int headIn = start == HEAD_COPY || start == HEAD_BROADCAST ? headOut : acc;
                int[] buffers = {x, next, acc, headIn, cond};
                double bytes = layerBytes(l, start, g.fused() ? (g.tile() + g.halo()) / (double) g.tile() : 1);
                steps.add(g.fused()
                        ? new Step(KernelSpecs.fused(run, g.tile()), buffers, List.of(start), g.count(), g.tile(), bytes)
                        : new Step(KernelSpecs.layer(l), buffers, List.of(l.conv().dilation(), start), 1, 0, bytes));
                start = HEAD_ACCUMULATE;
                x = next;
            }
            boolean last = ai == arrays.size() - 1;
            int target = last && net.postHead() == null ? out : headOut;
            need(target, a.headOutChannels());
            steps.add(conv(a.headRechannel(), null, acc, target, last ? net.headScale() : 1f));
        }
        PostHead ph = net.postHead();
        if (ph != null) {
            int src = headOut;
            for (int i = 0; i < ph.convs().size(); i++) {
                Conv1d c = ph.convs().get(i);
                int dst = i == ph.convs().size() - 1 ? out : src == headOut ? post : headOut;
                need(dst, c.outChannels());
                steps.add(conv(c, ph.activation(), src, dst, 1f));
                src = dst;
            }
        }
    }

    /**
     * A layer launch's traffic: residual and condition rows read ({@code halo} times: 1, or a
     * fused tile's (tile + halo) / tile), the head's start (nothing from zero, one row broadcast),
     * the residual and head rows written.
     */
    private static double layerBytes(Layer l, int start, double halo) {
        int headRead = start == HEAD_ZERO ? 0 : start == HEAD_BROADCAST ? 1 : l.headWidth();
        return Float.BYTES * ((l.channels() + l.mixin().inChannels()) * halo + headRead + l.channels() + l.headWidth());
    }

    private static Step conv(Conv1d c, Activation pre, int src, int dst, float scale) {
        return conv(c.inChannels(), c.outChannels(), c.kernelSize(), c.dilation(), c.groups(), c.weights(), c.bias(),
                pre, src, dst, scale);
    }

    /** causal_conv's arguments after stride and n: dilation, scale, in, out, kernel size, groups. */
    private static Step conv(int in, int out, int k, int dilation, int groups, float[] weights, float[] bias,
                             Activation pre, int src, int dst, float scale) {
        return new Step(KernelSpecs.conv(out, weights, bias, pre), new int[] {src, dst},
                List.of(dilation, scale, in, out, k, groups), 0, 0, Float.BYTES * (double) (in + out));
    }
}
