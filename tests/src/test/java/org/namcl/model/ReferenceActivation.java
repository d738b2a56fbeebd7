package org.namcl.model;

/**
 * The activations of NAM-SPEC (and torch's definitions of the extra ones) written out in double
 * precision, straight from their formulas, for tests to compare against. Nothing here calls the
 * code under test; the parameters are read from a parsed {@link Activation} by their documented
 * positions.
 */
public final class ReferenceActivation {
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private ReferenceActivation() {
    }

    /** The activation of x in channel {@code channel} (used only by per-channel PReLU slopes). */
    public static double apply(Activation act, double x, int channel) {
        float[] p = act.params();
        return switch (act.kind()) {
            case TANH -> Math.tanh(x);
            case HARDTANH -> Math.min(Math.max(x, p[0]), p[1]);
            case FASTTANH -> namFastTanh(x);
            case RELU -> x > 0 ? x : 0;
            case LEAKY_RELU -> x >= 0 ? x : p[0] * x;
            case PRELU -> x >= 0 ? x : (p.length == 1 ? p[0] : p[channel]) * x;
            case SIGMOID -> sigmoid(x);
            case SILU -> x * sigmoid(x);
            case HARDSWISH -> x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
            case LEAKY_HARDTANH -> x < p[0] ? p[0] + (x - p[0]) * p[2]
                    : x > p[1] ? p[1] + (x - p[1]) * p[3] : x;
            case SOFTSIGN -> x / (1 + Math.abs(x));
            case SOFTSIGMOID -> 0.5 * (1 + x / (1 + Math.abs(x)));
            case GELU -> 0.5 * x * (1 + erf(x / Math.sqrt(2)));
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case ELU -> x > 0 ? x : p[0] * (Math.exp(x) - 1);
            case SOFTPLUS -> p[0] * x > p[1] ? x : Math.log(1 + Math.exp(p[0] * x)) / p[0];
            case HARDSIGMOID -> x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
            case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
            case CELU -> Math.max(0, x) + Math.min(0, p[0] * (Math.exp(x / p[0]) - 1));
            case MISH -> x * Math.tanh(Math.log(1 + Math.exp(x)));
            case LOGSIGMOID -> -Math.log(1 + Math.exp(-x));
            case TANHSHRINK -> x - Math.tanh(x);
        };
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** NAM core's rational tanh approximation, evaluated in double. */
    public static double namFastTanh(double x) {
        double ax = Math.abs(x);
        double x2 = x * x;
        return x * (2.45550750702956 + 2.45550750702956 * ax + (0.893229853513558 + 0.821226666969744 * ax) * x2)
                / (2.44506634652299 + (2.44506634652299 + x2) * Math.abs(x + 0.814642734961073 * x * ax));
    }

    /**
     * erf(x): its Maclaurin series below |x| = 3 (terms shrink past n ≈ x², cancellation stays
     * below 1e-12 there), Laplace's continued fraction for erfc above.
     */
    public static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            double term = ax;
            double sum = ax;
            for (int n = 1; n < 100; n++) {
                term *= -ax * ax / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
            double f = ax;
            for (int n = 80; n >= 1; n--) {
                f = ax + (n / 2.0) / f;
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }
}
