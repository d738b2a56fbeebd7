package org.namcl.opencl;

import java.util.Arrays;

import org.jocl.cl_mem;

/**
 * The device's intermediate buffers, one per plan buffer number (see {@link NetworkPlan}),
 * shared by every network an engine renders (renders through one engine run one at a time).
 * Buffers only grow, and only to what a render needs, so short renders stay small.
 */
final class Workspace implements AutoCloseable {
    private final OpenClContext cl;
    private cl_mem[] buffers = new cl_mem[0];
    private long[] capacity = new long[0];

    Workspace(OpenClContext cl) {
        this.cl = cl;
    }

    /**
     * Device buffers for a plan at this stride: {@code rows[b] × stride} floats for each b other
     * than {@link NetworkPlan#IN} and {@link NetworkPlan#OUT}, whose entries stay null for the
     * caller to fill.
     */
    cl_mem[] bind(int[] rows, int stride) {
        if (rows.length > buffers.length) {
            buffers = Arrays.copyOf(buffers, rows.length);
            capacity = Arrays.copyOf(capacity, rows.length);
        }
        cl_mem[] bound = new cl_mem[rows.length];
        for (int b = NetworkPlan.OUT + 1; b < rows.length; b++) {
            long floats = (long) rows[b] * stride;
            if (floats == 0) {
                continue;
            }
            if (capacity[b] < floats) {
                DeviceMemory.release(buffers[b]);
                buffers[b] = null;
                capacity[b] = 0;
                buffers[b] = DeviceMemory.allocate(cl, floats);
                capacity[b] = floats;
            }
            bound[b] = buffers[b];
        }
        return bound;
    }

    @Override
    public void close() {
        for (cl_mem m : buffers) {
            DeviceMemory.release(m);
        }
        buffers = new cl_mem[0];
        capacity = new long[0];
    }
}
