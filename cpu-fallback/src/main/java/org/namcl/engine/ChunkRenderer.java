package org.namcl.engine;

/**
 * Renders one chunk of a stream from its input alone, with no state kept between calls: the
 * engines' offline path (CPU on all cores, OpenCL on the device).
 */
public interface ChunkRenderer extends AutoCloseable {

    int receptiveField();

    /**
     * in[inOff .. inOff + halo + n) are consecutive input samples, and whatever came before
     * in[inOff] is silence; writes the outputs of the last {@code n} of them to out[outOff..].
     * A halo of RF − 1 samples (or all samples since the start of the stream) makes the result
     * equal to the streaming one.
     */
    void render(float[] in, int inOff, int halo, int n, float[] out, int outOff);

    @Override
    default void close() {
    }
}
