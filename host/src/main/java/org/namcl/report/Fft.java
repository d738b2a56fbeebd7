package org.namcl.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * JTransforms' real FFTs, one plan per size, shared (a plan is immutable once made). Each runs
 * on its caller's thread: eval and compare work on many pairs side by side already.
 */
public final class Fft {
    private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Fft() {
    }

    public static DoubleFFT_1D of(int size) {
        return PLANS.computeIfAbsent(size, DoubleFFT_1D::new);
    }
}
