package org.namcl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namcl.testing.SpecialFiles;

/** Model files that would exhaust memory or block: refused with a ModelException naming them, quickly. */
class NamLoaderLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws Exception {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.nam"), 3L << 30);

        ModelException e = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> assertThrows(ModelException.class, () -> NamLoader.load(huge)));

        assertTrue(e.getMessage().startsWith(huge + ": " + (3L << 30) + " bytes, over namcl's limit of 64 MiB"),
                e::getMessage);
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("x.nam"));

        ModelException e = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> assertThrows(ModelException.class, () -> NamLoader.load(fifo)));

        assertTrue(e.getMessage().startsWith(fifo + ": not a regular file"), e::getMessage);
    }

    @Test
    void aDeviceIsRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");

        ModelException e = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> assertThrows(ModelException.class, () -> NamLoader.load(zero)));

        assertTrue(e.getMessage().startsWith("/dev/zero: not a regular file"), e::getMessage);
    }

    @Test
    void aFolderIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> NamLoader.load(dir));

        assertTrue(e.getMessage().startsWith(dir + ": is a folder"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.99999999999.0", "0.2147483648.0", "99999999999999999999.5.0"})
    void aVersionPartTooLargeForAnIntIsAnUnsupportedVersion(String version) {
        ModelException e = assertThrows(ModelException.class, () -> NamLoader.parse(linear(version), "m.nam"));

        assertEquals("m.nam: unsupported version " + version + " (namcl reads 0.5.0 up to 0.7.x)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5.99999999999999999999", "00000000000000000000.000000000000000006.0"})
    void longVersionPartsOfASupportedVersionLoad(String version) {
        assertEquals(version, NamLoader.parse(linear(version), "m.nam").version());
    }

    private static String linear(String version) {
        return "{\"version\": \"" + version + "\", \"architecture\": \"Linear\", "
                + "\"config\": {\"receptive_field\": 1}, \"weights\": [0.5]}";
    }
}
