package org.namcl.engine;

/**
 * One mono stream through one model, block after block: output sample t depends on input samples
 * up to t (only on t − RF + 1 .. t for a network with a finite receptive field), with silence
 * before the first sample. Results do not depend on how the stream is cut into blocks.
 */
public interface StreamRenderer extends AutoCloseable {

    /**
     * Renders the next {@code n} samples of the stream.
     *
     * @param in input samples
     * @param inOff where in {@code in} they start
     * @param out where the outputs go
     * @param outOff where in {@code out} the first output goes
     * @param n samples to render
     */
    void process(float[] in, int inOff, float[] out, int outOff, int n);

    /**
     * Renders the next {@code n} samples of the stream, from and to the start of the arrays.
     *
     * @param in input samples
     * @param out where the outputs go
     * @param n samples to render
     */
    default void process(float[] in, float[] out, int n) {
        process(in, 0, out, 0, n);
    }

    /** Back to "silence before the file", as if newly opened. */
    void reset();

    /** Lets go of what the stream holds; nothing by default. */
    @Override
    default void close() {
    }
}
