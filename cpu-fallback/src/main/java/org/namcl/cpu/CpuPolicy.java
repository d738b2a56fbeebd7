package org.namcl.cpu;

/**
 * How the CPU engine cuts its work. Jobs run side by side, up to one per thread, each on one
 * stream per channel (no overhead); a job that has threads to spare (a long file alone) has its
 * blocks split into pieces rendered at once, each from silence after an RF − 1 sample halo, so
 * the output is the same either way, bit for bit.
 *
 * @param threads     worker threads, and the most jobs open at once
 * @param blockFrames frames read, rendered and written per step of a job; 0 picks from the model
 * @param pieceFrames the shortest piece a block is split into; 0 picks from the model
 */
public record CpuPolicy(int threads, int blockFrames, int pieceFrames) {
    /** Blocks span at least this many frames ... */
    static final int MIN_BLOCK = 1 << 16;
    /** ... and at most this many (4 MiB per channel buffer). */
    static final int MAX_BLOCK = 1 << 20;
    /**
     * A piece pays RF − 1 samples of halo. Pieces go only to threads that would otherwise wait,
     * so even a quarter's halo wins: a file's last, short block split in two pieces of 4 RF ends
     * in 5 RF of time instead of 8 (with 16 RF, A2's last 3 s of a 20 s input ran on one thread) ...
     */
    static final int HALO_FACTOR = 4;
    /** ... while whole blocks aim at pieces of 64 RF (halo under 1.6%) where MAX_BLOCK allows. */
    static final int WHOLE_PIECE_FACTOR = 64;
    static final int MIN_PIECE = 1 << 15;

    /**
     * Checks the numbers.
     *
     * @param threads     worker threads, at least 1
     * @param blockFrames frames per step of a job; 0 picks from the model
     * @param pieceFrames the shortest piece; 0 picks from the model
     */
    public CpuPolicy {
        if (threads < 1 || blockFrames < 0 || pieceFrames < 0) {
            throw new IllegalArgumentException("threads must be at least 1 and lengths not negative: "
                    + threads + ", " + blockFrames + ", " + pieceFrames);
        }
    }

    /**
     * Lengths chosen per model.
     *
     * @param threads worker threads
     * @return the policy
     */
    public static CpuPolicy of(int threads) {
        return new CpuPolicy(threads, 0, 0);
    }

    int pieceFrames(int receptiveField) {
        return pieceFrames > 0 ? pieceFrames : Math.max(MIN_PIECE, HALO_FACTOR * receptiveField);
    }

    /**
     * Long enough that a job alone can give every thread a piece of 64 RF: on 2 threads the
     * standard model's offline rate went from 1.5-1.7x to 1.6-1.85x its one-thread rate with
     * pieces of 64 RF instead of 16 (blocks of 512 Ki frames instead of 128 Ki).
     */
    int blockFrames(int receptiveField) {
        if (blockFrames > 0) {
            return blockFrames;
        }
        long wanted = Math.max(pieceFrames(receptiveField), (long) WHOLE_PIECE_FACTOR * receptiveField) * threads;
        return (int) Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, wanted));
    }
}
