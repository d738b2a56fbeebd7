package org.namcl.render;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.namcl.audio.WavChunk;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;

/**
 * Where a batch writes: a folder holding one output per (model, input), or, for a single pair, the
 * one file the user named ({@code render -m amp.nam di.wav -o out.wav}) or a stream
 * ({@code -o -}: standard output).
 */
public sealed interface Destination {

    /**
     * The output of {@code input} through the model named {@code modelName}.
     *
     * @param modelName the model's name (its file name without .nam)
     * @param input the input
     * @return the output's path
     * @throws RenderException when the names give no safe path
     */
    Path output(String modelName, InputFile input);

    /**
     * The folders this destination writes into (where inputs are refused).
     *
     * @param models the run's models
     * @return their output folders
     */
    List<Path> modelFolders(List<Path> models);

    /**
     * Starts writing {@code output} (a path {@link #output} gave), holding {@code record}: a file
     * appears only when the writer commits it.
     *
     * @param output the output's path
     * @param format its format
     * @param record namcl's record of how it is made
     * @return the writer
     * @throws IOException naming the folder or file that cannot be written
     */
    default WavWriter open(Path output, WavFormat format, WavChunk record) throws IOException {
        Path folder = output.getParent();
        if (folder != null) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IOException("cannot create output folder " + folder + ": " + Problems.describe(e), e);
            }
        }
        return WavWriter.create(output, format, record);
    }

    /**
     * Whether its outputs are files, which a run again skips when up to date and runs side by side share.
     *
     * @return true but for a stream
     */
    default boolean resumable() {
        return true;
    }

    /**
     * {@code OUTDIR/<model name>/<input path relative to its root, as .wav>} ({@link OutputPaths}).
     *
     * @param outDir the output folder
     * @return the destination
     */
    static Destination folder(Path outDir) {
        return new Folder(outDir);
    }

    /**
     * Exactly one file, for a batch of one model and one input.
     *
     * @param file the output file
     * @return the destination
     */
    static Destination file(Path file) {
        return new File(file);
    }

    /**
     * One WAV stream, for a batch of one model and one input.
     *
     * @param out where it goes (standard output)
     * @return the destination
     */
    static Destination stream(WritableByteChannel out) {
        return new Stream(out);
    }

    /** Outputs under a folder, one per pair. */
    record Folder(Path outDir) implements Destination {
        /** @param outDir the output folder */
        public Folder {
            Objects.requireNonNull(outDir, "outDir");
        }

        @Override
        public Path output(String modelName, InputFile input) {
            return OutputPaths.output(outDir, modelName, input);
        }

        @Override
        public List<Path> modelFolders(List<Path> models) {
            return models.stream().map(OutputPaths::modelName).filter(OutputPaths::usableFolderName)
                    .map(outDir::resolve).toList(); // the other models fail when loaded, writing nothing
        }
    }

    /** One named output file; it writes into no model folder. */
    record File(Path file) implements Destination {
        /** @param file the output file */
        public File {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Path output(String modelName, InputFile input) {
            OutputPaths.checkFolderName(modelName); // the model's name is refused alike either way
            return file;
        }

        @Override
        public List<Path> modelFolders(List<Path> models) {
            return List.of();
        }
    }

    /** One WAV stream ({@code -o -}), written as it renders; nothing to resume or claim. */
    record Stream(WritableByteChannel out) implements Destination {
        /** What the report calls the output. */
        static final Path SHOWN = Path.of("-");

        /** @param out where the stream goes */
        public Stream {
            Objects.requireNonNull(out, "out");
        }

        @Override
        public Path output(String modelName, InputFile input) {
            return SHOWN;
        }

        @Override
        public List<Path> modelFolders(List<Path> models) {
            return List.of();
        }

        @Override
        public WavWriter open(Path output, WavFormat format, WavChunk record) throws IOException {
            return WavWriter.stream(out, "stdout", format, record);
        }

        @Override
        public boolean resumable() {
            return false;
        }
    }
}
