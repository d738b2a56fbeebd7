package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.testing.Tolerance;
import org.namcl.testing.Uniform;

/**
 * The Vector API conv kernel against the scalar reference on random shapes (odd widths, groups,
 * kernel sizes, a fused mixin, with and without bias, overwrite and accumulate) and block
 * lengths from 1 sample up: both within the float32 rounding bound of the exact sum (evaluated
 * here in double), and the vector kernel independent of where a sample falls in a block and of
 * whether its sources are read in place at offsets or copied out, bit for bit.
 */
class ConvKernelTest {
    private static final int SHAPES = 60;
    private static final int MAX_BLOCK = 300;
    /** The CPU engine's row length. */
    private static final int ROW = BlockStreamer.BLOCK;

    @BeforeAll
    static void theVectorModuleIsThere() {
        assumeTrue(ModuleLayer.boot().findModule(CpuKernels.VECTOR_MODULE).isPresent(),
                "the JVM runs without --add-modules jdk.incubator.vector");
    }

    /** One random op: how to build it on a kernel, the source rows it reads, its exact sums. */
    record Shape(String name, int sources, Builder builder, Exact exact) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Builder {
        ConvOp build(ConvKernel.Factory kernels);
    }

    /** Output o at sample t in double, from the NAM weight layout: {Σ w·x + b, Σ |w·x| + |b|, terms}. */
    interface Exact {
        double[] at(float[][] in, int o, int t);
    }

    static Stream<Shape> shapes() {
        Random r = new Random(15);
        return IntStream.range(0, SHAPES).mapToObj(i -> shape(r, i));
    }

    private static Shape shape(Random r, int i) {
        Uniform u = new Uniform(1000 + i);
        int groups = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1;
        int in = groups * (1 + r.nextInt(i % 3 == 0 ? 3 : 17));
        int out = groups * (1 + r.nextInt(i % 2 == 0 ? 5 : 33));
        boolean bias = r.nextBoolean();
        if (i % 2 == 0) {
            float[] w = u.values(out * in / groups);
            float[] b = bias ? u.values(out) : null;
            Conv1x1 c = new Conv1x1(in, out, groups, w, b);
            int per = in / groups;
            // weights (out, in/G) row-major; row o of group g = o / (out/G) reads inputs [g·in/G, (g+1)·in/G)
            Exact exact = (x, o, t) -> {
                double[] e = {b == null ? 0 : b[o], b == null ? 0 : Math.abs(b[o]), per};
                for (int j = 0; j < per; j++) {
                    add(e, w[o * per + j], x[o / (out / groups) * per + j][t]);
                }
                return e;
            };
            return new Shape("1x1 " + in + "->" + out + " g" + groups + (bias ? " bias" : ""), in, k -> ConvOp.of(c, k), exact);
        }
        int k = 1 + r.nextInt(6);
        float[] w = u.values(out * in / groups * k);
        float[] b = bias ? u.values(out) : null;
        Conv1d c = new Conv1d(in, out, k, 1 + r.nextInt(9), groups, w, b);
        int cond = r.nextBoolean() ? 1 + r.nextInt(3) : 0;
        float[] m = u.values(out * cond);
        Conv1x1 mixin = cond == 0 ? null : new Conv1x1(cond, out, 1, m, null);
        int per = in / groups;
        // weights (out, in/G, K); sources: tap windows at row input·K + tap, then the condition rows
        Exact exact = (x, o, t) -> {
            double[] e = {b == null ? 0 : b[o], b == null ? 0 : Math.abs(b[o]), per * k + cond};
            for (int j = 0; j < per; j++) {
                for (int tap = 0; tap < k; tap++) {
                    add(e, w[(o * per + j) * k + tap], x[(o / (out / groups) * per + j) * k + tap][t]);
                }
            }
            for (int j = 0; j < cond; j++) {
                add(e, m[o * cond + j], x[in * k + j][t]);
            }
            return e;
        };
        return new Shape("conv " + in + "->" + out + " k" + k + " g" + groups + (bias ? " bias" : "")
                + (cond > 0 ? " mixin " + cond : ""), in * k + cond, kernels -> ConvOp.of(c, mixin, kernels), exact);
    }

    private static void add(double[] e, float w, float x) {
        e[0] += (double) w * x;
        e[1] += Math.abs((double) w * x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void vectorAndScalarKernelsBothStayWithinRoundingOfTheExactSum(Shape shape) {
        ConvOp scalar = shape.builder.build(ScalarConvKernel::new);
        ConvOp vector = shape.builder.build(VectorConvKernel::of);
        Random r = new Random(shape.name.hashCode());
        for (boolean accumulate : new boolean[]{false, true}) {
            int n = 1 + r.nextInt(MAX_BLOCK);
            float[][] in = new Uniform(n).rows(shape.sources, n);
            float[][] before = new Uniform(-n).rows(scalar.outRows(), n);
            float[][] ys = copy(before);
            float[][] yv = copy(before);
            scalar.apply(in, ys, n, accumulate);
            vector.apply(in, yv, n, accumulate);
            for (int o = 0; o < scalar.outRows(); o++) {
                for (int t = 0; t < n; t++) {
                    double[] e = shape.exact.at(in, o, t);
                    double base = accumulate ? before[o][t] : 0;
                    double want = base + e[0];
                    double bound = Tolerance.float32Sum((int) e[2], Math.abs(base) + e[1]);
                    String at = shape + (accumulate ? " accumulating" : "") + ", row " + o + ", sample " + t + " of " + n;
                    assertTrue(Math.abs(ys[o][t] - want) <= bound, at + ": scalar " + ys[o][t] + " vs exact " + want);
                    assertTrue(Math.abs(yv[o][t] - want) <= bound, at + ": vector " + yv[o][t] + " vs exact " + want);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aSampleComesOutTheSameWhereverItFallsInABlock(Shape shape) {
        ConvOp vector = shape.builder.build(VectorConvKernel::of);
        int n = MAX_BLOCK;
        float[][] in = new Uniform(3).rows(shape.sources, n);
        float[][] whole = new float[vector.outRows()][n];
        vector.apply(in, whole, n, false);
        Random r = new Random(4);
        for (int round = 0; round < 20; round++) {
            int from = r.nextInt(n);
            int m = 1 + r.nextInt(n - from);
            float[][] part = new float[in.length][];
            for (int j = 0; j < in.length; j++) {
                part[j] = Arrays.copyOfRange(in[j], from, from + m);
            }
            float[][] y = new float[vector.outRows()][m];
            vector.apply(part, y, m, false);
            for (int o = 0; o < y.length; o++) {
                assertArrayEquals(Arrays.copyOfRange(whole[o], from, from + m), y[o],
                        shape + ": row " + o + ", samples " + from + ".." + (from + m));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void rowsLongerThanTheBlockChangeNoSampleOfIt(Shape shape) {
        // the engine's rows are a whole block long: the kernel then computes whole vector steps
        // past n (no tail path), which must leave samples [0, n) as an exact-length call has them
        ConvOp vector = shape.builder.build(VectorConvKernel::of);
        Random r = new Random(shape.name.hashCode() + 1);
        for (boolean accumulate : new boolean[]{false, true}) {
            int n = 1 + r.nextInt(ROW - 1);
            float[][] longIn = new Uniform(n).rows(shape.sources, ROW);
            float[][] longOut = new Uniform(-n).rows(vector.outRows(), ROW);
            float[][] in = new float[longIn.length][];
            for (int j = 0; j < in.length; j++) {
                in[j] = Arrays.copyOf(longIn[j], n);
            }
            float[][] out = new float[longOut.length][];
            for (int o = 0; o < out.length; o++) {
                out[o] = Arrays.copyOf(longOut[o], n);
            }
            vector.apply(longIn, longOut, n, accumulate);
            vector.apply(in, out, n, accumulate);
            for (int o = 0; o < out.length; o++) {
                assertArrayEquals(out[o], Arrays.copyOf(longOut[o], n), shape + ", row " + o + ", n " + n);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void sourcesReadInPlaceAtOffsetsEqualTheirWindowsCopiedOut(Shape shape) {
        // how a conv reads its tap windows in a history row: the same sums, bit for bit
        ConvOp vector = shape.builder.build(VectorConvKernel::of);
        assertTrue(vector.readsAtOffsets());
        Random r = new Random(shape.name.hashCode() + 2);
        for (boolean accumulate : new boolean[]{false, true}) {
            inPlaceEqualsCopied(shape, vector, r, accumulate, false);
            inPlaceEqualsCopied(shape, vector, r, accumulate, true);
        }
    }

    /**
     * Windows anywhere in long rows (whole vector steps past n), or, {@code nearEnd}, ending at
     * most 7 samples before their rows' end with outputs exactly n long (the single-vector and
     * scalar tails).
     */
    private static void inPlaceEqualsCopied(Shape shape, ConvOp vector, Random r, boolean accumulate, boolean nearEnd) {
        int n = 1 + r.nextInt(ROW - 1);
        int length = nearEnd ? n : ROW;
        float[][] rows = new Uniform(n + 1).rows(shape.sources, 3 * ROW);
        int[] at = new int[rows.length];
        float[][] windows = new float[rows.length][];
        for (int j = 0; j < rows.length; j++) {
            at[j] = nearEnd ? 3 * ROW - n - r.nextInt(8) : r.nextInt(2 * ROW);
            windows[j] = Arrays.copyOfRange(rows[j], at[j], at[j] + length);
        }
        float[][] before = new Uniform(-n - 1).rows(vector.outRows(), length);
        float[][] inPlace = copy(before);
        float[][] copied = copy(before);
        vector.apply(rows, at, inPlace, n, accumulate);
        vector.apply(windows, copied, n, accumulate);
        for (int o = 0; o < inPlace.length; o++) {
            assertArrayEquals(Arrays.copyOf(copied[o], n), Arrays.copyOf(inPlace[o], n),
                    shape + ", row " + o + ", n " + n + (nearEnd ? ", near the rows' end" : ""));
        }
    }

    @Test
    void theScalarKernelIsNeverGivenOffsets() {
        // its row loops vectorise only when every row is indexed by the loop counter alone
        Shape shape = shapes().findFirst().orElseThrow();
        ConvOp scalar = shape.builder.build(ScalarConvKernel::new);
        float[][] in = new Uniform(5).rows(shape.sources, ROW);
        float[][] out = new float[scalar.outRows()][ROW];
        assertThrows(IllegalStateException.class, () -> scalar.apply(in, new int[shape.sources], out, 8, false));
    }

    @Test
    void theTestJvmRunsTheKernelsItWasAskedFor() {
        // surefire's argLine adds the module; the scalar execution sets the property
        assertTrue(CpuKernels.vector() != Boolean.getBoolean(CpuKernels.SCALAR_PROPERTY) || VectorConvKernel.lanes() < 8,
                CpuKernels.describe());
    }

    private static float[][] copy(float[][] rows) {
        float[][] c = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            c[r] = rows[r].clone();
        }
        return c;
    }
}
