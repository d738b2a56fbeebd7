package org.namcl.opencl;

import java.util.Locale;

/**
 * How the OpenCL engine runs one model on its device, from {@link OpenClEngine#plan}, for
 * comparing plans ({@code namcl bench}).
 *
 * @param launches               kernel launches per chunk
 * @param layers                 the model's layers (condition DSP included)
 * @param fusedLayers            layers computed in fused launches
 * @param fusedLaunches          fused launches
 * @param maxTile                the largest fused tile (positions per work-group), 0 when none
 * @param globalWeightLaunches   launches whose weights are in __global rather than __constant memory
 * @param bytesPerSample         bytes a sample moves through device memory on this plan
 * @param perLayerBytesPerSample the same with one launch per layer
 */
public record PlanSummary(int launches, int layers, int fusedLayers, int fusedLaunches, int maxTile,
                          int globalWeightLaunches, double bytesPerSample, double perLayerBytesPerSample) {

    /**
     * The plan in a few words.
     *
     * @return "per layer" or e.g. "fused 10/20 layers in 2 launches, tile &lt;= 480"
     */
    public String describe() {
        return fusedLayers == 0 ? "per layer"
                : String.format(Locale.ROOT, "fused %d/%d layers in %d launches, tile <= %d", fusedLayers, layers,
                        fusedLaunches, maxTile);
    }
}
