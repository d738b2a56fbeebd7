package org.namcl.engine;

import org.namcl.model.net.Network;

/**
 * A model as a cache key, by identity: two loads of one file are two models to an engine's
 * caches (and a record's own equality would walk every weight array).
 */
public record ModelKey(Network net) {
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelKey other && other.net == net;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(net);
    }
}
