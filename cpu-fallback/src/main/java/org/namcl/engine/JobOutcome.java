package org.namcl.engine;

/** What became of a {@link RenderJob}: every frame rendered into its sink, or a failure. */
public sealed interface JobOutcome {

    RenderJob job();

    /** The sink has every output frame. */
    record Done(RenderJob job, long frames) implements JobOutcome {
    }

    /**
     * The job stopped; its sink holds an unknown part of the output.
     *
     * @param fault whose fault: the input, the output, or the engine (which another engine may not share)
     */
    record Failed(RenderJob job, Fault fault, Throwable cause) implements JobOutcome {
    }

    enum Fault {
        /** The source could not be read. */
        INPUT,
        /** The sink could not be written. */
        OUTPUT,
        /** The engine could not run the model (unsupported, device failure, out of resources). */
        ENGINE
    }
}
