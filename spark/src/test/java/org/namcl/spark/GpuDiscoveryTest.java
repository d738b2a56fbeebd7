package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;

/** The discovery script's output, read by Spark's own resource code. */
class GpuDiscoveryTest {

    @Test
    void sparkReadsTheAddressesListed() {
        ResourceInformation gpus = ResourceInformation.parseJson(GpuDiscovery.json(List.of("0", "2")));

        assertEquals("gpu", gpus.name());
        assertArrayEquals(new String[] {"0", "2"}, gpus.addresses());
    }

    @Test
    void theScriptListsThisMachinesOpenClGpus() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../scripts/namcl-gpus.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("NAMCL_SPARK_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);

        assertEquals(0, p.exitValue(), out);
        ResourceInformation gpus = ResourceInformation.parseJson(out);
        assertEquals("gpu", gpus.name());
        String[] expected = OpenClDevices.list().stream().filter(d -> d.type() == DeviceInfo.Type.GPU)
                .map(d -> Integer.toString(d.index())).toArray(String[]::new);
        assertArrayEquals(expected, gpus.addresses(), "the GPUs namcl devices lists (none on PoCL)");
    }
}
