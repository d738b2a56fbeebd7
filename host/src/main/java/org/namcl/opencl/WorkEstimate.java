package org.namcl.opencl;

import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Film;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.WaveNet;

/**
 * The arithmetic one output sample costs, for benchmarks to report achieved GFLOP/s: 2 FLOPs per
 * multiply-add of every conv, 1x1 and FiLM (each weight once; biases, activations and residual
 * adds are not counted), condition DSP included. The bytes it moves depend on the plan: see
 * {@link PlanSummary#bytesPerSample()}.
 */
public final class WorkEstimate {
    private WorkEstimate() {
    }

    /**
     * FLOPs per output sample of this model, whatever the engine or plan.
     *
     * @param net a WaveNet, with its condition DSP if any
     * @return 2 × the multiply-adds of its convs, 1x1s and FiLMs
     */
    public static long flopsPerSample(WaveNet net) {
        long macs = 0;
        for (LayerArray a : net.arrays()) {
            macs += macs(a.rechannel()) + macs(a.headRechannel());
            for (Layer l : a.layers()) {
                macs += macs(l.conv()) + macs(l.mixin()) + macs(l.layer1x1()) + macs(l.head1x1());
                for (Film f : l.films().values()) {
                    macs += macs(f.conv());
                }
            }
        }
        if (net.postHead() != null) {
            for (Conv1d c : net.postHead().convs()) {
                macs += macs(c);
            }
        }
        return 2 * macs + (net.conditionDsp() == null ? 0 : flopsPerSample(net.conditionDsp()));
    }

    private static long macs(Conv1x1 c) {
        return c == null ? 0 : c.weights().length;
    }

    private static long macs(Conv1d c) {
        return c.weights().length;
    }
}
