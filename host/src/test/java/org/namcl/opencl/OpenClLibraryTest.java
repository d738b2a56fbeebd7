package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where namcl looks for libOpenCL.so before letting JOCL (which prints to stdout when it fails) try. */
class OpenClLibraryTest {
    @TempDir
    Path dir;

    private Path cache(String... names) throws IOException {
        String entries = "ld.so-1.7.0\0" + String.join("\0", names) + "\0";
        return Files.write(dir.resolve("ld.so.cache"), entries.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Path folderWith(String name, String file) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve(file), "");
        return folder;
    }

    @Test
    void foundInTheLoadersCache() throws IOException {
        assertTrue(OpenClLibrary.mayBeFound(cache("libm.so.6", "/lib/x86_64-linux-gnu/libOpenCL.so"), null, List.of()));
        assertTrue(OpenClLibrary.mayBeFound(cache("libOpenCL.so", "/opt/x/lib"), null, List.of()));
    }

    @Test
    void onlyTheVersionedLibraryIsNotEnough() throws IOException {
        Path lib = folderWith("lib", "libOpenCL.so.1");

        assertFalse(OpenClLibrary.mayBeFound(cache("libOpenCL.so.1", "/lib/libOpenCL.so.1"), "", List.of(lib)));
    }

    @Test
    void foundInADefaultFolderOrOnLdLibraryPath() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path usr = folderWith("usr", "libOpenCL.so");
        Path cuda = folderWith("cuda", "libOpenCL.so");

        assertTrue(OpenClLibrary.mayBeFound(cache("libc.so.6"), null, List.of(empty, usr)));
        assertTrue(OpenClLibrary.mayBeFound(cache("libc.so.6"), empty + ":" + cuda, List.of(empty)));
        assertFalse(OpenClLibrary.mayBeFound(cache("libc.so.6"), empty.toString(), List.of(empty)));
    }

    @Test
    void withoutACacheJoclDecides() {
        assertTrue(OpenClLibrary.mayBeFound(dir.resolve("none"), null, List.of()));
    }
}
