package org.namcl.render;

import java.util.List;
import org.namcl.engine.Engine;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

/**
 * Serves outputs rendered ahead of time (see {@link RecordingEngine}): the k-th stream opened
 * plays the k-th output, so a file's real pass writes what the packed launch computed.
 */
final class PlaybackEngine implements Engine {
    private final Engine source;
    private final List<float[]> outputs;
    private int opened;

    /** @param source the engine that rendered the outputs (named in reports) */
    PlaybackEngine(Engine source, List<float[]> outputs) {
        this.source = source;
        this.outputs = outputs;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public StreamRenderer open(WaveNet model) {
        if (opened == outputs.size()) {
            throw new IllegalStateException("more streams opened than were recorded");
        }
        float[] out = outputs.get(opened++);
        return new StreamRenderer() {
            private int position;

            @Override
            public int receptiveField() {
                return model.receptiveField();
            }

            @Override
            public void process(float[] in, int inOff, float[] dst, int outOff, int n) {
                if (position + n > out.length) {
                    throw new IllegalStateException("the stream runs past what was recorded");
                }
                System.arraycopy(out, position, dst, outOff, n);
                position += n;
            }

            @Override
            public void reset() {
                position = 0;
            }
        };
    }

    @Override
    public void close() {
    }
}
