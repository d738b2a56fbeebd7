package org.namcl.render;

import java.util.Arrays;
import org.namcl.audio.Resampler;
import org.namcl.engine.StreamRenderer;

/**
 * One channel's signal chain at the file's rate: resample to the model's rate when they differ,
 * the model, and back. Resampling delays output: a call may return fewer samples than it was
 * given, and {@link #finish()} returns the rest; over the whole stream at least as many samples
 * come out as went in.
 */
final class ChannelPipeline implements AutoCloseable {
    private final StreamRenderer model;
    private final Resampler toModel;
    private final Resampler fromModel;
    private float[] atModelRate = new float[0];
    private float[] rendered = new float[0];
    private float[] output = new float[0];

    /** Renders through {@code model}; resamplers are null when the rates are equal. */
    ChannelPipeline(StreamRenderer model, int fileRate, int modelRate) {
        this.model = model;
        boolean convert = fileRate != modelRate;
        this.toModel = convert ? new Resampler(fileRate, modelRate) : null;
        this.fromModel = convert ? new Resampler(modelRate, fileRate) : null;
    }

    /** Renders the next {@code n} samples; the result is the first (returned count) of {@link #output()}. */
    int process(float[] in, int n) {
        if (toModel == null) {
            output = ensure(output, n);
            model.process(in, output, n);
            return n;
        }
        atModelRate = ensure(atModelRate, toModel.maxOutput(n));
        return renderAtModelRate(toModel.process(in, 0, n, atModelRate, 0));
    }

    /** Ends the stream: the samples the resamplers still hold, in {@link #output()}. */
    int finish() {
        if (toModel == null) {
            return 0;
        }
        atModelRate = ensure(atModelRate, toModel.pendingOutput());
        int k = renderAtModelRate(toModel.flush(atModelRate, 0));
        output = ensure(output, k + fromModel.pendingOutput());
        return k + fromModel.flush(output, k);
    }

    /** Renders the first {@code m} samples of {@link #atModelRate} and converts them back to the file's rate. */
    private int renderAtModelRate(int m) {
        rendered = ensure(rendered, m);
        model.process(atModelRate, rendered, m);
        output = ensure(output, fromModel.maxOutput(m));
        return fromModel.process(rendered, 0, m, output, 0);
    }

    float[] output() {
        return output;
    }

    private static float[] ensure(float[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, n);
    }

    @Override
    public void close() {
        model.close();
    }
}
