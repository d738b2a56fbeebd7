package org.namcl.model.net;

import java.util.List;
import java.util.OptionalInt;

/**
 * A stacked LSTM with a linear head, as NAM defines it: layer 0 reads the input, each next layer
 * the previous layer's hidden state, and the output is head · h(last layer) + bias. Its state
 * carries all earlier input, so it has no receptive field.
 *
 * @param prewarmSamples zeros fed after the stored initial state to reach "silence before the
 *                       file", as NAM's C++ core does (see {@link #prewarmSamples(Double)})
 * @param sampleRate     the model's rate in Hz (48000 when the file does not say)
 */
public record Lstm(List<LstmLayer> layers, float[] headWeights, float headBias, int prewarmSamples,
                   double sampleRate) implements Network {

    /** NAM's core prewarms for half a second, rounded up to whole 4096-sample buffers. */
    private static final int PREWARM_BUFFER = 4096;

    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param layers in order, layer 0 reading the input
     * @param headWeights the head's weight per hidden unit
     * @param headBias the head's bias
     * @param prewarmSamples zeros fed after the stored initial state
     * @param sampleRate the model's rate in Hz
     */
    public Lstm {
        layers = List.copyOf(layers);
    }

    /**
     * Zeros NAM's C++ core feeds an LSTM after reset: ceil(0.5 s / 4096) · 4096 samples at the
     * file's rate, or one buffer of 4096 when the file gives no rate.
     *
     * @param fileSampleRate the file's rate, or null
     * @return samples of silence
     */
    public static int prewarmSamples(Double fileSampleRate) {
        if (fileSampleRate == null) {
            return PREWARM_BUFFER;
        }
        long half = (long) Math.ceil(0.5 * fileSampleRate);
        return (int) ((half + PREWARM_BUFFER - 1) / PREWARM_BUFFER * PREWARM_BUFFER);
    }

    /**
     * The state's width.
     *
     * @return the first layer's hidden size
     */
    public int hiddenSize() {
        return layers.get(0).hiddenSize();
    }

    @Override
    public int inChannels() {
        return layers.get(0).inputSize();
    }

    @Override
    public int outChannels() {
        return 1;
    }

    @Override
    public OptionalInt finiteReceptiveField() {
        return OptionalInt.empty();
    }

    @Override
    public long parameterCount() {
        long n = headWeights.length + 1;
        for (LstmLayer l : layers) {
            n += l.weights().length + l.bias().length + l.initialHidden().length + l.initialCell().length;
        }
        return n;
    }

    @Override
    public String architecture() {
        return "LSTM";
    }
}
