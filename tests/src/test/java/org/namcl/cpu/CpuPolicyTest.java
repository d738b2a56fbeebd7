package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The offline policy's lengths: a job alone gives every thread a piece long enough that its
 * halo (RF − 1 samples rendered twice) costs little, within the memory cap on a block.
 */
class CpuPolicyTest {
    private static final int STANDARD_RF = 4093;

    @Test
    void twoThreadsGetPiecesOf64ReceptiveFieldsSoTheHaloCostsUnderTwoPercent() {
        CpuPolicy p = CpuPolicy.of(2);
        int block = p.blockFrames(STANDARD_RF);
        assertEquals(2 * 64 * STANDARD_RF, block);
        assertTrue((STANDARD_RF - 1) / (block / 2.0) < 0.02, "halo share " + (STANDARD_RF - 1) / (block / 2.0));
    }

    @Test
    void manyThreadsKeepTheBlockWithinItsCapAndPiecesAtLeast4ReceptiveFields() {
        CpuPolicy p = CpuPolicy.of(16);
        assertEquals(1 << 20, p.blockFrames(STANDARD_RF));
        assertEquals(4 * 20_000, p.pieceFrames(20_000));
        assertEquals(1 << 15, p.pieceFrames(STANDARD_RF), "and never below 32 Ki frames");
    }

    @Test
    void smallReceptiveFieldsStillGetBlocksOfAtLeast64KiFrames() {
        assertEquals(1 << 16, CpuPolicy.of(1).blockFrames(3));
        assertEquals(1 << 15, CpuPolicy.of(1).pieceFrames(3));
    }

    @Test
    void explicitLengthsWin() {
        CpuPolicy p = new CpuPolicy(4, 1000, 300);
        assertEquals(1000, p.blockFrames(STANDARD_RF));
        assertEquals(300, p.pieceFrames(STANDARD_RF));
    }
}
