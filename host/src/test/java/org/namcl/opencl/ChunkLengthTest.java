package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Needs no device. */
class ChunkLengthTest {
    private static final long GIB = 1L << 30;

    @Test
    void aQuarterOfGlobalMemoryForAllBuffers() {
        // 64 floats per position: 4 GiB / 4 / 256 bytes = 4 Mi positions
        assertEquals(4L << 20, ChunkLength.maxPositions(4 * GIB, 4 * GIB, 64, 16));
    }

    @Test
    void theWidestBufferMustFitOneAllocation() {
        // 32 rows of 4 bytes in a 64 MiB allocation: 512 Ki positions
        assertEquals(512L << 10, ChunkLength.maxPositions(80 * GIB, 64L << 20, 64, 32));
    }

    @Test
    void rowsTimesStrideStayWithin32BitIndices() {
        long max = ChunkLength.maxPositions(1L << 50, 1L << 50, 1, 1024);
        assertTrue(max * 1024 <= Integer.MAX_VALUE);
        assertEquals(0, max % ChunkLength.ROW_ALIGN);
    }

    @Test
    void defaultIsWhatFitsAfterTheHaloCapped() {
        assertEquals(ChunkLength.MAX_CHUNK, ChunkLength.choose(1L << 30, 4093, DeviceInfo.Type.GPU));
        assertEquals(100_000 - 4092, ChunkLength.choose(100_000, 4093, DeviceInfo.Type.GPU));
    }

    @Test
    void cpuDevicesUseCacheSizedChunksUnlessTheHaloWouldDominate() {
        assertEquals(ChunkLength.CPU_MAX_CHUNK, ChunkLength.choose(1L << 30, 4093, DeviceInfo.Type.CPU));
        assertEquals(16 * 100_000, ChunkLength.choose(1L << 30, 100_000, DeviceInfo.Type.CPU));
    }

    @Test
    void aModelWhoseHaloDoesNotFitIsAnOutOfMemoryError() {
        OpenClException e = assertThrows(OpenClException.class, () -> ChunkLength.choose(4096, 5000, DeviceInfo.Type.GPU));
        assertTrue(e.getMessage().contains("out of device memory"), e::getMessage);
    }

    @Test
    void requestedLengthsAreCheckedAgainstTheDevice() {
        assertEquals(1000, ChunkLength.check(1000, 1 << 20, 8192));
        assertThrows(OpenClException.class, () -> ChunkLength.check(1 << 20, 1 << 20, 8192));
        assertThrows(IllegalArgumentException.class, () -> ChunkLength.check(0, 1 << 20, 8192));
    }

    @Test
    void strideRoundsUpToAlignedRows() {
        assertEquals(64, ChunkLength.stride(1));
        assertEquals(64, ChunkLength.stride(64));
        assertEquals(128, ChunkLength.stride(65));
    }
}
