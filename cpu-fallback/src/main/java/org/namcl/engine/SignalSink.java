package org.namcl.engine;

import java.io.IOException;

/**
 * The output of a {@link RenderJob}: every channel's rendered samples, in order, one output frame
 * per input frame. An engine writes a sink from one thread at a time and is done with it before
 * it reports the job's outcome.
 */
public interface SignalSink {

    /**
     * Takes {@code src[c][off .. off + n)} for every channel c.
     *
     * @param src one array per channel
     * @param off where in each array the frames start
     * @param n frames
     * @throws IOException (or an unchecked exception) when the output cannot be written: the job fails
     */
    void write(float[][] src, int off, int n) throws IOException;
}
