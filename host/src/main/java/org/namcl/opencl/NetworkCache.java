package org.namcl.opencl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.namcl.engine.ModelKey;
import org.namcl.model.net.WaveNet;

/**
 * The models whose weights are on the device, least recently used out: at most a number of
 * models and a number of bytes of weights, so a run over thousands of models holds a bounded
 * part of device memory. Models are told apart by identity. Not thread-safe: the engine calls it
 * under its own lock, and never while an evicted network still has work queued.
 */
final class NetworkCache implements AutoCloseable {
    static final int MAX_MODELS = 32;
    /** Weights may take this fraction of device memory at most; the rest is the chunks'. */
    static final double MEMORY_FRACTION = 1.0 / 16;

    private final OpenClContext cl;
    private final OpenClSettings settings;
    private final int maxModels;
    private final long maxBytes;
    private final LinkedHashMap<ModelKey, DeviceNetwork> networks = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    NetworkCache(OpenClContext cl, OpenClSettings settings, int maxModels, long maxBytes) {
        this.cl = cl;
        this.settings = settings;
        this.maxModels = maxModels;
        this.maxBytes = maxBytes;
    }

    static long byteBudget(DeviceInfo device) {
        return (long) (device.globalMemBytes() * MEMORY_FRACTION);
    }

    /** The model on the device, uploaded now if it is not there. */
    DeviceNetwork get(WaveNet net) {
        ModelKey key = new ModelKey(net);
        DeviceNetwork n = networks.get(key);
        if (n == null) {
            n = new DeviceNetwork(cl, net, settings);
            networks.put(key, n);
            bytes += n.weightBytes();
            evict(n);
        }
        return n;
    }

    /** Drops the least recently used models (never {@code keep}) until within both bounds. */
    private void evict(DeviceNetwork keep) {
        Iterator<Map.Entry<ModelKey, DeviceNetwork>> it = networks.entrySet().iterator();
        while ((networks.size() > maxModels || bytes > maxBytes) && it.hasNext()) {
            DeviceNetwork n = it.next().getValue();
            if (n != keep) {
                it.remove();
                bytes -= n.weightBytes();
                n.close();
            }
        }
    }

    int size() {
        return networks.size();
    }

    @Override
    public void close() {
        networks.values().forEach(DeviceNetwork::close);
        networks.clear();
        bytes = 0;
    }
}
