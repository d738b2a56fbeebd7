package example;

import java.io.IOException;
import java.nio.file.Path;
import org.namcl.audio.Wav;
import org.namcl.engine.Engine;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.render.EngineChoice;
import org.namcl.render.EngineSelector;

/** Renders one take through one model with namcl, the way a program of its own would. */
public final class RenderTake {
    private RenderTake() {
    }

    /** Arguments: MODEL.nam DI.wav OUT.wav. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RenderTake MODEL.nam DI.wav OUT.wav");
            System.exit(2);
        }
        NamFile nam = NamLoader.load(Path.of(args[0]));
        Network net = nam.resolve();
        Wav di = Wav.read(Path.of(args[1]));
        float[][] wet = new float[di.channels().length][];
        try (EngineSelector engines = EngineSelector.select(EngineChoice.CPU, null, 1, System.err::println)) {
            Engine engine = engines.primary();
            for (int c = 0; c < wet.length; c++) {
                wet[c] = engine.render(net, di.channel(c));
            }
            System.out.println("rendered on " + engine.description());
        }
        Wav.write(Path.of(args[2]), di.format().sampleRate(), wet);
        float peak = 0;
        for (float[] channel : wet) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        System.out.printf("%s through %s: %d frames, peak %.4f%n", args[1], args[0], di.frames(), peak);
    }
}
