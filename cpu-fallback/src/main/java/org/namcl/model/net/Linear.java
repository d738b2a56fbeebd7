package org.namcl.model.net;

import java.util.OptionalInt;

/**
 * An FIR filter (an impulse response): y[t] = bias + Σ_j taps[j] · x[t − j]. Tap 0 multiplies
 * the current sample, as NAM's C++ core reads the file (the trainer reverses them: its bug).
 *
 * @param hasBias whether the file has a bias weight (else {@code bias} is 0)
 */
public record Linear(float[] taps, float bias, boolean hasBias, double sampleRate) implements Network {

    /**
     * Samples of input each output sample depends on.
     *
     * @return the taps
     */
    public int receptiveField() {
        return taps.length;
    }

    @Override
    public OptionalInt finiteReceptiveField() {
        return OptionalInt.of(receptiveField());
    }

    @Override
    public int inChannels() {
        return 1;
    }

    @Override
    public int outChannels() {
        return 1;
    }

    @Override
    public long parameterCount() {
        return taps.length + (hasBias ? 1 : 0);
    }

    @Override
    public String architecture() {
        return "Linear";
    }
}
