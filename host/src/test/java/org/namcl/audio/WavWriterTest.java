package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic completion, header layout, rounding, clipping and refusals of {@link WavWriter}. */
class WavWriterTest {

    private static final WavFormat STEREO16 = new WavFormat(2, 44100, SampleEncoding.PCM16);

    @TempDir
    Path dir;

    @Test
    void tempFileIsHiddenInTheSameFolderUntilCommit() throws IOException {
        Path target = dir.resolve("out.wav");
        try (WavWriter writer = WavWriter.create(target, STEREO16)) {
            writer.write(new float[][] {{0.5f}, {-0.5f}}, 0, 1);
            List<Path> during = list();
            assertEquals(1, during.size());
            String name = during.get(0).getFileName().toString();
            assertTrue(name.startsWith(".") && name.endsWith(".partial"), name);
            assertFalse(Files.exists(target));
            writer.commit();
        }
        assertEquals(List.of(target), list());
        assertArrayEquals(new float[] {0.5f}, ReadAll.read(target)[0]);
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        Path target = dir.resolve("out.wav");
        try (WavWriter writer = WavWriter.create(target, STEREO16)) {
            writer.write(new float[][] {{0.5f}, {-0.5f}}, 0, 1);
        }
        assertEquals(List.of(), list());
    }

    @Test
    void exceptionDuringRenderLeavesNothing() {
        Path target = dir.resolve("out.wav");
        assertThrows(IllegalStateException.class, () -> {
            try (WavWriter writer = WavWriter.create(target, STEREO16)) {
                writer.write(new float[][] {{0.5f}, {-0.5f}}, 0, 1);
                throw new IllegalStateException("engine failed");
            }
        });
        assertEquals(List.of(), list());
    }

    @Test
    void failedRenderKeepsThePreviousFile() throws IOException {
        Path target = Files.write(dir.resolve("out.wav"), new byte[] {1, 2, 3});
        try (WavWriter writer = WavWriter.create(target, STEREO16)) {
            writer.write(new float[][] {{0.5f}, {-0.5f}}, 0, 1);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void commitReplacesAnExistingFile() throws IOException {
        Path target = Files.write(dir.resolve("out.wav"), new byte[] {1, 2, 3});
        try (WavWriter writer = WavWriter.create(target, STEREO16)) {
            writer.write(new float[][] {{0.25f}, {0.75f}}, 0, 1);
            writer.commit();
        }
        float[][] back = ReadAll.read(target);
        assertArrayEquals(new float[] {0.25f}, back[0]);
        assertArrayEquals(new float[] {0.75f}, back[1]);
        assertEquals(List.of(target), list());
    }

    @Test
    void nanIsRefusedWithItsPositionAndNothingIsWritten() throws IOException {
        Path target = dir.resolve("out.wav");
        float[][] block = new float[2][100];
        block[1][30] = Float.NaN;
        try (WavWriter writer = WavWriter.create(target, new WavFormat(2, 1000, SampleEncoding.FLOAT32))) {
            writer.write(new float[2][50], 0, 50);
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> writer.write(block, 0, 100));
            assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("NaN at frame 80, channel 1 (0.080000 s)"), e.getMessage());
            assertEquals(50, writer.framesWritten());
        }
        assertEquals(List.of(), list());
    }

    @Test
    void infinityIsRefused() throws IOException {
        try (WavWriter writer = WavWriter.create(dir.resolve("out.wav"), STEREO16)) {
            AudioFormatException e = assertThrows(AudioFormatException.class,
                    () -> writer.write(new float[][] {{Float.NEGATIVE_INFINITY}, {0}}, 0, 1));
            assertTrue(e.getMessage().contains("infinite sample at frame 0, channel 0"), e.getMessage());
        }
    }

    @Test
    void pcmRoundsToNearestAndCountsClipping() throws IOException {
        Path target = dir.resolve("out.wav");
        float[] x = {1f, -1f, 1.5f, -1.5f, 32766.6f / 32768, -2.4f / 32768, 0.3f / 32768, 1e30f};
        try (WavWriter writer = WavWriter.create(target, new WavFormat(1, 8000, SampleEncoding.PCM16))) {
            writer.write(new float[][] {x}, 0, x.length);
            writer.commit();
            assertEquals(4, writer.clippedSamples()); // 1.0 has no 16-bit equal: it clips too
        }
        float[] expected = {32767f / 32768, -1f, 32767f / 32768, -1f, 32767f / 32768, -2f / 32768, 0f, 32767f / 32768};
        assertArrayEquals(expected, ReadAll.read(target)[0]);
    }

    @Test
    void floatsAreNotClipped() throws IOException {
        Path target = dir.resolve("out.wav");
        try (WavWriter writer = WavWriter.create(target, new WavFormat(1, 8000, SampleEncoding.FLOAT32))) {
            writer.write(new float[][] {{4f, -7f}}, 0, 2);
            writer.commit();
            assertEquals(0, writer.clippedSamples());
        }
        assertArrayEquals(new float[] {4f, -7f}, ReadAll.read(target)[0]);
    }

    @Test
    void headerUsesExtensibleWhereRecommendedAndFactForFloat() throws IOException {
        assertHeader(new WavFormat(2, 44100, SampleEncoding.PCM16), 16, 1, false);
        assertHeader(new WavFormat(1, 44100, SampleEncoding.PCM8), 16, 1, false);
        assertHeader(new WavFormat(2, 44100, SampleEncoding.PCM24), 40, 0xFFFE, false);
        assertHeader(new WavFormat(6, 44100, SampleEncoding.PCM16), 40, 0xFFFE, false);
        assertHeader(new WavFormat(2, 44100, SampleEncoding.FLOAT32), 18, 3, true);
        assertHeader(new WavFormat(1, 44100, SampleEncoding.FLOAT64), 18, 3, true);
        assertHeader(new WavFormat(6, 44100, SampleEncoding.FLOAT32), 40, 0xFFFE, true);
    }

    private void assertHeader(WavFormat format, int fmtSize, int tag, boolean fact) throws IOException {
        Path target = dir.resolve("header.wav");
        try (WavWriter writer = WavWriter.create(target, format)) {
            writer.write(new float[format.channels()][3], 0, 3);
            writer.commit();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(target)).order(ByteOrder.LITTLE_ENDIAN);
        String message = format.toString();
        assertEquals(bytes.limit() - 8, bytes.getInt(4), message + ": RIFF size");
        assertEquals(fmtSize, bytes.getInt(16), message + ": fmt size");
        assertEquals(tag, Short.toUnsignedInt(bytes.getShort(20)), message + ": format tag");
        int next = 20 + fmtSize;
        if (fact) {
            assertEquals("fact", fourCc(bytes, next), message);
            assertEquals(3, bytes.getInt(next + 8), message + ": fact frames");
            next += 12;
        }
        assertEquals("data", fourCc(bytes, next), message);
        int dataBytes = 3 * format.blockAlign();
        assertEquals(dataBytes, bytes.getInt(next + 4), message + ": data size");
        assertEquals(next + 8 + dataBytes + dataBytes % 2, bytes.limit(), message + ": file length");
    }

    private static String fourCc(ByteBuffer bytes, int at) {
        return new String(bytes.array(), at, 4, StandardCharsets.US_ASCII);
    }

    @Test
    void emptyOutputIsNotCommitted() throws IOException {
        Path target = dir.resolve("out.wav");
        try (WavWriter writer = WavWriter.create(target, STEREO16)) {
            AudioFormatException e = assertThrows(AudioFormatException.class, writer::commit);
            assertTrue(e.getMessage().contains("no audio samples"), e.getMessage());
        }
        assertEquals(List.of(), list());
    }

    @Test
    void writingAfterCommitIsAnError() throws IOException {
        try (WavWriter writer = WavWriter.create(dir.resolve("out.wav"), STEREO16)) {
            writer.write(new float[2][1], 0, 1);
            writer.commit();
            assertThrows(IllegalStateException.class, () -> writer.write(new float[2][1], 0, 1));
        }
    }

    @Test
    void missingFolderIsNamed() {
        Path folder = dir.resolve("no-such-folder");
        IOException e = assertThrows(IOException.class, () -> WavWriter.create(folder.resolve("out.wav"), STEREO16));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
    }

    @Test
    void readOnlyFolderIsNamed() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX permissions");
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(folder), "permissions do not apply to this user");
            IOException e = assertThrows(IOException.class, () -> WavWriter.create(folder.resolve("out.wav"), STEREO16));
            assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
