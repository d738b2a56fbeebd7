package org.namcl.cpu;

import java.util.ArrayDeque;
import org.namcl.model.net.WaveNet;

/**
 * Prewarmed streamers of one model, reused: building one costs a pass over RF samples of
 * silence, a reset costs a copy. Holds at most as many as were ever in use at once.
 */
final class StreamerPool {
    private final WaveNet net;
    private final ArrayDeque<WaveNetStreamer> idle = new ArrayDeque<>();

    StreamerPool(WaveNet net) {
        this.net = net;
    }

    WaveNet net() {
        return net;
    }

    /** A streamer at "silence before the file". */
    WaveNetStreamer acquire() {
        WaveNetStreamer s;
        synchronized (idle) {
            s = idle.poll();
        }
        if (s == null) {
            return new WaveNetStreamer(net);
        }
        s.reset();
        return s;
    }

    void release(WaveNetStreamer s) {
        synchronized (idle) {
            idle.push(s);
        }
    }
}
