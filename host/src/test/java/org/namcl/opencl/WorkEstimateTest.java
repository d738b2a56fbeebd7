package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.namcl.model.net.WaveNet;

/** Needs no device. */
class WorkEstimateTest {

    @Test
    void standardModel() {
        WaveNet a1 = new TestNets(1).standard();
        // multiply-adds: array 0: rechannel 16 + 10 × (conv 768 + mixin 16 + layer1x1 256) + head 128;
        // array 1: rechannel 128 + 10 × (192 + 8 + 64) + head 8 = 13320
        assertEquals(2 * 13320, WorkEstimate.flopsPerSample(a1));
    }

    @Test
    void conditionDspCountsToo() {
        TestNets t = new TestNets(2);
        WaveNet dsp = t.net(List.of(t.array(1, 1, 2, 3, 2, 1)), null, null);
        WaveNet net = t.net(List.of(t.array(1, 3, 2, 1, 2, 1)), null, dsp);
        WaveNet alone = t.net(List.of(t.array(1, 3, 2, 1, 2, 1)), null, null);
        assertEquals(WorkEstimate.flopsPerSample(alone) + WorkEstimate.flopsPerSample(dsp),
                WorkEstimate.flopsPerSample(net));
    }
}
