package org.namcl.eval;

import java.util.Arrays;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

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
        double[] c = new double[span];
        double[][] a = new double[2][size];
        double[][] b = new double[2][size];
        for (int p = 0; p < output.length; p += block) {
            int len = Math.min(block, output.length - p);
            for (int i = 0; i < size; i++) {
                a[0][i] = i < len ? output[p + i] : 0;
                int t = p - maxLag + i;
                b[0][i] = i < len + span - 1 && t >= 0 && t < target.length ? target[t] : 0;
            }
            Arrays.fill(a[1], 0);
            Arrays.fill(b[1], 0);
            FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.FORWARD);
            FastFourierTransformer.transformInPlace(b, DftNormalization.STANDARD, TransformType.FORWARD);
            // conj(A) * B, whose inverse is sum_i a[i] b[i + k]
            for (int i = 0; i < size; i++) {
                double re = a[0][i] * b[0][i] + a[1][i] * b[1][i];
                double im = a[0][i] * b[1][i] - a[1][i] * b[0][i];
                b[0][i] = re;
                b[1][i] = im;
            }
            FastFourierTransformer.transformInPlace(b, DftNormalization.STANDARD, TransformType.INVERSE);
            for (int k = 0; k < span; k++) {
                c[k] += b[0][k];
            }
        }
        return c;
    }
}
