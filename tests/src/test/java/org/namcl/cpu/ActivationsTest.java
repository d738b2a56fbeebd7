package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.namcl.model.Activation;
import org.namcl.model.Activation.Kind;
import org.namcl.model.ReferenceActivation;

/**
 * {@link Activations#apply} for every {@link Activation.Kind}, against the formulas evaluated in
 * double in {@link ReferenceActivation} (the spec's and torch's definitions), over a dense grid
 * of inputs and the points where the formulas change branch.
 */
class ActivationsTest {
    /** Error bound of the engine's tanh (FastTanh, or FmaTanh on the vector kernels), an approximation. */
    private static final double TANH_ABS_TOLERANCE = 2e-7;
    /**
     * Everything else is exact code in float32 (or double, rounded to float): a few roundings of
     * values of the output's size, i.e. 4 float ulps of max(|y|, 1) (4.8e-7 for |y| ≤ 1).
     */
    private static final int FLOAT_ULPS = 4;
    /** Offset of the row inside the buffer, so that apply must respect {@code off}. */
    private static final int OFF = 5;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindMatchesItsFormula(Kind kind) {
        Activation act = new Activation(kind, params(kind));
        float[] xs = inputs();
        float[] buf = new float[OFF + xs.length + 3];
        System.arraycopy(xs, 0, buf, OFF, xs.length);
        Activations.apply(act, buf, OFF, xs.length, 0);
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double expected = ReferenceActivation.apply(act, x, 0);
            assertEquals(expected, buf[OFF + i], tolerance(kind, x, expected), kind + "(" + x + ")");
        }
        assertEquals(0f, buf[OFF - 1], "apply wrote before its row");
        assertEquals(0f, buf[OFF + xs.length], "apply wrote past its row");
    }

    @Test
    void preluUsesTheSlopeOfEachChannel() {
        Activation act = new Activation(Kind.PRELU, new float[] {0.1f, -0.5f, 2f});
        for (int channel = 0; channel < 3; channel++) {
            float[] v = {-2f, -0.25f, 0f, 1.5f};
            Activations.apply(act, v, 0, v.length, channel);
            float slope = act.params()[channel];
            assertEquals(-2f * slope, v[0], 1e-7, "channel " + channel);
            assertEquals(-0.25f * slope, v[1], 1e-7, "channel " + channel);
            assertEquals(0f, v[2], "channel " + channel);
            assertEquals(1.5f, v[3], "channel " + channel);
        }
    }

    @Test
    void preluWithOneSlopeAppliesItToEveryChannel() {
        Activation act = new Activation(Kind.PRELU, new float[] {0.3f});
        float[] v = {-1f};
        Activations.apply(act, v, 0, 1, 7);
        assertEquals(-0.3f, v[0], 1e-7);
    }

    @Test
    void leakyHardtanhUsesItsFourParameters() {
        // min_val −0.5, max_val 0.8, min_slope 0.05, max_slope 0.25
        Activation act = new Activation(Kind.LEAKY_HARDTANH, new float[] {-0.5f, 0.8f, 0.05f, 0.25f});
        float[] v = {-2.5f, -0.5f, 0.3f, 0.8f, 4.8f};
        Activations.apply(act, v, 0, v.length, 0);
        assertEquals(-0.5 + 0.05 * (-2.5 + 0.5), v[0], 1e-7);
        assertEquals(-0.5, v[1], 1e-7);
        assertEquals(0.3, v[2], 1e-7);
        assertEquals(0.8, v[3], 1e-7);
        assertEquals(0.8 + 0.25 * (4.8 - 0.8), v[4], 1e-6);
    }

    @Test
    void geluIsTheErfFormNotTheTanhApproximation() {
        // GELU(x) = x·Φ(x); Φ(1) = 0.841344746068543, Φ(−2) = 0.0227501319481792, Φ(3) = 0.998650101968370
        float[] v = {1f, -2f, 3f};
        Activations.apply(new Activation(Kind.GELU, new float[0]), v, 0, v.length, 0);
        assertEquals(0.841344746068543, v[0], 1e-7);
        assertEquals(-2 * 0.0227501319481792, v[1], 1e-7);
        assertEquals(3 * 0.998650101968370, v[2], 3e-7);
        // the tanh approximation differs by ~1e-4 at −2: far outside the tolerance above
        float[] approx = {-2f};
        Activations.apply(new Activation(Kind.GELU_TANH, new float[0]), approx, 0, 1, 0);
        assertEquals(-0.04540230591222, approx[0], 1e-7);
    }

    @Test
    void softplusReturnsXAboveItsThreshold() {
        // beta 2, threshold 5: beta·x > 5 → x; else ln(1 + e^(beta·x)) / beta
        Activation act = new Activation(Kind.SOFTPLUS, new float[] {2f, 5f});
        float[] v = {3f, 2.5f, 2f, -1f};
        Activations.apply(act, v, 0, v.length, 0);
        assertEquals(3f, v[0], "beta·x = 6 > 5: x itself");
        assertEquals(Math.log1p(Math.exp(5)) / 2, v[1], 1e-6, "beta·x = 5 is not above the threshold");
        assertEquals(Math.log1p(Math.exp(4)) / 2, v[2], 1e-6);
        assertEquals(Math.log1p(Math.exp(-2)) / 2, v[3], 1e-7);
    }

    @Test
    void defaultSoftplusThresholdIs20() {
        Activation act = new Activation(Kind.SOFTPLUS, new float[] {1f, 20f});
        float[] v = {20.5f, 19.5f};
        Activations.apply(act, v, 0, v.length, 0);
        assertEquals(20.5f, v[0]);
        assertEquals(19.5 + Math.log1p(Math.exp(-19.5)), v[1], 2e-6);
    }

    @Test
    void referenceErfMatchesKnownValues() {
        // erf from tables (Abramowitz & Stegun 7.1), to check the reference itself
        assertEquals(0.5204998778130465, ReferenceActivation.erf(0.5), 1e-14);
        assertEquals(0.8427007929497149, ReferenceActivation.erf(1), 1e-14);
        assertEquals(-0.9953222650189527, ReferenceActivation.erf(-2), 1e-14);
        assertEquals(0.9999779095030014, ReferenceActivation.erf(3), 1e-14);
        assertEquals(0.9999999845827421, ReferenceActivation.erf(4), 1e-14);
    }

    /** Non-default parameters wherever a kind has any, so that their use is checked. */
    private static float[] params(Kind kind) {
        return switch (kind) {
            case HARDTANH -> new float[] {-0.5f, 2f};
            case LEAKY_RELU -> new float[] {0.2f};
            case PRELU -> new float[] {0.25f};
            case LEAKY_HARDTANH -> new float[] {-0.5f, 0.8f, 0.05f, 0.1f};
            case ELU -> new float[] {0.7f};
            case SOFTPLUS -> new float[] {2f, 5f};
            case CELU -> new float[] {1.3f};
            default -> new float[0];
        };
    }

    /** −10 .. 10 in steps of 1/64, branch points, tiny and large values. */
    private static float[] inputs() {
        List<Float> v = new ArrayList<>();
        for (int i = -640; i <= 640; i++) {
            v.add(i / 64f);
        }
        for (float x : new float[] {1e-8f, -1e-8f, 1e-4f, -1e-4f, 2.4999f, 2.5001f, -3.0001f, 2.9999f,
                                    19.999f, 20.001f, 30f, -30f}) {
            v.add(x);
        }
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private static double tolerance(Kind kind, double x, double expected) {
        return switch (kind) {
            case TANH -> TANH_ABS_TOLERANCE;
            // σ(x) = ½ + ½·tanh(x/2); SiLU = x·σ(x): the tanh error, scaled by |x| for SiLU
            case SIGMOID, SILU -> TANH_ABS_TOLERANCE * Math.max(1, Math.abs(x));
            default -> FLOAT_ULPS * Math.ulp((float) Math.max(Math.abs(expected), 1));
        };
    }
}
