package org.namcl.testing;

import java.util.Iterator;
import java.util.function.Consumer;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/**
 * A stand-in for the OpenCL engine where there is none: runs WaveNets (on a one-thread CPU
 * engine, under the name "device") and no other architecture, so routing to a fallback can be
 * tested anywhere.
 */
public final class WaveNetsOnlyEngine implements Engine {
    private final CpuEngine cpu = new CpuEngine(1);

    @Override
    public String name() {
        return "device";
    }

    @Override
    public String description() {
        return "WaveNets only";
    }

    @Override
    public Support supports(Network model) {
        return model instanceof WaveNet ? Support.yes()
                : Support.no("the device engine does not run " + model.architecture() + " models");
    }

    @Override
    public StreamRenderer open(Network model) {
        return cpu.open(model);
    }

    @Override
    public void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
        cpu.run(jobs, outcomes);
    }

    @Override
    public void close() {
        cpu.close();
    }
}
