package org.namcl.cpu;

import java.util.ArrayDeque;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.Network;

/**
 * Prewarmed streamers of one model, reused: building one costs its units' buffers and one held
 * sample (an LSTM: its prewarm of silence), a reset costs a copy. Holds at most as many as were
 * ever in use at once.
 */
final class StreamerPool {
    private final Network net;
    private final ArrayDeque<StreamRenderer> idle = new ArrayDeque<>();

    StreamerPool(Network net) {
        this.net = net;
    }

    Network net() {
        return net;
    }

    /** A streamer at "silence before the file". */
    StreamRenderer acquire() {
        StreamRenderer s;
        synchronized (idle) {
            s = idle.poll();
        }
        if (s == null) {
            return CpuStreams.open(net);
        }
        s.reset();
        return s;
    }

    void release(StreamRenderer s) {
        synchronized (idle) {
            idle.push(s);
        }
    }
}
