package org.namcl.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for reads on the reader threads. */
final class Futures {
    private Futures() {
    }

    /** What a read threw: its own exception, not the future's wrapper. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Waits for a read to end, whatever its result. */
    static void await(CompletableFuture<?> f) {
        if (f != null) {
            try {
                f.join();
            } catch (RuntimeException e) {
                // its outcome is told by whoever ends it
            }
        }
    }
}
