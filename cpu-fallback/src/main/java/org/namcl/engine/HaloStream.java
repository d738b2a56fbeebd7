package org.namcl.engine;

/**
 * Turns a stateless {@link ChunkRenderer} into a stream: it keeps the last RF − 1 input samples
 * and hands them over as the next block's halo, so memory stays bounded however long the stream.
 */
public final class HaloStream implements StreamRenderer {
    private final ChunkRenderer renderer;
    private final int keep;
    private float[] buf = new float[0];
    private int held;

    /** @param renderer renders each block with the halo this stream keeps */
    public HaloStream(ChunkRenderer renderer) {
        this.renderer = renderer;
        this.keep = renderer.receptiveField() - 1;
    }

    @Override
    public void process(float[] in, int inOff, float[] out, int outOff, int n) {
        if (n == 0) {
            return;
        }
        if (buf.length < held + n) {
            buf = java.util.Arrays.copyOf(buf, held + n);
        }
        System.arraycopy(in, inOff, buf, held, n);
        renderer.render(buf, 0, held, n, out, outOff);
        int total = held + n;
        held = Math.min(keep, total);
        System.arraycopy(buf, total - held, buf, 0, held);
    }

    @Override
    public void reset() {
        held = 0;
    }

    @Override
    public void close() {
        renderer.close();
    }
}
