package org.namcl.cpu;

import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.ConvNet;
import org.namcl.model.net.Linear;
import org.namcl.model.net.Lstm;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/** The CPU engine's streaming renderer for each architecture. */
public final class CpuStreams {
    private CpuStreams() {
    }

    /**
     * A stream at "silence before the file" (mono models only).
     *
     * @param net the network, of any architecture
     * @return its stream
     */
    public static StreamRenderer open(Network net) {
        if (net instanceof WaveNet w) {
            return new WaveNetStreamer(w);
        }
        if (net instanceof Lstm l) {
            return new LstmStreamer(l);
        }
        if (net instanceof ConvNet c) {
            return new ConvNetStreamer(c);
        }
        return new LinearStreamer((Linear) net);
    }
}
