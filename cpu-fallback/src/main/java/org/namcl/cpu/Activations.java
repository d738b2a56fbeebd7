package org.namcl.cpu;

import org.namcl.model.Activation;

/**
 * Applies an activation in place to one channel's row. The common ones (tanh, sigmoid, the ReLU
 * family, soft/hard variants) are branch-free loops the JIT vectorises; the rare
 * exponential ones (GELU, ELU, Softplus...) are exact scalar code.
 */
final class Activations {
    private static final float SELU_ALPHA = 1.6732632423543772f;
    private static final float SELU_SCALE = 1.0507009873554805f;

    private Activations() {
    }

    /** Samples [off, off + n) of a row; tanh and sigmoid may also change the row past them (scratch). */
    static void apply(Activation act, float[] a, int off, int n, int channel) {
        float[] p = act.params();
        int end = off + n;
        switch (act.kind()) {
            case TANH -> CpuKernels.tanhInPlace(a, off, end);
            case SIGMOID -> sigmoid(a, off, end);
            case RELU -> {
                for (int i = off; i < end; i++) {
                    a[i] = Math.max(a[i], 0f);
                }
            }
            case LEAKY_RELU, PRELU -> leaky(a, off, end, act.channelParam(channel));
            case HARDTANH -> {
                float lo = p[0];
                float hi = p[1];
                for (int i = off; i < end; i++) {
                    a[i] = Math.min(Math.max(a[i], lo), hi);
                }
            }
            case LEAKY_HARDTANH -> {
                float lo = p[0];
                float hi = p[1];
                float sLo = p[2];
                float sHi = p[3];
                for (int i = off; i < end; i++) {
                    float x = a[i];
                    a[i] = Math.min(Math.max(x, lo), hi) + sLo * Math.min(x - lo, 0f) + sHi * Math.max(x - hi, 0f);
                }
            }
            case SOFTSIGN -> {
                for (int i = off; i < end; i++) {
                    a[i] = a[i] / (1f + Math.abs(a[i]));
                }
            }
            case SOFTSIGMOID -> {
                for (int i = off; i < end; i++) {
                    a[i] = 0.5f * (1f + a[i] / (1f + Math.abs(a[i])));
                }
            }
            case HARDSIGMOID -> {
                for (int i = off; i < end; i++) {
                    a[i] = Math.min(Math.max(a[i] / 6f + 0.5f, 0f), 1f);
                }
            }
            case HARDSWISH -> {
                for (int i = off; i < end; i++) {
                    float x = a[i];
                    a[i] = x * Math.min(Math.max(x + 3f, 0f), 6f) / 6f;
                }
            }
            case SILU -> {
                for (int i = off; i < end; i++) {
                    float x = a[i];
                    a[i] = x * (0.5f + 0.5f * FastTanh.tanh(0.5f * x));
                }
            }
            case FASTTANH -> {
                for (int i = off; i < end; i++) {
                    a[i] = namFastTanh(a[i]);
                }
            }
            default -> {
                for (int i = off; i < end; i++) {
                    a[i] = (float) scalar(act, a[i]);
                }
            }
        }
    }

    /** σ(x) = ½ + ½·tanh(x/2): one vectorised tanh instead of a scalar exp. */
    static void sigmoid(float[] a, int off, int end) {
        for (int i = off; i < end; i++) {
            a[i] *= 0.5f;
        }
        CpuKernels.tanhInPlace(a, off, end);
        for (int i = off; i < end; i++) {
            a[i] = 0.5f + 0.5f * a[i];
        }
    }

    private static void leaky(float[] a, int off, int end, float slope) {
        for (int i = off; i < end; i++) {
            float x = a[i];
            a[i] = Math.max(x, 0f) + slope * Math.min(x, 0f);
        }
    }

    /** NAM core's rational "fast tanh" (used only when a file asks for Fasttanh). */
    static float namFastTanh(float x) {
        float ax = Math.abs(x);
        float x2 = x * x;
        return x * (2.45550750702956f + 2.45550750702956f * ax + (0.893229853513558f + 0.821226666969744f * ax) * x2)
                / (2.44506634652299f + (2.44506634652299f + x2) * Math.abs(x + 0.814642734961073f * x * ax));
    }

    private static double scalar(Activation act, double x) {
        float[] p = act.params();
        return switch (act.kind()) {
            case GELU -> 0.5 * x * (1 + ErrorFunction.erf(x / Math.sqrt(2)));
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case ELU -> x > 0 ? x : p[0] * Math.expm1(x);
            case CELU -> Math.max(0, x) + Math.min(0, p[0] * Math.expm1(x / p[0]));
            case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
            case SOFTPLUS -> softplus(x, p[0], p[1]);
            case MISH -> x * Math.tanh(softplus(x, 1, 20));
            case LOGSIGMOID -> Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
            case TANHSHRINK -> x - Math.tanh(x);
            default -> throw new IllegalStateException("vectorised kind reached scalar path: " + act.kind());
        };
    }

    private static double softplus(double x, double beta, double threshold) {
        return beta * x > threshold ? x : Math.log1p(Math.exp(beta * x)) / beta;
    }
}
