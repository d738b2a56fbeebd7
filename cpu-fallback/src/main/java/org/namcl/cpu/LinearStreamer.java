package org.namcl.cpu;

import org.namcl.model.net.Linear;

/** The streaming CPU engine for a Linear model (an impulse response): see {@link BlockStreamer}. */
public final class LinearStreamer extends BlockStreamer {
    /** @param net the Linear model, at silence before the file */
    public LinearStreamer(Linear net) {
        super(net, net.receptiveField(), (block, state) -> new FirUnit(net, block, state));
    }
}
