package org.namcl.opencl;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out render jobs in device chunks of at most {@code capacity} positions. A job is an input
 * signal of which outputs are wanted from sample {@code from} on; it becomes one or more pieces.
 * A piece of {@code count} outputs takes RF − 1 + count positions:
 * <pre>
 *   [ zeros: RF − 1 − halo | halo: the halo samples before start | the count samples from start ]
 * </pre>
 * The zeros stand for the silence before the signal, so every output sees exactly the inputs it
 * sees when the signal is streamed from its start. Pieces sit back to back: a piece's outputs
 * depend only on its own positions, so neighbours never leak into each other. Short jobs share a
 * chunk (many small files fill one launch); a long job is split across chunks.
 */
final class BatchPacker {

    /**
     * Outputs [start, start + count) of job {@code job}, its layout beginning at chunk position
     * {@code position}; {@code halo} = min(RF − 1, start) input samples precede start.
     */
    record Piece(int job, int start, int count, int halo, int position) {
        /** Chunk position of the piece's first output. */
        int firstOutput(int rf) {
            return position + rf - 1;
        }
    }

    /** @param length positions used (the end of the last piece) */
    record Chunk(List<Piece> pieces, int length) {
        Chunk {
            pieces = List.copyOf(pieces);
        }
    }

    private BatchPacker() {
    }

    /**
     * @param lengths  input samples per job
     * @param froms    first output sample per job (outputs [from, length) are rendered)
     * @param capacity positions per chunk, at least RF
     */
    static List<Chunk> pack(int[] lengths, int[] froms, int rf, int capacity) {
        int pad = rf - 1;
        if (capacity <= pad) {
            throw new IllegalArgumentException("chunk capacity " + capacity + " must exceed RF - 1 = " + pad);
        }
        // Splitting a job into a nearly full chunk would pay RF − 1 positions for a few outputs.
        int minSplit = Math.max(1, (capacity - pad) / 8);
        List<Chunk> chunks = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        int used = 0;
        for (int j = 0; j < lengths.length; j++) {
            for (int start = froms[j]; start < lengths[j]; ) {
                int remaining = lengths[j] - start;
                int room = capacity - used - pad;
                if (room < remaining && room < minSplit && !current.isEmpty()) {
                    chunks.add(new Chunk(current, used));
                    current = new ArrayList<>();
                    used = 0;
                    continue;
                }
                int count = Math.min(room, remaining);
                current.add(new Piece(j, start, count, Math.min(pad, start), used));
                used += pad + count;
                start += count;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(current, used));
        }
        return chunks;
    }
}
