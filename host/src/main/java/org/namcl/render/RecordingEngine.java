package org.namcl.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.namcl.engine.Engine;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

/**
 * Stands in for a model during a dry pass over a file: keeps what each opened stream is given
 * (the model-rate input of each channel, after mixing, gain and resampling) and answers with
 * silence. The recorded signals are then rendered together, and {@link PlaybackEngine} serves
 * the results to the real pass.
 */
final class RecordingEngine implements Engine {
    private final List<Recorder> streams = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String description() {
        return "records a model's inputs";
    }

    @Override
    public StreamRenderer open(WaveNet model) {
        Recorder r = new Recorder(model.receptiveField());
        streams.add(r);
        return r;
    }

    /** What each stream was given, in the order the streams were opened. */
    List<float[]> signals() {
        List<float[]> out = new ArrayList<>();
        for (Recorder r : streams) {
            out.add(Arrays.copyOf(r.samples, r.length));
        }
        return out;
    }

    @Override
    public void close() {
    }

    private static final class Recorder implements StreamRenderer {
        private final int receptiveField;
        private float[] samples = new float[1 << 12];
        private int length;

        Recorder(int receptiveField) {
            this.receptiveField = receptiveField;
        }

        @Override
        public int receptiveField() {
            return receptiveField;
        }

        @Override
        public void process(float[] in, int inOff, float[] out, int outOff, int n) {
            if (length + n > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(2 * samples.length, length + n));
            }
            System.arraycopy(in, inOff, samples, length, n);
            length += n;
            Arrays.fill(out, outOff, outOff + n, 0f);
        }

        @Override
        public void reset() {
            length = 0;
        }
    }
}
