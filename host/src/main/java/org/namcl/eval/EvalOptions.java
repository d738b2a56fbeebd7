package org.namcl.eval;

import java.util.Objects;
import org.namcl.render.EngineChoice;

/**
 * How an evaluation runs: the {@code eval} command's options, validated.
 *
 * @param slim  size for slimmable models in [0, 1], or null for the full model
 * @param namV3    treat every DI as NAM's v3 training input (otherwise only those with its MD5)
 * @param resample convert a target to its DI's rate, and a DI to a model's rate and its output back;
 *                 otherwise differing rates fail the pair
 */
public record EvalOptions(EngineChoice engine, String device, int threads, Double slim, Latency latency,
                          Segment segment, boolean namV3, boolean resample) {

    public EvalOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(segment, "segment");
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (slim != null && !(slim >= 0 && slim <= 1)) {
            throw new IllegalArgumentException("--slim must be a number in [0, 1], got " + slim);
        }
    }

    /** What changes a score, as one line: rows of a results database match on it. */
    public String settings() {
        return "latency=" + latency + ";segment=" + segment + ";slim=" + (slim == null ? "full" : slim)
                + ";nam_v3=" + namV3;
    }
}
