package org.namcl.model.net;

import java.util.OptionalInt;

/**
 * A network ready to run, of one of the architectures namcl knows. The type is closed: code that
 * must treat each architecture differently (an engine's {@code supports}, {@code info}) can list
 * them all, and a new architecture is a new member here.
 */
public sealed interface Network permits WaveNet, Lstm, Linear, ConvNet {

    /**
     * The rate the network was trained at.
     *
     * @return in Hz (48000 when the file does not say)
     */
    double sampleRate();

    /**
     * Its input channels.
     *
     * @return 1 for every model namcl renders
     */
    int inChannels();

    /**
     * Its output channels.
     *
     * @return 1 for every model namcl renders
     */
    int outChannels();

    /**
     * Samples of input each output sample depends on: output t depends on inputs t − RF + 1 .. t.
     * Empty when an output depends on all earlier input (an LSTM's state carries it), so the
     * stream cannot be cut into pieces rendered apart.
     *
     * @return RF, or empty
     */
    OptionalInt finiteReceptiveField();

    /**
     * Number of weights (parameters) the network uses.
     *
     * @return that many
     */
    long parameterCount();

    /**
     * The architecture's name as {@code .nam} files spell it.
     *
     * @return such as {@code "WaveNet"}
     */
    String architecture();
}
