package org.namcl.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** OpenCL C sources of namcl's kernels, packaged from the top-level kernels-cl/ folder into the host jar. */
final class KernelSource {

    public static final String RESOURCE_DIR = "org/namcl/kernels/";

    private KernelSource() {
    }

    /** The text of {@code org/namcl/kernels/<name>.cl} on the classpath, e.g. {@code load("conv1d")}. */
    public static String load(String name) {
        String path = RESOURCE_DIR + name + ".cl";
        try (InputStream in = KernelSource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new OpenClException("OpenCL kernel source " + path + " is not on the classpath"
                        + " (kernels-cl/" + name + ".cl is packaged there by host/pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading OpenCL kernel source " + path, e);
        }
    }
}
