package org.namcl.opencl;

/**
 * How an {@link OpenClEngine} plans and runs its models. The defaults choose everything from the
 * device; the other values exist to measure one plan against another ({@code bench}) and to
 * make tests exercise every path on any device.
 *
 * @param chunkLength new samples per device chunk, or 0 to choose from device memory
 * @param profiling   queues record when each command ran
 * @param weights     where the weights live
 * @param fusion      whether consecutive layers are fused into one launch
 * @param maxTile     the most time positions a fused work-group computes (0: what local memory allows)
 * @param maxLayers   the most layers one fused launch computes (0: as many as the planner takes)
 */
public record OpenClSettings(int chunkLength, boolean profiling, Weights weights, Fusion fusion, int maxTile,
                             int maxLayers) {

    /** Where a launch's weights live. */
    public enum Weights {
        /** __constant when the launch's block fits CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE, else __global. */
        AUTO,
        /** Always __global, as for weights too large for constant memory. */
        GLOBAL
    }

    /** Which layers share a launch (see {@link FusionPlanner}). */
    public enum Fusion {
        /** Fused where the planner expects it to pay on this device, per layer elsewhere. */
        AUTO,
        /** One launch per layer. */
        PER_LAYER,
        /** Fused as the planner would where fusion pays, whatever the device. */
        FUSED,
        /** Fused wherever local memory allows, whatever the halo costs (to test long halos). */
        MAXIMAL
    }

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
    }

    public static OpenClSettings defaults() {
        return new OpenClSettings(0, false, Weights.AUTO, Fusion.AUTO, 0, 0);
    }

    public OpenClSettings withChunkLength(int chunk) {
        return new OpenClSettings(chunk, profiling, weights, fusion, maxTile, maxLayers);
    }

    public OpenClSettings withProfiling(boolean on) {
        return new OpenClSettings(chunkLength, on, weights, fusion, maxTile, maxLayers);
    }

    public OpenClSettings withWeights(Weights w) {
        return new OpenClSettings(chunkLength, profiling, w, fusion, maxTile, maxLayers);
    }

    public OpenClSettings withFusion(Fusion f) {
        return new OpenClSettings(chunkLength, profiling, weights, f, maxTile, maxLayers);
    }

    public OpenClSettings withMaxTile(int tile) {
        return new OpenClSettings(chunkLength, profiling, weights, fusion, tile, maxLayers);
    }

    public OpenClSettings withMaxLayers(int layers) {
        return new OpenClSettings(chunkLength, profiling, weights, fusion, maxTile, layers);
    }
}
