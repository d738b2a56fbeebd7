package org.namcl.engine;

/** What became of a {@link RenderJob}: every frame rendered into its sink, or a failure. */
public sealed interface JobOutcome {

    /**
     * The job this is the outcome of.
     *
     * @return the job, its tag the caller's own
     */
    RenderJob job();

    /**
     * The sink has every output frame.
     *
     * @param job the job
     * @param frames frames written to its sink
     */
    record Done(RenderJob job, long frames) implements JobOutcome {
    }

    /**
     * The job stopped; its sink holds an unknown part of the output.
     *
     * @param job the job
     * @param fault whose fault: the input, the output, or the engine (which another engine may not share)
     * @param cause what stopped it
     */
    record Failed(RenderJob job, Fault fault, Throwable cause) implements JobOutcome {
    }

    /** Whose fault a failure is. */
    enum Fault {
        /** The source could not be read. */
        INPUT,
        /** The sink could not be written. */
        OUTPUT,
        /** The engine could not run the model (unsupported, device failure, out of resources). */
        ENGINE
    }
}
