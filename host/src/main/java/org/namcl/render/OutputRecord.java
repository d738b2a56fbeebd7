package org.namcl.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.namcl.audio.WavChunk;

/**
 * How an output was made, kept inside the output WAV file as a chunk of its own ({@code nmcl},
 * UTF-8 {@code key=value} lines, before the samples): namcl's version, the model file's SHA-256,
 * the input file's size and modification time, and every option that changes the samples. A
 * rerun compares it with what it would write now, to tell an output it can keep from one it must
 * render again.
 */
public final class OutputRecord {
    static final String CHUNK_ID = "nmcl";
    /** Chunks looked at before giving up on finding the record (ours is the second or third). */
    private static final int MAX_CHUNKS = 64;

    /** In the order they are written and compared; the labels name what differs. */
    private final Map<String, String> fields;

    private OutputRecord(Map<String, String> fields) {
        this.fields = fields;
    }

    /**
     * The record of an output rendered now.
     *
     * @param modelSha256 the model file's SHA-256, in hex
     * @param input the input file, or null for a stream (its size and time are then "stream")
     * @throws IOException when the input's attributes cannot be read
     */
    static OutputRecord of(String version, String modelSha256, RenderOptions options, Path input)
            throws IOException {
        if (input == null) {
            return of(version, modelSha256, options, "stream", "stream");
        }
        BasicFileAttributes attrs = Files.readAttributes(input, BasicFileAttributes.class);
        return of(version, modelSha256, options, Long.toString(attrs.size()), attrs.lastModifiedTime().toString());
    }

    private static OutputRecord of(String version, String modelSha256, RenderOptions options, String inputBytes,
                                   String inputModified) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("namcl", version);
        f.put("model_sha256", modelSha256);
        f.put("input_bytes", inputBytes);
        f.put("input_modified", inputModified);
        f.put("format", options.format().name().toLowerCase(Locale.ROOT));
        f.put("input_gain_db", Double.toString(options.inputGainDb()));
        f.put("output_gain_db", Double.toString(options.outputGainDb()));
        f.put("normalize", options.normalize() ? "loudness" : "none");
        f.put("slim", options.slim() == null ? "default" : Double.toString(options.slim()));
        f.put("resample", Boolean.toString(options.resample()));
        f.put("mix", options.mixMono() ? "mono" : "channels");
        f.put("tail", Boolean.toString(options.tail()));
        f.put("tail_seconds", options.tailSeconds() == null ? "default" : Double.toString(options.tailSeconds()));
        return new OutputRecord(f);
    }

    /**
     * Whether a rerun without {@code --overwrite} skips {@code output} as up to date: it holds the
     * record of an output made exactly as this one would be now. For a caller that knows the
     * input's size and time without a local copy of it (a file on another file system); what is
     * not up to date, the renderer itself decides about (render again, or leave alone what namcl
     * did not write).
     *
     * @param output        a WAV file (or its first bytes: the record precedes the samples)
     * @param version       namcl's version, as the renderer records it
     * @param modelSha256   the model file's SHA-256, in hex
     * @param options       the options of the run
     * @param inputBytes    the input file's size
     * @param inputModified the input file's modification time
     * @return true when the record there matches in every field
     * @throws IOException when {@code output} cannot be read
     */
    public static boolean upToDate(Path output, String version, String modelSha256, RenderOptions options,
                                   long inputBytes, FileTime inputModified) throws IOException {
        OutputRecord found = read(output);
        return found != null
                && of(version, modelSha256, options, Long.toString(inputBytes), inputModified.toString())
                        .differences(found) == null;
    }

    WavChunk chunk() {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return new WavChunk(CHUNK_ID, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What differs between {@code earlier} (an existing output's record) and this one, in words
     * ("the model file differs, format pcm24 -> f32"); null when they match.
     */
    String differences(OutputRecord earlier) {
        List<String> d = new ArrayList<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String was = earlier.fields.get(e.getKey());
            if (!Objects.equals(was, e.getValue())) {
                d.add(switch (e.getKey()) {
                    case "model_sha256" -> "the model file differs";
                    case "input_bytes", "input_modified" -> "the input file changed";
                    case "namcl" -> "namcl " + was + " -> " + e.getValue();
                    default -> e.getKey().replace('_', '-') + " " + (was == null ? "unrecorded" : was) + " -> "
                            + e.getValue();
                });
            }
        }
        return d.isEmpty() ? null : String.join(", ", d.stream().distinct().toList());
    }

    /**
     * The record in the WAV file {@code wav}, or null when it has none (not written by this
     * namcl, or not a WAV file at all).
     */
    static OutputRecord read(Path wav) throws IOException {
        try (FileChannel ch = FileChannel.open(wav)) {
            ByteBuffer riff = read(ch, 0, 12);
            if (riff == null || !id(riff, 0).equals("RIFF") || !id(riff, 8).equals("WAVE")) {
                return null;
            }
            long pos = 12;
            for (int i = 0; i < MAX_CHUNKS; i++) {
                ByteBuffer head = read(ch, pos, 8);
                if (head == null) {
                    return null;
                }
                String id = id(head, 0);
                long size = head.getInt(4) & 0xFFFFFFFFL;
                if (id.equals("data")) {
                    return null; // ours precedes the samples
                }
                if (id.equals(CHUNK_ID)) {
                    ByteBuffer data = size <= WavChunk.MAX_BYTES ? read(ch, pos + 8, (int) size) : null;
                    return data == null ? null : parse(new String(data.array(), StandardCharsets.UTF_8));
                }
                pos += 8 + size + (size & 1);
            }
            return null;
        }
    }

    private static OutputRecord parse(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new OutputRecord(f);
    }

    /** {@code n} bytes at {@code pos}, or null when the file ends first. */
    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                return null;
            }
        }
        return b.flip();
    }

    private static String id(ByteBuffer b, int at) {
        return new String(b.array(), at, 4, StandardCharsets.US_ASCII);
    }
}
