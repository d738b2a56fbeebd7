package org.namcl.cpu;

import java.lang.management.ManagementFactory;

/**
 * Which arithmetic the CPU engine runs, decided once per JVM: the Vector API's register tiles
 * ({@code VectorConvKernel}) and tanh ({@code VectorTanh}) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code namcl} launcher and the tests do), the
 * CPU has vectors of at least 8 floats (AVX2, AVX-512) and FMA, and {@value #SCALAR_PROPERTY} is
 * not set; otherwise the scalar reference ({@link ScalarConvKernel}, {@link FastTanh}), for instance under a plain
 * {@code java -jar namcl.jar}.
 */
public final class CpuKernels {
    /** {@code -Dnamcl.cpu.scalar=true} forces the scalar kernels (the tests run both paths). */
    public static final String SCALAR_PROPERTY = "namcl.cpu.scalar";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** Narrower vectors gain little over the scalar loops, which HotSpot vectorises too. */
    private static final int MIN_LANES = 8;
    private static final int VECTOR_LANES = vectorLanes();

    private CpuKernels() {
    }

    /** The kernel for a {@link ConvOp}'s term lists. */
    static ConvKernel conv(int outRows, int[] start, float[] w, int[] src, float[] bias) {
        return VECTOR_LANES > 0
                ? VectorConvKernel.of(outRows, start, w, src, bias)
                : new ScalarConvKernel(outRows, start, w, src, bias);
    }

    /**
     * tanh of a[from..to): {@link FmaTanh} through the Vector API when it is in use, and then it
     * may also change a[to..] up to a whole vector where the array extends there (rows past the
     * block's samples are scratch), so that no scalar tail runs (see {@code VectorConvKernel}'s
     * span for why); {@link FastTanh#tanhInPlace} otherwise.
     */
    static void tanhInPlace(float[] a, int from, int to) {
        if (VECTOR_LANES > 0) {
            int whole = from + (to - from + VECTOR_LANES - 1) / VECTOR_LANES * VECTOR_LANES;
            VectorTanh.tanhInPlace(a, from, whole <= a.length ? whole : to);
        } else {
            FastTanh.tanhInPlace(a, from, to);
        }
    }

    /**
     * Whether the Vector API kernels are in use.
     *
     * @return true when they are
     */
    public static boolean vector() {
        return VECTOR_LANES > 0;
    }

    /**
     * One phrase for descriptions and benchmarks: which kernels run, and why not the vector ones.
     *
     * @return the phrase
     */
    public static String describe() {
        if (vector()) {
            return "Vector API kernels, " + VECTOR_LANES + " floats a vector";
        }
        if (Boolean.getBoolean(SCALAR_PROPERTY)) {
            return "scalar kernels (-D" + SCALAR_PROPERTY + ")";
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return "scalar kernels (the JVM runs without --add-modules " + VECTOR_MODULE + ")";
        }
        return "scalar kernels (the CPU lacks FMA or vectors of " + MIN_LANES + " floats)";
    }

    /** The vector width the Vector API kernels would run with, or 0 where they should not run. */
    private static int vectorLanes() {
        if (Boolean.getBoolean(SCALAR_PROPERTY) || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()
                || !fmaInHardware()) {
            return 0;
        }
        int lanes = VectorConvKernel.lanes();
        return lanes >= MIN_LANES ? lanes : 0;
    }

    /** Without FMA instructions, the JDK computes each fma in software: far slower than the scalar loops. */
    private static boolean fmaInHardware() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or a runtime without jdk.management: play safe
        }
    }
}
