package org.namcl.compare;

import java.io.IOException;
import org.namcl.engine.SignalSink;
import org.namcl.engine.SignalSource;

/**
 * Takes a rendering as the engine writes it and measures it against the baseline, read in step:
 * nothing of either is kept beyond one block.
 */
final class ComparingSink implements SignalSink {
    private final SignalSource baseline;
    private final int channels;
    private final SignalDifference difference = new SignalDifference();
    /** Gathers what the HTML report draws, or null. */
    private final DifferenceTrace trace;
    private float[][] base = new float[0][0];
    private long otherFrames;
    private long baselineFrames;
    private boolean baselineEnded;

    /**
     * @param baseline read as far as the rendering goes, then to its end by {@link #finish()}
     * @param trace    also gathers the report's chart data into this, or null
     */
    ComparingSink(SignalSource baseline, int channels, DifferenceTrace trace) {
        this.baseline = baseline;
        this.channels = channels;
        this.trace = trace;
    }

    DifferenceTrace trace() {
        return trace;
    }

    @Override
    public void write(float[][] src, int off, int n) throws IOException {
        otherFrames += n;
        int compared = 0;
        while (compared < n && !baselineEnded) {
            int want = n - compared;
            ensure(want);
            int k = readBaseline(want);
            difference.add(base, 0, src, off + compared, channels, k);
            if (trace != null) {
                trace.add(base, 0, src, off + compared, channels, k);
            }
            compared += k;
        }
    }

    private int readBaseline(int want) throws IOException {
        int k = baseline.read(base, 0, want);
        if (k == 0) {
            baselineEnded = true;
        }
        baselineFrames += k;
        return k;
    }

    private void ensure(int frames) {
        if (base.length < channels || base[0].length < frames) {
            base = new float[channels][Math.max(frames, 4096)];
        }
    }

    /** Reads the rest of the baseline (its length counts) and returns the measurement. */
    Difference finish() throws IOException {
        ensure(4096);
        while (!baselineEnded) {
            readBaseline(4096);
        }
        return difference.result(baselineFrames, otherFrames);
    }
}
