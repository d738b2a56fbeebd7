package org.namcl.cpu;

import org.namcl.model.net.ConvNet;

/** The streaming CPU engine for a ConvNet: see {@link BlockStreamer}. */
public final class ConvNetStreamer extends BlockStreamer {
    /** @param net the ConvNet, at silence before the file */
    public ConvNetStreamer(ConvNet net) {
        super(net, net.receptiveField(), (block, state) -> new ConvNetUnit(net, block, state));
    }
}
