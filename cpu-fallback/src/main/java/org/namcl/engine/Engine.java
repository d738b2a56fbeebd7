package org.namcl.engine;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.namcl.model.net.Network;

/**
 * Something that renders audio through networks: the CPU engine or the OpenCL engine.
 *
 * <p>Bulk work goes through {@link #run}: the caller hands over jobs and hears of each one as it
 * completes; the engine owns its policy (threads, block and chunk lengths, packing, overlap,
 * caches). Live use goes through {@link #open}: a stream, block by block, with the same numbers.
 */
public interface Engine extends AutoCloseable {

    /**
     * Short name.
     *
     * @return "cpu" or "opencl"
     */
    String name();

    /**
     * One line for people.
     *
     * @return what runs, on what (threads, device)
     */
    String description();

    /**
     * Whether this engine runs a network.
     *
     * @param model the network
     * @return yes, or no with why
     */
    Support supports(Network model);

    /**
     * Opens a live stream through {@code model}, starting from silence.
     *
     * @param model the network to stream through
     * @return the stream, to close when done
     * @throws UnsupportedModelException when {@link #supports} says no
     */
    StreamRenderer open(Network model);

    /**
     * Runs every job {@code jobs} yields and returns when all are done. Jobs are taken from the
     * iterator only as the engine has room for them (on the calling thread), so a lazy iterator
     * keeps a batch of any size in bounded memory. {@code outcomes} hears of each job once, as it
     * completes, possibly from the engine's own threads and in any order; a job's sink is written
     * only before its outcome. A job that fails (its source, its sink or the engine) fails alone.
     *
     * @param jobs the jobs, taken as the engine has room for them
     * @param outcomes hears of each job once, as it completes
     */
    void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes);

    /**
     * Renders one mono signal (silence before it): a convenience over {@link #run}.
     *
     * @param model the network
     * @param in the input samples
     * @return the output, as long as the input
     */
    default float[] render(Network model, float[] in) {
        return renderAll(model, List.of(in))[0];
    }

    /**
     * Renders several independent mono signals, each from silence, as one batch of jobs.
     *
     * @param model the network
     * @param signals the inputs
     * @return the outputs, in the order of the inputs, each as long as its input
     * @throws RuntimeException the first job's failure, if any failed
     */
    default float[][] renderAll(Network model, List<float[]> signals) {
        float[][] out = new float[signals.size()][];
        Iterator<RenderJob> jobs = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < signals.size();
            }

            @Override
            public RenderJob next() {
                int i = next++;
                out[i] = new float[signals.get(i).length];
                return new RenderJob(model, ArraySignal.source(signals.get(i)), ArraySignal.sink(out[i]), i);
            }
        };
        RuntimeException[] failure = {null};
        run(jobs, o -> {
            if (o instanceof JobOutcome.Failed f) {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = f.cause() instanceof RuntimeException r ? r : new IllegalStateException(f.cause());
                    }
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return out;
    }

    /** Lets go of the engine's threads, device memory and caches. */
    @Override
    void close();
}
