package org.namcl.engine;

import org.namcl.model.net.WaveNet;

/** Something that renders audio through WaveNets: the CPU engine or the OpenCL engine. */
public interface Engine extends AutoCloseable {

    /** Short name: "cpu" or "opencl". */
    String name();

    /** One line for people: what runs, on what (threads, device). */
    String description();

    /** Opens a stream through {@code model}, starting from silence. */
    StreamRenderer open(WaveNet model);

    /** Renders a whole mono signal (silence before it). */
    default float[] render(WaveNet model, float[] in) {
        float[] out = new float[in.length];
        try (StreamRenderer r = open(model)) {
            r.process(in, out, in.length);
        }
        return out;
    }

    @Override
    void close();
}
