package org.namcl.pipeline;

import org.namcl.engine.RenderJob;

/**
 * A job's first frames, as {@link ReadAhead} read them.
 *
 * @param job      the job
 * @param channels one array per channel, at least {@code frames} long
 * @param frames   frames read
 * @param complete whether they are the whole signal (the source ended within the limit)
 */
public record JobStart(RenderJob job, float[][] channels, int frames, boolean complete) {
}
