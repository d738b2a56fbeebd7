package org.namcl.cpu;

import org.namcl.model.net.WaveNet;

/**
 * The streaming CPU engine for a mono WaveNet (see {@link BlockStreamer}): channel-major blocks,
 * every layer's history carried between calls.
 */
public final class WaveNetStreamer extends BlockStreamer {
    private final WaveNet net;

    public WaveNetStreamer(WaveNet net) {
        super(net, net.receptiveField(), (block, state) -> new NetworkUnit(net, block, state));
        this.net = net;
    }

    public double sampleRate() {
        return net.sampleRate();
    }
}
