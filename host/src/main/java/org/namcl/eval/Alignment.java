package org.namcl.eval;

import org.jtransforms.fft.DoubleFFT_1D;
import org.namcl.report.Fft;

/**
 * Finds how far a recorded target lags a model's output: the lag L in [-maxLag, maxLag] that
 * maximises the cross-correlation sum over n of output[n] * target[n + L]. The sum is taken
 * block by block (each block of the output against the target window it can meet), each block
 * through an FFT of a few times maxLag, so memory stays small however long the files and the
 * result is the whole-signal correlation.
 */
public final class Alignment {
    /** The search range the issue asks for: +-50 ms. */
    public static final double MAX_LAG_SECONDS = 0.050;

    private Alignment() {
    }

    /** The search range at {@code sampleRate}, in samples. */
    public static int maxLag(double sampleRate) {
        return (int) Math.round(MAX_LAG_SECONDS * sampleRate);
    }

    /** The lag of {@code target} behind {@code output}; ties go to the smaller |lag|. */
    public static int lag(float[] output, float[] target, int maxLag) {
        double[] c = correlation(output, target, maxLag);
        int best = 0;
        for (int k = 0; k < c.length; k++) {
            int lag = k - maxLag;
            double bestValue = c[best + maxLag];
            if (c[k] > bestValue || (c[k] == bestValue && Math.abs(lag) < Math.abs(best))) {
                best = lag;
            }
        }
        return best;
    }

    /** c[L + maxLag] = sum over n of output[n] * target[n + L], for L in [-maxLag, maxLag]. */
    static double[] correlation(float[] output, float[] target, int maxLag) {
        if (maxLag < 0) {
            throw new IllegalArgumentException("negative lag range " + maxLag);
        }
        int span = 2 * maxLag + 1;
        int size = Integer.highestOneBit(Math.max(1 << 12, 4 * span - 1)) << 1;
        int block = size - span + 1;
        DoubleFFT_1D fft = Fft.of(size);
        double[] c = new double[span];
        double[] a = new double[size];
        double[] b = new double[size];
        for (int p = 0; p < output.length; p += block) {
            int len = Math.min(block, output.length - p);
            for (int i = 0; i < size; i++) {
                a[i] = i < len ? output[p + i] : 0;
                int t = p - maxLag + i;
                b[i] = i < len + span - 1 && t >= 0 && t < target.length ? target[t] : 0;
            }
            fft.realForward(a);
            fft.realForward(b);
            // conj(A) * B, whose inverse is sum_i a[i] b[i + k]; JTransforms packs the real
            // bins 0 and size/2 into b[0] and b[1], the others as (re, im) pairs
            b[0] *= a[0];
            b[1] *= a[1];
            for (int i = 2; i < size; i += 2) {
                double re = a[i] * b[i] + a[i + 1] * b[i + 1];
                double im = a[i] * b[i + 1] - a[i + 1] * b[i];
                b[i] = re;
                b[i + 1] = im;
            }
            fft.realInverse(b, true);
            for (int k = 0; k < span; k++) {
                c[k] += b[k];
            }
        }
        return c;
    }
}
