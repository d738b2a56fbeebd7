package org.namcl.engine;

/**
 * One mono stream through one model, block after block: output sample t depends on input samples
 * up to t (only on t − RF + 1 .. t for a network with a finite receptive field), with silence
 * before the first sample. Results do not depend on how the stream is cut into blocks.
 */
public interface StreamRenderer extends AutoCloseable {

    /** Renders the next {@code n} samples of the stream: in[inOff..] to out[outOff..]. */
    void process(float[] in, int inOff, float[] out, int outOff, int n);

    default void process(float[] in, float[] out, int n) {
        process(in, 0, out, 0, n);
    }

    /** Back to "silence before the file", as if newly opened. */
    void reset();

    @Override
    default void close() {
    }
}
