package org.namcl.opencl;

import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Film;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.WaveNet;

/**
 * The work one output sample costs, for benchmarks to report achieved GFLOP/s and GB/s.
 * <ul>
 * <li>FLOPs: 2 per multiply-add of every conv, 1x1 and FiLM (each weight once; biases,
 *     activations and residual adds are not counted), condition DSP included.</li>
 * <li>Bytes: the fewest a layer-by-layer design must move through device memory: the input
 *     read and the output written (8 bytes), plus every intermediate row that one kernel writes
 *     and a later one reads, counted once written and once read (8 bytes per row): each array's
 *     rechannel output, each layer's residual output and head accumulator, each head rechannel
 *     output but the final one, each post-stack head output but the last, and the condition
 *     DSP's output. Caches can only lower the real traffic below the kernels' actual reads
 *     (a dilated conv reads K taps, the head accumulator is read before it is updated), never
 *     below this.</li>
 * </ul>
 */
public final class WorkEstimate {
    private WorkEstimate() {
    }

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

    public static long minBytesPerSample(WaveNet net) {
        return 2L * Float.BYTES + intermediateBytes(net, false);
    }

    /** @param outputIsIntermediate whether the network's own output is read by another network */
    private static long intermediateBytes(WaveNet net, boolean outputIsIntermediate) {
        long rows = 0;
        for (int i = 0; i < net.arrays().size(); i++) {
            LayerArray a = net.arrays().get(i);
            rows += a.channels();
            for (Layer l : a.layers()) {
                rows += l.channels() + l.headWidth();
            }
            boolean finalOutput = i == net.arrays().size() - 1 && net.postHead() == null;
            if (!finalOutput || outputIsIntermediate) {
                rows += a.headOutChannels();
            }
        }
        if (net.postHead() != null) {
            var convs = net.postHead().convs();
            for (int i = 0; i < convs.size(); i++) {
                if (i < convs.size() - 1 || outputIsIntermediate) {
                    rows += convs.get(i).outChannels();
                }
            }
        }
        long bytes = 2L * Float.BYTES * rows;
        return bytes + (net.conditionDsp() == null ? 0 : intermediateBytes(net.conditionDsp(), true));
    }

    private static long macs(Conv1x1 c) {
        return c == null ? 0 : c.weights().length;
    }

    private static long macs(Conv1d c) {
        return c.weights().length;
    }
}
