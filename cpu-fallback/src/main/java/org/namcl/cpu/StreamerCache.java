package org.namcl.cpu;

import java.util.LinkedHashMap;
import java.util.Map;
import org.namcl.model.net.WaveNet;

/**
 * The streamer pools of the models rendered lately, least recently used out, so a run over
 * thousands of models keeps a bounded number of them. A job holds its pool while it runs, so an
 * evicted pool stays usable to those who have it.
 */
final class StreamerCache {
    private final Map<Identity, StreamerPool> pools;

    /** Models are told apart by identity: two loads of one file are two models here. */
    private record Identity(WaveNet net) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.net == net;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(net);
        }
    }

    StreamerCache(int capacity) {
        this.pools = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, StreamerPool> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized StreamerPool pool(WaveNet net) {
        return pools.computeIfAbsent(new Identity(net), k -> new StreamerPool(net));
    }

    synchronized int size() {
        return pools.size();
    }
}
