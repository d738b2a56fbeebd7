package org.namcl.engine;

import java.io.IOException;

/**
 * The input of a {@link RenderJob}: one or more channels at the model's rate, read in order.
 * Each channel goes through its own stream of the model. An engine reads a source from one
 * thread at a time, in order, and may read it on any of its threads.
 */
public interface SignalSource {

    /**
     * How many channels it has.
     *
     * @return the channel count, at least 1
     */
    int channels();

    /**
     * Reads up to {@code n} frames into {@code dst[c][off ..]} for every channel c.
     *
     * @param dst one array per channel
     * @param off where in each array the frames go
     * @param n frames wanted
     * @return frames read; 0 (for n > 0) only at the end of the signal
     * @throws IOException (or an unchecked exception) when the input cannot be read: the job fails
     */
    int read(float[][] dst, int off, int n) throws IOException;
}
