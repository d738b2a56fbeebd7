package org.namcl.model.net;

import java.util.List;
import java.util.OptionalInt;

/**
 * A WaveNet ready to run: every weight in place, slimming already applied. Immutable and shared
 * by every engine and thread that renders it.
 *
 * @param postHead      the post-stack head, or null
 * @param conditionDsp  the network computing the condition from the input, or null (cond = input)
 * @param sampleRate    the model's rate in Hz (48000 when the file does not say)
 */
public record WaveNet(List<LayerArray> arrays, PostHead postHead, float headScale, int inChannels,
                      WaveNet conditionDsp, double sampleRate) implements Network {

    /**
     * Copies the lists, so it cannot change after it is made.
     *
     * @param arrays the layer arrays, in order
     * @param postHead the post-stack head, or null
     * @param headScale the factor on the last array's head output
     * @param inChannels the input channels
     * @param conditionDsp the network computing the condition from the input, or null
     * @param sampleRate the model's rate in Hz
     */
    public WaveNet {
        arrays = List.copyOf(arrays);
    }

    /**
     * Output sample t depends on input samples t − RF + 1 .. t.
     *
     * @return RF
     */
    public int receptiveField() {
        int r = 1;
        for (LayerArray a : arrays) {
            r += a.lookback();
        }
        if (postHead != null) {
            r += postHead.lookback();
        }
        if (conditionDsp != null) {
            r += conditionDsp.receptiveField() - 1;
        }
        return r;
    }

    @Override
    public OptionalInt finiteReceptiveField() {
        return OptionalInt.of(receptiveField());
    }

    @Override
    public String architecture() {
        return "WaveNet";
    }

    @Override
    public int outChannels() {
        return postHead != null ? postHead.outChannels() : arrays.get(arrays.size() - 1).headOutChannels();
    }

    /**
     * The condition's width.
     *
     * @return the first array's condition channels
     */
    public int conditionSize() {
        return arrays.get(0).conditionSize();
    }

    /** Number of weights (parameters) the network uses, condition DSP included. */
    @Override
    public long parameterCount() {
        long n = 1;
        for (LayerArray a : arrays) {
            n += count(a.rechannel()) + count(a.headRechannel());
            for (Layer l : a.layers()) {
                n += count(l.conv()) + count(l.mixin()) + count(l.layer1x1()) + count(l.head1x1());
                for (Film f : l.films().values()) {
                    n += count(f.conv());
                }
            }
        }
        if (postHead != null) {
            for (Conv1d c : postHead.convs()) {
                n += count(c);
            }
        }
        return n + (conditionDsp == null ? 0 : conditionDsp.parameterCount());
    }

    private static long count(Conv1x1 c) {
        return c == null ? 0 : c.weights().length + (c.bias() == null ? 0 : c.bias().length);
    }

    private static long count(Conv1d c) {
        return c.weights().length + (c.bias() == null ? 0 : c.bias().length);
    }
}
