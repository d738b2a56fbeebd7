package org.namcl.engine;

import java.util.Objects;
import org.namcl.model.net.Network;

/**
 * One unit of bulk work: a model over a signal into a sink, starting from silence. Engines take
 * jobs in batches and decide how to group, pack, chunk and overlap them.
 *
 * @param model the network
 * @param source its input
 * @param sink where its output goes
 * @param tag the caller's own reference (which pair of a batch this is), handed back in the outcome
 */
public record RenderJob(Network model, SignalSource source, SignalSink sink, Object tag) {
    /**
     * Checks that model, source and sink are given.
     *
     * @param model the network
     * @param source its input
     * @param sink where its output goes
     * @param tag the caller's own reference, or null
     */
    public RenderJob {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
    }
}
