package org.namcl.spark;

import java.util.List;
import java.util.stream.Collectors;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;

/**
 * Spark's GPU discovery for namcl ({@code scripts/namcl-gpus.sh} runs it): prints the machine's
 * OpenCL GPUs as Spark's resource discovery expects, {@code {"name":"gpu","addresses":[...]}},
 * each address being the device's index as {@code namcl devices} lists it (what {@code --device}
 * takes, so a task renders on the address Spark gives it). No GPU: an empty list.
 */
public final class GpuDiscovery {
    private GpuDiscovery() {
    }

    public static void main(String[] args) {
        System.out.println(json(OpenClDevices.list().stream().filter(d -> d.type() == DeviceInfo.Type.GPU)
                .map(d -> Integer.toString(d.index())).toList()));
    }

    /** The discovery output for {@code addresses} (device indexes: digits, nothing to escape). */
    static String json(List<String> addresses) {
        return "{\"name\":\"" + TaskSlot.GPU + "\",\"addresses\":["
                + addresses.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")) + "]}";
    }
}
