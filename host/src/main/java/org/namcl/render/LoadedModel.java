package org.namcl.render;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.namcl.files.Sha256;
import org.namcl.model.ModelException;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;

/**
 * A model ready to render: loaded, resolved at the chosen size, with the output gain its
 * normalization asks for.
 *
 * @param name            the folder its outputs go to (the file's base name, made safe)
 * @param sha256          the file's SHA-256 in hex, recorded in its outputs
 * @param normalizationDb gain that brings its output to the target loudness; 0 when not normalizing
 */
public record LoadedModel(Path path, String name, String sha256, Network net, double normalizationDb) {

    /**
     * Loads {@code path} and tells {@code warn} about what the options cannot do with it.
     *
     * @param path the {@code .nam} file
     * @param options the run's options (size, normalisation)
     * @param warn told what the options cannot do with it
     * @return the model, resolved
     * @throws ModelException naming the file when it cannot be loaded or run
     */
    public static LoadedModel load(Path path, RenderOptions options, Consumer<String> warn) {
        String name = OutputPaths.modelName(path);
        try {
            OutputPaths.checkFolderName(name);
            Path.of(name);
        } catch (RenderException e) {
            throw new ModelException(path + ": " + e.getMessage());
        } catch (InvalidPathException e) {
            throw new ModelException(path + ": " + UnmappableName.problem());
        }
        NamFile file = NamLoader.load(path);
        if (file.sampleRate() == null) {
            warn.accept(path + ": the model does not give its sample rate; assuming "
                    + rate(NamFile.DEFAULT_SAMPLE_RATE));
        }
        if (options.slim() != null && !file.slimmable()) {
            warn.accept(path + ": not a slimmable model; --slim is ignored for it");
        }
        double normalizationDb = 0;
        if (options.normalize()) {
            Double loudness = file.metadata().loudness();
            if (loudness == null) {
                warn.accept(path + ": no loudness in its metadata; its output is not normalized");
            } else {
                normalizationDb = RenderOptions.TARGET_LOUDNESS_DB - loudness;
            }
        }
        Network net = file.resolve(options.slimOrDefault());
        return new LoadedModel(path, name, sha256(path), net, normalizationDb);
    }

    private static String sha256(Path path) {
        try {
            return Sha256.of(path);
        } catch (IOException e) {
            throw new ModelException(path + ": cannot be read again: " + Problems.reason(e), e);
        }
    }

    /** A sample rate for messages: "48000 Hz", "44100.5 Hz". */
    static String rate(double hz) {
        return (hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz)) + " Hz";
    }
}
