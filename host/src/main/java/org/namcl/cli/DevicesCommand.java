package org.namcl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code namcl devices}: the OpenCL devices, or why there are none. */
@Command(name = "devices",
        usageHelpAutoWidth = true,
        header = "List the OpenCL devices namcl can render on.",
        description = {"Their index and name are what 'namcl render --device' accepts.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":At least one device.",
            ExitCodes.FAILED + ":No OpenCL device (the message says why)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  namcl devices",
            "  namcl render -m amp.nam takes/ -o rendered/ --device 1"})
final class DevicesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DeviceInfo> devices = OpenClDevices.list();
        if (devices.isEmpty()) {
            spec.commandLine().getErr().println("namcl: no OpenCL device: "
                    + OpenClDevices.unavailableReason().orElse("none found") + "; " + OpenClDevices.INSTALL_HINT);
            return ExitCodes.FAILED;
        }
        int width = Math.max(4, devices.stream().mapToInt(d -> d.name().length()).max().orElse(0));
        String row = "%-3s %-" + width + "s  %-11s  %10s  %13s  %s%n";
        out.printf(Locale.ROOT, row, "#", "name", "type", "memory", "compute units", "platform / version");
        for (DeviceInfo d : devices) {
            out.printf(Locale.ROOT, row, d.index(), d.name(), d.type(),
                    String.format(Locale.ROOT, "%.1f GiB", d.globalMemBytes() / (double) (1L << 30)),
                    d.computeUnits(), d.platformName() + " / " + d.deviceVersion());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
