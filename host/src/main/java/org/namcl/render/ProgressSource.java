package org.namcl.render;

import java.io.IOException;
import org.namcl.engine.SignalSource;

/**
 * A pair's input as its job reads it, telling the progress line: its first read names the pair as
 * the one rendering now (the engine may open jobs before it renders them), and each read adds the
 * input seconds it covers, up to the pair's length (a tail of silence is not counted).
 */
public final class ProgressSource implements SignalSource {
    private final SignalSource source;
    private final ProgressReporter progress;
    private final int rate;
    private final double seconds;
    private final String model;
    private final String file;
    private volatile double advanced;
    private boolean started;

    ProgressSource(SignalSource source, ProgressReporter progress, int rate, double seconds, String model,
                   String file) {
        this.source = source;
        this.progress = progress;
        this.rate = rate;
        this.seconds = seconds;
        this.model = model;
        this.file = file;
    }

    @Override
    public int channels() {
        return source.channels();
    }

    @Override
    public int read(float[][] dst, int off, int n) throws IOException {
        if (!started) {
            started = true;
            progress.rendering(model, file);
        }
        int k = source.read(dst, off, n);
        double secs = Math.min(k / (double) rate, seconds - advanced);
        if (secs > 0) {
            advanced += secs;
            progress.advance(secs);
        }
        return k;
    }

    /**
     * Input seconds reported so far.
     *
     * @return those seconds
     */
    public double advanced() {
        return advanced;
    }

    /**
     * Input seconds of the pair not reported yet: what {@link ProgressReporter#pairDone} adds when
     * the pair ends.
     *
     * @return those seconds
     */
    public double remaining() {
        return seconds - advanced;
    }
}
