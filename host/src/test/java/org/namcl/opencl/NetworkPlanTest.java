package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.namcl.engine.Support;
import org.namcl.model.Activation;
import org.namcl.model.net.PostHead;
import org.namcl.model.net.WaveNet;

/** Needs no device. */
class NetworkPlanTest {

    @Test
    void standardModelIsOneLaunchPerLayerPlusRechannelsAndHeads() {
        NetworkPlan plan = NetworkPlan.of(new TestNets(1).standard());
        List<NetworkPlan.Step> steps = plan.steps();
        assertEquals(2 * (1 + 10 + 1), steps.size());
        // array 0 starts its head at zero, array 1 from array 0's 8-row head
        assertEquals(NetworkPlan.HEAD_ZERO, steps.get(1).args().get(1));
        assertEquals(NetworkPlan.HEAD_ACCUMULATE, steps.get(2).args().get(1));
        assertEquals(NetworkPlan.HEAD_COPY, steps.get(13).args().get(1));
        // the last head rechannel writes the output, scaled by head_scale
        NetworkPlan.Step last = steps.get(steps.size() - 1);
        assertEquals(NetworkPlan.OUT, last.buffers()[1]);
        assertEquals(0.5f, last.args().get(1));
        // in, out, two residual buffers, head accumulator, array head output; no post-head scratch
        assertArrayEquals(new int[] {1, 1, 16, 16, 16, 8, 0}, plan.rows());
    }

    @Test
    void layersPingPongBetweenResidualBuffers() {
        List<NetworkPlan.Step> steps = NetworkPlan.of(new TestNets(1).standard()).steps();
        for (int i = 1; i <= 10; i++) {
            int[] b = steps.get(i).buffers();
            assertEquals(steps.get(i - 1).buffers()[1], b[0], "reads what the previous launch wrote");
            assertEquals(b[0] == 2 ? 3 : 2, b[1], "writes the other residual buffer");
        }
    }

    @Test
    void oneRowHeadIsBroadcastToTheNextArray() {
        TestNets t = new TestNets(3);
        WaveNet net = t.net(List.of(t.array(1, 1, 4, 1, 2, 1), t.array(4, 1, 4, 1, 2, 1)), null, null);
        assertEquals(NetworkPlan.HEAD_BROADCAST, NetworkPlan.of(net).steps().get(4).args().get(1));
    }

    @Test
    void conditionDspRunsFirstIntoItsOwnBuffer() {
        TestNets t = new TestNets(4);
        WaveNet dsp = t.net(List.of(t.array(1, 1, 3, 2, 2, 1)), null, null);
        WaveNet net = t.net(List.of(t.array(1, 2, 4, 1, 2, 1, 2)), null, dsp);
        NetworkPlan plan = NetworkPlan.of(net);
        int cond = plan.rows().length - 1;
        assertEquals(2, plan.rows()[cond]);
        assertEquals(cond, plan.steps().get(2).buffers()[1], "the DSP's head rechannel writes the condition");
        for (NetworkPlan.Step s : plan.steps().subList(4, 6)) {
            assertEquals(cond, s.buffers()[4], "the main layers read it");
        }
    }

    @Test
    void postStackHeadAlternatesScratchBuffersAndEndsInTheOutput() {
        TestNets t = new TestNets(5);
        PostHead ph = new PostHead(Activation.TANH, List.of(t.conv(2, 3, 2, 1, true), t.conv(3, 3, 1, 1, true),
                t.conv(3, 1, 3, 1, true)));
        NetworkPlan plan = NetworkPlan.of(t.net(List.of(t.array(1, 1, 4, 2, 2, 1)), ph, null));
        List<NetworkPlan.Step> s = plan.steps();
        int n = s.size();
        assertEquals(s.get(n - 4).buffers()[1], s.get(n - 3).buffers()[0]);
        assertEquals(s.get(n - 3).buffers()[1], s.get(n - 2).buffers()[0]);
        assertEquals(s.get(n - 2).buffers()[1], s.get(n - 1).buffers()[0]);
        assertEquals(NetworkPlan.OUT, s.get(n - 1).buffers()[1]);
    }

    @Test
    void bytesPerSampleCountEveryLaunchsRowsPerLayerAndFused() {
        TestNets t = new TestNets(7);
        // one array: rechannel 1 -> 4, layers of 4 channels (kernel 2, dilations 1 and 2), head 4 -> 1
        WaveNet net = t.net(List.of(t.array(1, 1, 4, 1, 2, 1, 2)), null, null);
        // rechannel reads 1, writes 4; layer 1 reads x 4 + cond 1 (head from zero), writes x 4 + head 4;
        // layer 2 reads x 4 + cond 1 + head 4, writes 4 + 4; head rechannel reads 4, writes 1
        assertEquals(4.0 * (5 + 13 + 17 + 5), NetworkPlan.of(net).bytesPerSample());
        // fused, tile 64 with halo 1 + 2: x and cond read for 67 positions per 64, head from zero, x and head written
        FusionPlanner fused = new FusionPlanner(1 << 20, true, OpenClSettings.defaults().withMaxTile(64));
        NetworkPlan plan = NetworkPlan.of(net, fused);
        assertEquals(3, plan.steps().size());
        assertEquals(4.0 * (5 + (5 * 67 / 64.0 + 4 + 4) + 5), plan.bytesPerSample(), 1e-9);
    }

    @Test
    void theSharedMonoRuleRejectsAStereoModel() {
        TestNets t = new TestNets(6);
        WaveNet stereoOut = t.net(List.of(t.array(1, 1, 2, 2, 2, 1)), null, null);
        Support s = Support.mono(stereoOut);
        assertFalse(s.supported());
        assertEquals("namcl renders mono models; this one has 1 input and 2 output channels", s.problem());
        assertTrue(Support.mono(t.net(List.of(t.array(1, 1, 2, 1, 2, 1)), null, null)).supported());
    }
}
