package org.namcl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * namcl whose shutdown takes a while, as it does on a loaded machine or with slow hooks of other
 * libraries: the engines' threads go on running meanwhile, which is when a run that only cleans
 * up once would open and complete more outputs. Arguments: a file to write the time (epoch
 * milliseconds) its shutdown began into, then namcl's.
 */
final class SlowShutdownMain {
    static final long SHUTDOWN_MILLIS = 4000;

    private SlowShutdownMain() {
    }

    public static void main(String[] args) {
        Path stamp = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(stamp, Long.toString(System.currentTimeMillis()));
                Thread.sleep(SHUTDOWN_MILLIS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
