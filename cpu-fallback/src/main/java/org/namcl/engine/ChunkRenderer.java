package org.namcl.engine;

/**
 * Renders one chunk of a stream from its input alone, with no state kept between calls: the
 * engines' offline path (CPU on all cores, OpenCL on the device).
 */
public interface ChunkRenderer extends AutoCloseable {

    /**
     * The network's receptive field.
     *
     * @return RF: output t depends on inputs t - RF + 1 .. t
     */
    int receptiveField();

    /**
     * in[inOff .. inOff + halo + n) are consecutive input samples, and whatever came before
     * in[inOff] is silence; writes the outputs of the last {@code n} of them to out[outOff..].
     * A halo of RF − 1 samples (or all samples since the start of the stream) makes the result
     * equal to the streaming one.
     *
     * @param in input samples
     * @param inOff where the halo starts
     * @param halo samples before the chunk, rendered only as context
     * @param n samples to render
     * @param out where the outputs go
     * @param outOff where in {@code out} the first output goes
     */
    void render(float[] in, int inOff, int halo, int n, float[] out, int outOff);

    /** Lets go of what the renderer holds; nothing by default. */
    @Override
    default void close() {
    }
}
