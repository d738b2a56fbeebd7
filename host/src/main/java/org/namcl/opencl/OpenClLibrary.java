package org.namcl.opencl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether JOCL will find the unversioned {@code libOpenCL.so} it dlopens. When it does not, its
 * native code prints "Could not load libOpenCL.so" to stdout, into namcl's own output; so on
 * Linux namcl looks where the dynamic loader looks first, and leaves JOCL unloaded when the
 * library is in none of those places. The places are a superset of the loader's (its cache's
 * entries, LD_LIBRARY_PATH, the default and multiarch folders): a library there that the loader
 * still refuses only brings JOCL's own message back.
 */
final class OpenClLibrary {
    static final String NAME = "libOpenCL.so";

    private OpenClLibrary() {
    }

    /** Whether JOCL may find the library here; always true outside Linux (JOCL looks elsewhere there). */
    static boolean mayBeFound() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return true;
        }
        return mayBeFound(Path.of("/etc/ld.so.cache"), System.getenv("LD_LIBRARY_PATH"), defaultFolders());
    }

    /**
     * @param cache   the dynamic loader's cache (a missing one, as on musl, counts as listing it)
     * @param libPath LD_LIBRARY_PATH, or null
     * @param folders the loader's default folders
     */
    static boolean mayBeFound(Path cache, String libPath, List<Path> folders) {
        if (!Files.isRegularFile(cache) || listed(cache)) {
            return true;
        }
        List<Path> searched = new ArrayList<>(folders);
        if (libPath != null) {
            for (String dir : libPath.split(":")) {
                searched.add(Path.of(dir.isEmpty() ? "." : dir));
            }
        }
        return searched.stream().anyMatch(dir -> Files.exists(dir.resolve(NAME)));
    }

    /** Whether the cache has an entry named libOpenCL.so (its names are NUL-terminated strings). */
    private static boolean listed(Path cache) {
        try {
            String bytes = new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1);
            return bytes.contains("\0" + NAME + "\0") || bytes.contains("/" + NAME + "\0");
        } catch (IOException e) {
            return true; // unreadable: let JOCL find out
        }
    }

    private static List<Path> defaultFolders() {
        List<Path> folders = new ArrayList<>();
        for (String dir : List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib")) {
            Path p = Path.of(dir);
            folders.add(p);
            try (DirectoryStream<Path> multiarch = Files.newDirectoryStream(p, "*-linux-gnu*")) {
                multiarch.forEach(folders::add);
            } catch (IOException e) {
                // no such folder
            }
        }
        return folders;
    }
}
