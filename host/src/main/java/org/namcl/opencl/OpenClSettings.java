package org.namcl.opencl;

/**
 * How an {@link OpenClEngine} plans and runs its models, given to
 * {@link OpenClEngine#OpenClEngine(DeviceInfo, OpenClSettings)}. The {@link #defaults()} choose
 * everything from the device; the other values exist to measure one plan against another
 * ({@code bench}) and to make tests exercise every path on any device. Immutable: each
 * {@code with} method returns a copy with one value changed.
 *
 * @param chunkLength new samples per device chunk, or 0 to choose from device memory
 * @param profiling   queues record when each command ran (for {@link OpenClEngine#chunkTimings})
 * @param weights     where the weights live
 * @param fusion      whether consecutive layers are fused into one launch
 * @param maxTile     the most time positions a fused work-group computes (0: what local memory
 *                    allows); at most 2048 either way
 * @param maxLayers   the most layers one fused launch computes (0: as many as the planner takes)
 * @param hostThreads threads of the host side, split between reading and decoding sources ahead
 *                    of the device ({@link org.namcl.pipeline.ReadAhead#readersFor}) and
 *                    encoding and writing outputs ({@link org.namcl.pipeline.SinkWriter#writersFor})
 *                    (0: one per core)
 * @param packSamples the most samples short jobs packed into one unit of work hold, and the most
 *                    a job may have to be packed rather than streamed (0: 2<sup>23</sup>)
 */
public record OpenClSettings(int chunkLength, boolean profiling, Weights weights, Fusion fusion, int maxTile,
                             int maxLayers, int hostThreads, int packSamples) {

    /** Where a launch's weights live. */
    public enum Weights {
        /** __constant when the launch's block fits CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE, else __global. */
        AUTO,
        /** Always __global, as for weights too large for constant memory. */
        GLOBAL
    }

    /**
     * Which layers share a launch. A fused launch runs consecutive layers of one shape in one
     * work-group over a tile in local memory, recomputing each layer's halo instead of writing its
     * output to global memory. A run grows while a tile of at least 32 positions fits half the
     * device's local memory and (but for {@link #MAXIMAL}) the recomputed positions stay within a
     * quarter of the useful ones.
     */
    public enum Fusion {
        /** Fused where the planner expects it to pay (GPU devices), per layer elsewhere. */
        AUTO,
        /** One launch per layer. */
        PER_LAYER,
        /** Fused as the planner would where fusion pays, whatever the device. */
        FUSED,
        /** Fused wherever local memory allows, whatever the recomputed halo costs (to test long halos). */
        MAXIMAL
    }

    /**
     * Checks the values.
     *
     * @param chunkLength new samples per device chunk, or 0 to choose from device memory
     * @param profiling   queues record when each command ran
     * @param weights     where the weights live
     * @param fusion      whether consecutive layers are fused into one launch
     * @param maxTile     the most time positions a fused work-group computes, or 0
     * @param maxLayers   the most layers one fused launch computes, or 0
     * @param hostThreads threads of the host side, or 0
     * @param packSamples the most samples of one packed unit, or 0
     * @throws IllegalArgumentException when {@code chunkLength}, {@code maxTile},
     *                                  {@code maxLayers}, {@code hostThreads} or {@code packSamples}
     *                                  is negative
     */
    public OpenClSettings {
        if (chunkLength < 0) {
            throw new IllegalArgumentException("chunk length must be positive (or 0 for automatic), got " + chunkLength);
        }
        if (maxTile < 0) {
            throw new IllegalArgumentException("the tile must be positive (or 0 for automatic), got " + maxTile);
        }
        if (maxLayers < 0) {
            throw new IllegalArgumentException("fused layers must be positive (or 0 for automatic), got " + maxLayers);
        }
        if (hostThreads < 0 || packSamples < 0) {
            throw new IllegalArgumentException("host threads and packed samples must be positive (or 0 for automatic), got "
                    + hostThreads + " and " + packSamples);
        }
    }

    /**
     * Everything chosen from the device: automatic chunk length, weight space, fusion and tile;
     * no profiling.
     *
     * @return the settings {@link OpenClEngine#OpenClEngine(DeviceInfo)} uses
     */
    public static OpenClSettings defaults() {
        return new OpenClSettings(0, false, Weights.AUTO, Fusion.AUTO, 0, 0, 0, 0);
    }

    /**
     * These settings with another chunk length.
     *
     * @param chunk new samples per device chunk, or 0 to choose from device memory
     * @return the copy
     * @throws IllegalArgumentException when {@code chunk} is negative
     */
    public OpenClSettings withChunkLength(int chunk) {
        return new OpenClSettings(chunk, profiling, weights, fusion, maxTile, maxLayers, hostThreads, packSamples);
    }

    /**
     * These settings with profiling on or off.
     *
     * @param on whether queues record when each command ran
     * @return the copy
     */
    public OpenClSettings withProfiling(boolean on) {
        return new OpenClSettings(chunkLength, on, weights, fusion, maxTile, maxLayers, hostThreads, packSamples);
    }

    /**
     * These settings with another weight space.
     *
     * @param w where the weights live
     * @return the copy
     */
    public OpenClSettings withWeights(Weights w) {
        return new OpenClSettings(chunkLength, profiling, w, fusion, maxTile, maxLayers, hostThreads, packSamples);
    }

    /**
     * These settings with another fusion policy.
     *
     * @param f which layers share a launch
     * @return the copy
     */
    public OpenClSettings withFusion(Fusion f) {
        return new OpenClSettings(chunkLength, profiling, weights, f, maxTile, maxLayers, hostThreads, packSamples);
    }

    /**
     * These settings with another tile cap.
     *
     * @param tile the most positions a fused work-group computes, or 0 for what local memory allows
     * @return the copy
     * @throws IllegalArgumentException when {@code tile} is negative
     */
    public OpenClSettings withMaxTile(int tile) {
        return new OpenClSettings(chunkLength, profiling, weights, fusion, tile, maxLayers, hostThreads, packSamples);
    }

    /**
     * These settings with another cap on fused layers.
     *
     * @param layers the most layers one fused launch computes, or 0 for as many as the planner takes
     * @return the copy
     * @throws IllegalArgumentException when {@code layers} is negative
     */
    public OpenClSettings withMaxLayers(int layers) {
        return new OpenClSettings(chunkLength, profiling, weights, fusion, maxTile, layers, hostThreads, packSamples);
    }

    /**
     * These settings with another number of host threads.
     *
     * @param n threads reading sources and writing outputs around the device, or 0 for one per core
     * @return the copy
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public OpenClSettings withHostThreads(int n) {
        return new OpenClSettings(chunkLength, profiling, weights, fusion, maxTile, maxLayers, n, packSamples);
    }

    /**
     * These settings with another packing limit (small ones make tests cut a few short jobs
     * into several units).
     *
     * @param samples the most samples of one packed unit (and of a job that is packed), or 0 for the default
     * @return the copy
     * @throws IllegalArgumentException when {@code samples} is negative
     */
    public OpenClSettings withPackSamples(int samples) {
        return new OpenClSettings(chunkLength, profiling, weights, fusion, maxTile, maxLayers, hostThreads, samples);
    }
}
