package org.namcl.cpu;

import org.namcl.model.net.ConvNet;

/** The streaming CPU engine for a ConvNet: see {@link BlockStreamer}. */
public final class ConvNetStreamer extends BlockStreamer {
    public ConvNetStreamer(ConvNet net) {
        super(net, net.receptiveField(), (block, state) -> new ConvNetUnit(net, block, state));
    }
}
