package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Vector API tanh against {@link FmaTanh#tanh(float)}, bit for bit: so the accuracy bounds
 * that {@link FastTanhTest} and {@link TanhExhaustiveCheck} check hold for it too. Every 251st
 * float (both signs, NaNs and infinities included), the special values, and ranges that start and
 * end anywhere in a vector.
 */
class VectorTanhTest {
    private static final int STRIDE = 251;

    @BeforeAll
    static void theVectorModuleIsThere() {
        assumeTrue(ModuleLayer.boot().findModule(CpuKernels.VECTOR_MODULE).isPresent(),
                "the JVM runs without --add-modules jdk.incubator.vector");
    }

    @Test
    void equalsTheScalarTanhOnFloatsOfEveryMagnitude() {
        float[] x = new float[1 << 16];
        long bits = 0;
        while (bits < 1L << 32) {
            int n = 0;
            for (; n < x.length && bits < 1L << 32; n++, bits += STRIDE) {
                x[n] = Float.intBitsToFloat((int) bits);
            }
            check(x, 0, n);
        }
    }

    @Test
    void equalsTheScalarTanhOnTheSpecialValues() {
        float t = FastTanh.T;
        float one = TanhFunction.FMA.saturation();
        float[] x = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, t, -t, Math.nextUp(t), Math.nextDown(t),
            -Math.nextUp(t), one, Math.nextDown(one), 1e-3f, -1e-3f, 1f, -1f};
        check(x, 0, x.length);
    }

    @Test
    void everyStartAndEndWithinAVectorMatches() {
        float[] x = new org.namcl.testing.Uniform(5).values(200, 4);
        for (int from = 0; from < 40; from++) {
            for (int to = from; to < x.length; to += 7) {
                check(x, from, to);
            }
        }
    }

    @Test
    void theEnginesTanhLeavesNoScalarTailAndChangesNoSampleOfTheRange() {
        // CpuKernels.tanhInPlace (either path) may go on past `to` to a whole vector where the row extends
        TanhFunction.Scalar tanh = CpuKernels.vector() ? FmaTanh::tanh : FastTanh::tanh;
        float[] x = new org.namcl.testing.Uniform(6).values(BlockStreamer.BLOCK, 4);
        for (int to = 0; to <= x.length; to++) {
            float[] v = x.clone();
            CpuKernels.tanhInPlace(v, 0, to);
            for (int i = 0; i < to; i++) {
                assertEquals(Float.floatToRawIntBits(tanh.tanh(x[i])), Float.floatToRawIntBits(v[i]), "range 0.." + to);
            }
            int whole = (to + VectorConvKernel.lanes() - 1) / VectorConvKernel.lanes() * VectorConvKernel.lanes();
            for (int i = whole; i < x.length; i++) {
                assertEquals(x[i], v[i], "past the vector that holds the range's end, range 0.." + to);
            }
        }
    }

    private static void check(float[] x, int from, int to) {
        float[] v = x.clone();
        VectorTanh.tanhInPlace(v, from, to);
        for (int i = 0; i < x.length; i++) {
            float want = i >= from && i < to ? FmaTanh.tanh(x[i]) : x[i];
            if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(v[i])
                    && !(Float.isNaN(want) && Float.isNaN(v[i]))) {
                assertEquals(want, v[i], "tanh(" + x[i] + ") [" + Integer.toHexString(Float.floatToRawIntBits(x[i]))
                        + "], range " + from + ".." + to);
            }
        }
    }
}
