package org.namcl.cpu;

/** Placeholder until the vectorised version lands. */
public final class FastTanh {
    private FastTanh() {
    }

    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    public static void tanhInPlace(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = (float) Math.tanh(a[i]);
        }
    }
}
