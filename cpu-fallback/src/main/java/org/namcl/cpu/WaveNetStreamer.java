package org.namcl.cpu;

import org.namcl.model.net.WaveNet;

/**
 * The streaming CPU engine for a mono WaveNet (see {@link BlockStreamer}): channel-major blocks,
 * every layer's history carried between calls.
 */
public final class WaveNetStreamer extends BlockStreamer {
    private final WaveNet net;

    /** @param net the WaveNet, at silence before the file */
    public WaveNetStreamer(WaveNet net) {
        super(net, net.receptiveField(), (block, state) -> new NetworkUnit(net, block, state));
        this.net = net;
    }

    /**
     * The rate the model expects.
     *
     * @return in Hz, from the model file
     */
    public double sampleRate() {
        return net.sampleRate();
    }
}
