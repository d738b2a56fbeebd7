package org.namcl.bulk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.namcl.bench.ModelShape;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.ChunkTiming;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.gen.TestSignals;

/**
 * A long job (past the packing limit, so read and rendered segment by segment) streams through
 * the OpenCL engine with its queues working at once: the device clock (profiling events) shows
 * each next chunk's upload starting before the chunk before it has finished computing.
 */
class OpenClOverlapTest {
    @Test
    void uploadsComputeAndDownloadsOverlap() {
        WaveNet net = ModelShape.NANO.build(1).resolve(WaveNet.class);
        float[] in = TestSignals.mixed(31 * 48_000, 3);
        List<ChunkTiming> timings = new ArrayList<>();
        try (OpenClEngine engine = new OpenClEngine(OpenClTestSupport.requireDevice(), 8192, true)) {
            engine.chunkTimings(timings::add);
            engine.render(net, in);
        }
        assertTrue(timings.size() > 150, "chunks: " + timings.size());
        int uploadsAhead = 0;
        for (int i = 0; i + 1 < timings.size(); i++) {
            if (timings.get(i + 1).uploadStart() < timings.get(i).computeEnd()) {
                uploadsAhead++;
            }
        }
        StringBuilder b = new StringBuilder();
        for (ChunkTiming t : timings.subList(0, 4)) {
            b.append(t).append('\n');
        }
        assertTrue(uploadsAhead > timings.size() / 2, uploadsAhead + " of " + timings.size()
                + " uploads started before the chunk before them finished computing:\n" + b);
    }
}
