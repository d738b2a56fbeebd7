package org.namcl.opencl;

import java.util.Locale;

/**
 * How many new samples one device chunk renders. A chunk holds RF − 1 + chunk positions (its
 * halo) in every intermediate buffer, so the limit is device memory: all buffers together may
 * take {@link #MEMORY_FRACTION} of global memory, the widest one must fit one allocation, and
 * its floats must be addressable with a 32-bit int.
 * Larger chunks amortise the halo and launch overhead; beyond {@link #MAX_CHUNK} samples (about
 * 87 s at 48 kHz, millions of work-items per launch) nothing more is gained, and the first upload
 * and last download, which double buffering cannot hide, grow.
 */
final class ChunkLength {
    static final int MAX_CHUNK = 1 << 22;
    /**
     * On a CPU device the buffers are host memory: a layer's rows should stay in cache between
     * launches, which bounds the chunk far more than memory does (unless the halo would dominate).
     */
    static final int CPU_MAX_CHUNK = 1 << 18;
    static final double MEMORY_FRACTION = 0.25;
    /** Buffer rows are padded to this many floats so every row starts aligned (coalescing). */
    static final int ROW_ALIGN = 64;

    private ChunkLength() {
    }

    /** A row stride for {@code positions}: rounded up to {@link #ROW_ALIGN}. */
    static int stride(int positions) {
        return (positions + ROW_ALIGN - 1) / ROW_ALIGN * ROW_ALIGN;
    }

    /**
     * The most positions (a multiple of {@link #ROW_ALIGN}) a chunk may have on this device.
     *
     * @param floatsPerPosition floats every buffer together holds per position
     * @param widestRows        rows of the largest single buffer
     */
    static long maxPositions(long globalMemBytes, long maxAllocBytes, long floatsPerPosition, int widestRows) {
        long byMemory = (long) (globalMemBytes * MEMORY_FRACTION) / (Float.BYTES * floatsPerPosition);
        long byAlloc = maxAllocBytes / ((long) Float.BYTES * widestRows);
        long byIndex = Integer.MAX_VALUE / widestRows; // kernels index rows × stride with 32-bit ints
        return Math.min(Math.min(byMemory, byAlloc), byIndex) / ROW_ALIGN * ROW_ALIGN;
    }

    /**
     * The default chunk length: as many samples as fit, capped at {@link #MAX_CHUNK}, or on a CPU
     * device at {@link #CPU_MAX_CHUNK} (at least 16 RF, so the halo stays a small overhead).
     */
    static int choose(long maxPositions, int rf, DeviceInfo.Type type) {
        long cap = type == DeviceInfo.Type.CPU ? Math.max(CPU_MAX_CHUNK, 16L * rf) : MAX_CHUNK;
        long chunk = Math.min(Math.min(cap, MAX_CHUNK), maxPositions - (rf - 1));
        if (chunk < 1) {
            throw tooLarge(maxPositions, rf, 1);
        }
        return (int) chunk;
    }

    /** Checks a requested chunk length against the device. */
    static int check(int chunk, long maxPositions, int rf) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk length must be positive, got " + chunk);
        }
        if ((long) stride(rf - 1 + chunk) > maxPositions) {
            throw tooLarge(maxPositions, rf, chunk);
        }
        return chunk;
    }

    private static OpenClException tooLarge(long maxPositions, int rf, int chunk) {
        return new OpenClException(String.format(Locale.ROOT,
                "out of device memory: a chunk of %d samples with its %d-sample halo needs %d positions per buffer,"
                        + " the device fits %d", chunk, rf - 1, stride(rf - 1 + chunk), maxPositions));
    }
}
