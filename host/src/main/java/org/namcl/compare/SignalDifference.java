package org.namcl.compare;

/**
 * How one rendering differs from a baseline, accumulated block by block so files of any length
 * are compared in bounded memory. Sums are in double; a non-finite sample on either side is
 * counted (the first one's frame kept) and left out of the sums, so one NaN does not hide how
 * the rest compares.
 */
public final class SignalDifference {
    private long frames;
    private long samples;
    private long identical;
    private double errorEnergy;
    private double baselineEnergy;
    private double peak;
    private double maxAbs;
    private long maxAbsFrame = -1;
    private long maxUlps;
    private long nonFiniteBaseline;
    private long nonFiniteOther;
    private long firstNonFiniteFrame = -1;

    /**
     * Adds the next {@code n} frames of {@code channels} channels: {@code baseline[c][bOff..]}
     * against {@code other[c][oOff..]}.
     */
    public void add(float[][] baseline, int bOff, float[][] other, int oOff, int channels, int n) {
        for (int c = 0; c < channels; c++) {
            float[] b = baseline[c];
            float[] a = other[c];
            for (int i = 0; i < n; i++) {
                sample(b[bOff + i], a[oOff + i], frames + i);
            }
        }
        frames += n;
    }

    private void sample(float b, float a, long frame) {
        samples++;
        boolean badB = !Float.isFinite(b);
        boolean badA = !Float.isFinite(a);
        if (badB || badA) {
            nonFiniteBaseline += badB ? 1 : 0;
            nonFiniteOther += badA ? 1 : 0;
            if (firstNonFiniteFrame < 0 || frame < firstNonFiniteFrame) {
                firstNonFiniteFrame = frame;
            }
            return;
        }
        if (Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b)) {
            identical++;
        }
        double d = (double) a - b;
        errorEnergy += d * d;
        baselineEnergy += (double) b * b;
        peak = Math.max(peak, Math.abs(b));
        if (Math.abs(d) > maxAbs) {
            maxAbs = Math.abs(d);
            maxAbsFrame = frame;
        }
        maxUlps = Math.max(maxUlps, ulps(a, b));
    }

    /** Floats apart, counting every representable float in between (+0 and -0 are 0 apart). */
    static long ulps(float a, float b) {
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits >= 0 ? bits : -(long) (bits & 0x7fffffff);
    }

    /** What was measured, for {@code baselineFrames} and {@code otherFrames} frames in all. */
    public Difference result(long baselineFrames, long otherFrames) {
        return new Difference(baselineFrames, otherFrames, baselineEnergy == 0 ? Double.NaN : errorEnergy / baselineEnergy,
                maxAbs, peak, maxAbsFrame, maxUlps, samples == 0 ? 1 : identical / (double) samples,
                nonFiniteBaseline, nonFiniteOther, firstNonFiniteFrame);
    }
}
