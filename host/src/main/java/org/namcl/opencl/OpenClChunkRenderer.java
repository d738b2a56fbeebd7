package org.namcl.opencl;

import java.util.List;

import org.namcl.engine.ChunkRenderer;
import org.namcl.model.net.WaveNet;

/**
 * Renders chunks of one model on an {@link OpenClEngine}'s device, each from its input and halo
 * alone (see {@link ChunkRenderer}). A long request is cut into device chunks, each with its own
 * RF − 1 halo from the request's samples, so memory stays bounded however long the input.
 * Closing leaves the model's weights cached in the engine.
 */
final class OpenClChunkRenderer implements ChunkRenderer {
    private final OpenClEngine engine;
    private final WaveNet model;

    OpenClChunkRenderer(OpenClEngine engine, WaveNet model) {
        this.engine = engine;
        this.model = model;
        engine.network(model); // upload now: model problems surface on open, not on first render
    }

    @Override
    public int receptiveField() {
        return model.receptiveField();
    }

    @Override
    public void render(float[] in, int inOff, int halo, int n, float[] out, int outOff) {
        if (inOff < 0 || halo < 0 || n < 0 || inOff + halo + n > in.length || outOff < 0 || outOff + n > out.length) {
            throw new IndexOutOfBoundsException("render(in[" + in.length + "], " + inOff + ", " + halo + ", " + n
                    + ", out[" + out.length + "], " + outOff + ")");
        }
        engine.render(model, List.of(new ChunkScheduler.Job(in, inOff, halo + n, halo, out, outOff)));
    }
}
