package org.namcl.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;

/** The small models and reference files under test resources namcl-test/, and the CPU engine's renders. */
public final class TestModels {
    /** RF 13: quick. */
    public static final String DEMONET = "py__demonet.nam";
    /** RF 4093, the lite/nano preset: long enough for the receptive field to matter. */
    public static final String NANO = "py__nano.nam";
    /** A slimmable WaveNet (allowed channels 3 and 12). */
    public static final String SLIMMABLE = "py__slimmable.nam";

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
    public static float[] stream(WaveNet net, float[] in) {
        float[] out = new float[in.length];
        new WaveNetStreamer(net).process(in, out, in.length);
        return out;
    }

    /** {@code in} followed by {@code extra} zeros. */
    public static float[] padded(float[] in, int extra) {
        return Arrays.copyOf(in, in.length + extra);
    }
}
