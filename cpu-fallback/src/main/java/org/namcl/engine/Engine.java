package org.namcl.engine;

import java.util.List;
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

    /**
     * Renders several independent signals, each from silence. An engine that {@link #packs()}
     * renders them together (many short files in one device launch); the default renders them
     * one after another.
     */
    default float[][] renderAll(WaveNet model, List<float[]> signals) {
        float[][] out = new float[signals.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = render(model, signals.get(i));
        }
        return out;
    }

    /** Whether {@link #renderAll} is faster than rendering the signals one by one. */
    default boolean packs() {
        return false;
    }

    @Override
    void close();
}
