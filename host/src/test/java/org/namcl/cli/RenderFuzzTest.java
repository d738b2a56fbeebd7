package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.WavBytes;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/**
 * Generated hostile inputs through the whole of {@code render}: WAV files and models, each made
 * from a valid one by seeded damage (header fields set to edge and random values, chunk sizes
 * that lie, truncation, flipped bytes, junk chunks, RF64 sizes; version parts, numbers and
 * shapes out of range, cut JSON, deep nesting). Each case renders the one bad file (or model)
 * with a good one and must end within {@link #CASE_TIME}, allocating at most {@link #CASE_BYTES}:
 * either the file renders, or it fails with one line naming it and nothing else, no internal
 * error, no output under its final name, and no temporary file left in the output folder.
 */
class RenderFuzzTest {
    private static final long SEED = 20261201;
    private static final int WAV_CASES = 240;
    private static final int MODEL_CASES = 120;
    private static final Duration CASE_TIME = Duration.ofSeconds(10);
    /** Far above what rendering these few frames takes, far below what a header-sized buffer would. */
    private static final long CASE_BYTES = 256L << 20;

    /** Options the WAV cases take turns with, so damaged rates and channel counts reach resampling and downmixing. */
    private static final List<List<String>> OPTIONS = List.of(List.of(), List.of("--resample"),
            List.of("--mix", "mono"), List.of("--resample", "--mix", "mono", "--tail"));

    @TempDir
    Path dir;

    @Test
    void damagedWavFilesFailAloneInOneLine() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        Random random = new Random(SEED);
        for (int i = 0; i < WAV_CASES; i++) {
            Path caseDir = dir.resolve("wav-" + i);
            Path good = TestAudio.write(caseDir.resolve("in/good.wav"), TestAudio.signal(200, i));
            WavDamage damage = WavDamage.random(random);
            Path bad = Files.write(caseDir.resolve("in/bad.wav"), damage.apply(random));
            String what = "case " + i + " (" + damage.description + ", " + OPTIONS.get(i % OPTIONS.size()) + ")";
            Path out = caseDir.resolve("out");

            List<Object> args = new ArrayList<>(List.of("-m", model, bad, good, "-o", out, "--engine", "cpu",
                    "--threads", 1));
            args.addAll(OPTIONS.get(i % OPTIONS.size()));

            Cli.Result r = render(what, args.toArray());

            List<String> outputs = List.of("py__demonet/good.wav");
            if (r.code() == 0) {
                outputs = List.of("py__demonet/bad.wav", "py__demonet/good.wav");
            } else {
                assertFailedAlone(what, r, bad);
            }
            assertEquals(outputs, RenderBatchTest.files(out), what + ": outputs, and no temporary file\n" + r);
        }
    }

    @Test
    void damagedModelsFailAloneInOneLine() throws IOException {
        String json = Files.readString(TestModels.copy(TestModels.DEMONET, dir.resolve("models")));
        Random random = new Random(SEED + 1);
        for (int i = 0; i < MODEL_CASES; i++) {
            Path caseDir = dir.resolve("model-" + i);
            Path good = TestAudio.write(caseDir.resolve("in/good.wav"), TestAudio.signal(200, i));
            ModelDamage damage = ModelDamage.values()[random.nextInt(ModelDamage.values().length)];
            Path bad = Files.write(caseDir.resolve("bad.nam"), damage.apply(json, random));
            String what = "model case " + i + " (" + damage + ")";
            Path out = caseDir.resolve("out");

            Cli.Result r = render(what, "-m", bad, good, "-o", out, "--engine", "cpu", "--threads", 1);

            if (r.code() == 0) {
                assertEquals(List.of("bad/good.wav"), RenderBatchTest.files(out), what + "\n" + r);
            } else {
                assertFailedAlone(what, r, bad);
                assertEquals(List.of(), RenderBatchTest.files(out), what + ": no output, no temporary file\n" + r);
            }
        }
    }

    /** Runs {@code render args} within the case's time, checking what it allocated on every thread. */
    private static Cli.Result render(String what, Object... args) {
        Object[] command = new Object[args.length + 1];
        command[0] = "render";
        System.arraycopy(args, 0, command, 1, args.length);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getTotalThreadAllocatedBytes();
        Cli.Result r = assertTimeoutPreemptively(CASE_TIME, () -> Cli.run(command), what);
        long allocated = threads.getTotalThreadAllocatedBytes() - before;
        assertTrue(allocated < CASE_BYTES, () -> what + ": allocated " + allocated + " bytes\n" + r);
        return r;
    }

    private static void assertFailedAlone(String what, Cli.Result r, Path bad) {
        assertEquals(1, r.code(), () -> what + "\n" + r);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("namcl: error: ")).toList();
        assertEquals(1, errors.size(), () -> what + ": one error line\n" + r);
        assertTrue(errors.get(0).startsWith("namcl: error: " + bad), () -> what + ": the line names the file\n" + r);
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), () -> what + "\n" + r);
    }

    /** One way of damaging a valid WAV file's bytes. */
    private record WavDamage(String description, Kind kind) {
        enum Kind { CHANNELS, WIDE, RATE, BLOCK_ALIGN, BITS, TAG, CHUNK_SIZE, TRUNCATE, FLIP, JUNK_CHUNKS, RF64, GARBAGE }

        static WavDamage random(Random random) {
            Kind k = Kind.values()[random.nextInt(Kind.values().length)];
            return new WavDamage(k.name().toLowerCase(), k);
        }

        /** A valid file of a random encoding, then this damage. */
        byte[] apply(Random random) {
            int[][] encodings = {{WavBytes.TAG_PCM, 16}, {WavBytes.TAG_PCM, 24}, {WavBytes.TAG_PCM, 8},
                {WavBytes.TAG_FLOAT, 32}, {WavBytes.TAG_FLOAT, 64}};
            int[] enc = encodings[random.nextInt(encodings.length)];
            // WIDE: many channels, consistent with the block alignment, a few frames: a header that sizes buffers
            int channels = kind == Kind.WIDE ? (int) Math.max(1, edgeOrRandom(random, 0xFFFF / (enc[1] / 8)))
                    : 1 + random.nextInt(3);
            int frames = kind == Kind.WIDE ? 1 + random.nextInt(3) : 1 + random.nextInt(300);
            byte[] samples = new byte[frames * channels * enc[1] / 8];
            if (enc[0] == WavBytes.TAG_PCM) {
                random.nextBytes(samples); // floats stay zero: random bits would be NaN now and then
            }
            WavBytes wav = new WavBytes();
            if (kind == Kind.JUNK_CHUNKS) {
                for (int i = 0, n = 500 + random.nextInt(2000); i < n; i++) {
                    wav.chunk("JUNK", new byte[random.nextInt(3)]);
                }
            }
            if (kind == Kind.RF64) {
                long size = switch (random.nextInt(4)) {
                    case 0 -> Long.MAX_VALUE - random.nextInt(16);
                    case 1 -> -1 - random.nextInt(16);
                    case 2 -> random.nextLong();
                    default -> samples.length + random.nextInt(9) - 4;
                };
                wav.riffId("RF64").chunk("ds64", ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(0).putLong(size).putLong(0).putInt(0).array());
                wav.chunk("data", 0xFFFFFFFFL, samples).fmt(enc[0], channels, 48000, enc[1]);
                return wav.build();
            }
            byte[] b = wav.fmt(enc[0], channels, 48000, enc[1]).data(samples).build();
            int fmt = indexOf(b, "fmt ") + 8; // the fmt chunk's body
            ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            switch (kind) {
                case CHANNELS -> le.putShort(fmt + 2, (short) edgeOrRandom(random, 0xFFFF));
                case RATE -> le.putInt(fmt + 4, (int) edgeOrRandom(random, 0xFFFFFFFFL));
                case BLOCK_ALIGN -> le.putShort(fmt + 12, (short) edgeOrRandom(random, 0xFFFF));
                case BITS -> le.putShort(fmt + 14, (short) edgeOrRandom(random, 0xFFFF));
                case TAG -> le.putShort(fmt, (short) edgeOrRandom(random, 0xFFFF));
                case CHUNK_SIZE -> {
                    int[] sizes = {4, fmt - 4, indexOf(b, "data") + 4};
                    le.putInt(sizes[random.nextInt(sizes.length)], (int) edgeOrRandom(random, 0xFFFFFFFFL));
                }
                case TRUNCATE -> b = Arrays.copyOf(b, random.nextInt(b.length));
                case FLIP -> {
                    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                        b[random.nextInt(Math.min(b.length, 64))] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case GARBAGE -> {
                    byte[] junk = new byte[1 + random.nextInt(1000)];
                    random.nextBytes(junk);
                    int at = 12 + random.nextInt(b.length - 12);
                    byte[] mixed = Arrays.copyOf(b, b.length + junk.length);
                    System.arraycopy(junk, 0, mixed, at, junk.length);
                    System.arraycopy(b, at, mixed, at + junk.length, b.length - at);
                    b = mixed;
                }
                default -> {
                }
            }
            return b;
        }

        private static long edgeOrRandom(Random random, long max) {
            long[] edges = {0, 1, 2, 3, max, max - 1, max / 2, max / 2 + 1};
            return random.nextBoolean() ? edges[random.nextInt(edges.length)] : (random.nextLong() & max);
        }

        private static int indexOf(byte[] b, String id) {
            byte[] want = id.getBytes(StandardCharsets.US_ASCII);
            for (int i = 12; i + 4 <= b.length; i++) {
                if (Arrays.equals(b, i, i + 4, want, 0, 4)) {
                    return i;
                }
            }
            throw new IllegalStateException(id);
        }
    }

    /** Ways of damaging a valid model's JSON text. */
    private enum ModelDamage {
        VERSION {
            @Override
            String damage(String json, Random random) {
                String[] versions = {"0.99999999999.0", "99999999999999999999.5.0", "0.5", "0.5.0.1", "-0.5.0", "",
                    "0.2147483648.1", "0." + "9".repeat(5000) + ".0", "0.5.x", "0.8.0"};
                return json.replaceFirst("\"version\": \"[^\"]*\"",
                        "\"version\": \"" + versions[random.nextInt(versions.length)] + "\"");
            }
        },
        NUMBER {
            @Override
            String damage(String json, Random random) {
                String[] values = {"1e309", "-1", "0", "2147483648", "99999999999999999999", "NaN", "-Infinity",
                    "1.5", "null", "\"7\"", "[]", "{}", "1" + "0".repeat(2000)};
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")
                        .matcher(json);
                int count = (int) m.results().count();
                m.reset();
                int pick = random.nextInt(count);
                for (int i = 0; i <= pick; i++) {
                    m.find();
                }
                return json.substring(0, m.start()) + values[random.nextInt(values.length)] + json.substring(m.end());
            }
        },
        CUT {
            @Override
            String damage(String json, Random random) {
                return json.substring(0, random.nextInt(json.length()));
            }
        },
        FLIP {
            @Override
            String damage(String json, Random random) {
                String marks = "{}[]\",:0-e\\ x\u00e9";
                char[] c = json.toCharArray();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    c[random.nextInt(c.length)] = marks.charAt(random.nextInt(marks.length()));
                }
                return new String(c);
            }
        },
        NESTING {
            @Override
            String damage(String json, Random random) {
                int depth = 500 + random.nextInt(5000);
                return json.replaceFirst("\"metadata\": ", "\"metadata\": " + "[".repeat(depth) + "]".repeat(depth)
                        + ", \"x\": ");
            }
        },
        SHAPE {
            @Override
            String damage(String json, Random random) {
                String[] keys = {"channels", "kernel_size", "head_size", "input_size", "condition_size"};
                String[] values = {"4096", "4097", "65536", "1048576", "0", "-3", "2147483647"};
                return json.replaceFirst("\"" + keys[random.nextInt(keys.length)] + "\": \\d+",
                        "\"" + keys[random.nextInt(keys.length)] + "\": " + values[random.nextInt(values.length)]);
            }
        },
        DILATIONS {
            @Override
            String damage(String json, Random random) {
                String[] values = {"[65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536]", "[2147483647]", "[0]",
                    "[]", "[1, -1]", "[1.5]"};
                return json.replaceFirst("\"dilations\": \\[[^\\]]*\\]",
                        "\"dilations\": " + values[random.nextInt(values.length)]);
            }
        },
        NOT_A_MODEL {
            @Override
            String damage(String json, Random random) {
                String[] texts = {"", "null", "[]", "42", "\"x\"", "{}", "\u0000\u0001\u0002", "{\"version\": \"0.5.0\"}"};
                return texts[random.nextInt(texts.length)];
            }
        };

        abstract String damage(String json, Random random);

        byte[] apply(String json, Random random) {
            return damage(json, random).getBytes(StandardCharsets.UTF_8);
        }
    }
}
