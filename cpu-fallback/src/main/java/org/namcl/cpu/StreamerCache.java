package org.namcl.cpu;

import java.util.LinkedHashMap;
import java.util.Map;
import org.namcl.engine.ModelKey;
import org.namcl.model.net.Network;

/**
 * The streamer pools of the models rendered lately, least recently used out, so a run over
 * thousands of models keeps a bounded number of them. A job holds its pool while it runs, so an
 * evicted pool stays usable to those who have it.
 */
final class StreamerCache {
    private final Map<ModelKey, StreamerPool> pools;

    StreamerCache(int capacity) {
        this.pools = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ModelKey, StreamerPool> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized StreamerPool pool(Network net) {
        return pools.computeIfAbsent(new ModelKey(net), k -> new StreamerPool(net));
    }

    synchronized int size() {
        return pools.size();
    }
}
