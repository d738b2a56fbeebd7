package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.testing.SpecialFiles;

/** Headers that would cost unbounded time, and files that would block: refused quickly, naming the file. */
class WavReaderLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("x.wav"));

        FileSystemException e = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> assertThrows(FileSystemException.class, () -> WavReader.open(fifo)));

        assertEquals(fifo.toString(), e.getFile());
        assertTrue(e.getReason().startsWith("not a regular file"), e::getReason);
    }

    @Test
    void theChunkWalkStopsAfterItsLimit() throws IOException {
        WavBytes bytes = new WavBytes();
        for (int i = 0; i < WavHeaderParser.MAX_CHUNKS; i++) {
            bytes.chunk("JUNK", new byte[0]);
        }
        Path file = bytes.fmt(WavBytes.TAG_PCM, 1, 48000, 16).data(WavBytes.pcm16(1, 2))
                .writeTo(dir.resolve("junk.wav"));

        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.open(file));

        assertEquals(file + ": more than " + WavHeaderParser.MAX_CHUNKS + " chunks before the fmt and data chunks",
                e.getMessage());
    }

    @Test
    void aDs64SizeNearTheLongLimitIsAnErrorNotAnOverflow() throws IOException {
        byte[] ds64 = WavBytes.le(28).putLong(0).putLong(Long.MAX_VALUE - 3).putLong(0).putInt(0).array();
        Path file = new WavBytes().riffId("RF64").chunk("ds64", ds64).chunk("data", 0xFFFFFFFFL, new byte[4])
                .fmt(WavBytes.TAG_PCM, 1, 48000, 16).writeTo(dir.resolve("rf64.wav"));

        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.open(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e::getMessage);
    }
}
