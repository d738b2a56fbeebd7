package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Needs no device. */
class BatchPackerTest {
    private static final int RF = 100;

    @Test
    void shortJobsShareOneChunkBackToBack() {
        List<BatchPacker.Chunk> chunks = BatchPacker.pack(new int[] {10, 20, 30}, new int[3], RF, 1000);
        assertEquals(1, chunks.size());
        List<BatchPacker.Piece> p = chunks.get(0).pieces();
        assertEquals(List.of(new BatchPacker.Piece(0, 0, 10, 0, 0), new BatchPacker.Piece(1, 0, 20, 0, 109),
                new BatchPacker.Piece(2, 0, 30, 0, 228)), p);
        assertEquals(228 + 99 + 30, chunks.get(0).length());
    }

    @Test
    void longJobIsSplitWithHalosFromItsOwnSamples() {
        List<BatchPacker.Chunk> chunks = BatchPacker.pack(new int[] {1000}, new int[1], RF, 300);
        assertEquals(List.of(new BatchPacker.Piece(0, 0, 201, 0, 0)), chunks.get(0).pieces());
        assertEquals(List.of(new BatchPacker.Piece(0, 201, 201, 99, 0)), chunks.get(1).pieces());
        assertCovers(chunks, new int[] {1000}, new int[1], RF, 300);
    }

    @Test
    void streamJobRendersOnlyAfterItsHalo() {
        // a stream block: 40 samples of halo (fewer than RF - 1) then 500 new samples
        List<BatchPacker.Chunk> chunks = BatchPacker.pack(new int[] {540}, new int[] {40}, RF, 10_000);
        assertEquals(List.of(new BatchPacker.Piece(0, 40, 500, 40, 0)), chunks.get(0).pieces());
    }

    @Test
    void chunkShorterThanTheReceptiveFieldStillProgresses() {
        int[] lengths = {5000, 3, 777};
        int rf = 4096;
        int capacity = rf - 1 + 1000;
        assertCovers(BatchPacker.pack(lengths, new int[3], rf, capacity), lengths, new int[3], rf, capacity);
    }

    @Test
    void doesNotSplitIntoANearlyFullChunk() {
        // 100 positions left is under an eighth of the room: the second job starts a new chunk
        List<BatchPacker.Chunk> chunks = BatchPacker.pack(new int[] {1702, 500}, new int[2], RF, 2000);
        assertEquals(2, chunks.size());
        assertEquals(1, chunks.get(1).pieces().size());
        assertEquals(500, chunks.get(1).pieces().get(0).count());
    }

    @Test
    void manyMixedJobsAreCoveredExactlyOnce() {
        int[] lengths = {0, 1, 99, 100, 101, 4000, 12345, 7, 60000, 2};
        int[] froms = {0, 0, 50, 0, 100, 3999, 0, 0, 1234, 2};
        for (int capacity : new int[] {100, 101, 1000, 4097, 1 << 16}) {
            assertCovers(BatchPacker.pack(lengths, froms, RF, capacity), lengths, froms, RF, capacity);
        }
    }

    @Test
    void capacityMustExceedTheHalo() {
        assertThrows(IllegalArgumentException.class, () -> BatchPacker.pack(new int[] {10}, new int[1], RF, RF - 1));
    }

    /** Every wanted output exactly once, in order; pieces fit the chunk, back to back. */
    private static void assertCovers(List<BatchPacker.Chunk> chunks, int[] lengths, int[] froms, int rf, int capacity) {
        int[] next = froms.clone();
        for (BatchPacker.Chunk c : chunks) {
            int end = 0;
            for (BatchPacker.Piece p : c.pieces()) {
                assertEquals(end, p.position(), "pieces sit back to back");
                assertEquals(next[p.job()], p.start(), "outputs in order, none skipped or repeated");
                assertEquals(Math.min(rf - 1, p.start()), p.halo());
                assertTrue(p.count() > 0);
                next[p.job()] += p.count();
                end = p.position() + rf - 1 + p.count();
            }
            assertEquals(end, c.length());
            assertTrue(c.length() <= capacity, "chunk fits");
        }
        for (int j = 0; j < lengths.length; j++) {
            assertEquals(Math.max(froms[j], lengths[j]), next[j], "job " + j + " fully rendered");
        }
    }
}
