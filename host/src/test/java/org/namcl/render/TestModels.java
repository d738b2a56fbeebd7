package org.namcl.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.namcl.cpu.CpuStreams;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/** The small models and reference files under test resources namcl-test/, and the CPU engine's renders. */
public final class TestModels {
    /** RF 13: quick. */
    public static final String DEMONET = "py__demonet.nam";
    /** RF 4093, the lite/nano preset: long enough for the receptive field to matter. */
    public static final String NANO = "py__nano.nam";
    /** A slimmable WaveNet (allowed channels 3 and 12). */
    public static final String SLIMMABLE = "py__slimmable.nam";
    /** A one-layer LSTM with hidden size 1 (.nam text): 4·(1+1) + 4 + 1 + 1 weights, head 1 + 1. */
    public static final String LSTM = """
            {"version": "0.5.4", "architecture": "LSTM", "sample_rate": 44100,
             "config": {"num_layers": 1, "input_size": 1, "hidden_size": 1},
             "metadata": {"name": "tiny lstm", "loudness": -20.5, "training": {"validation_esr": 0.0123}},
             "weights": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0, 0, 0, 0, 0, 0, 1, 0]}
            """;

    private TestModels() {
    }

    /** Copies a resource of namcl-test/ into {@code dir}. */
    public static Path copy(String name, Path dir) {
        try (InputStream in = TestModels.class.getResourceAsStream("/namcl-test/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WaveNet net(Path model) {
        return NamLoader.load(model).resolve(WaveNet.class);
    }

    /** What the streaming CPU engine makes of {@code in} (silence before it). */
    public static float[] stream(Network net, float[] in) {
        float[] out = new float[in.length];
        CpuStreams.open(net).process(in, out, in.length);
        return out;
    }

    /** {@code in} followed by {@code extra} zeros. */
    public static float[] padded(float[] in, int extra) {
        return Arrays.copyOf(in, in.length + extra);
    }
}
