package org.namcl.spark;

import java.io.Serializable;
import org.namcl.render.EngineChoice;
import org.namcl.render.OutputFormat;
import org.namcl.render.RenderOptions;

/**
 * A render job's options as they travel to the executors; each task makes {@link RenderOptions}
 * of them with the device and threads Spark gave it.
 *
 * @param device the device the user named, or null (a task given a GPU by Spark uses that one)
 */
record RenderSettings(EngineChoice engine, String device, Double slim, OutputFormat format, boolean normalize,
                      double inputGainDb, double outputGainDb, boolean overwrite, boolean tail, Double tailSeconds,
                      boolean mixMono, boolean resample) implements Serializable {

    /** The options with a task's device and threads; an {@link IllegalArgumentException} names a bad option. */
    RenderOptions options(String taskDevice, int threads) {
        return new RenderOptions(engine, taskDevice, threads, slim, format, normalize, inputGainDb, outputGainDb,
                overwrite, tail, tailSeconds, mixMono, resample);
    }
}
