package org.namcl.spark;

import java.io.Serializable;
import org.namcl.eval.EvalOptions;
import org.namcl.eval.Latency;
import org.namcl.eval.Segment;
import org.namcl.render.EngineChoice;

/**
 * An eval job's options as they travel to the executors (latency and segment as given on the
 * command line); each task makes {@link EvalOptions} of them with its device and threads.
 */
record EvalSettings(EngineChoice engine, String device, Double slim, String latency, String segment, boolean namV3,
                    boolean resample, boolean charts) implements Serializable {

    /** The options with a task's device and threads; an {@link IllegalArgumentException} names a bad option. */
    EvalOptions options(String taskDevice, int threads) {
        return new EvalOptions(engine, taskDevice, threads, slim, Latency.parse(latency), Segment.parse(segment),
                namV3, resample);
    }
}
