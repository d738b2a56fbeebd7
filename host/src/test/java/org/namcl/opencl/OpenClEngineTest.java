package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.namcl.testing.Tolerance;
import org.namcl.testing.Uniform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.ModelException;
import org.namcl.model.net.WaveNet;

/** The engine's contract on a device; numerical equivalence is tested at length in the tests module. */
class OpenClEngineTest {
    private DeviceInfo device;
    private OpenClEngine engine;

    @BeforeEach
    void open() {
        device = OpenClTestSupport.requireDevice();
        engine = new OpenClEngine(device);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void namesItsDevice() {
        assertEquals("opencl", engine.name());
        assertTrue(engine.description().contains(device.name()), engine.description());
    }

    @Test
    void matchesTheCpuEngine() {
        TestNets t = new TestNets(7);
        WaveNet net = t.net(List.of(t.array(1, 1, 3, 2, 3, 1, 4, 16), t.array(3, 1, 2, 1, 2, 2, 8)), null, null);
        float[] in = new Uniform(7).values(5000);
        float[] expected = new float[in.length];
        new WaveNetStreamer(net).process(in, expected, in.length);
        Tolerance.assertMatches("OpenCL vs CPU", expected, engine.render(net, in));
    }

    @Test
    void emptyInputs() {
        WaveNet net = new TestNets(8).standard();
        assertEquals(0, engine.renderAll(net, List.of()).length);
        assertEquals(0, engine.renderAll(net, List.of(new float[0]))[0].length);
    }

    @Test
    void defaultChunkFitsTheDevice() {
        WaveNet net = new TestNets(9).standard();
        int chunk = engine.chunkLength(net);
        assertTrue(chunk > 0 && chunk <= ChunkLength.MAX_CHUNK, "chunk " + chunk);
    }

    @Test
    void chunkTooLargeForTheDeviceIsAnOpenClError() {
        try (OpenClEngine huge = new OpenClEngine(device, 1 << 30)) {
            WaveNet net = new TestNets(10).standard();
            OpenClException e = assertThrows(OpenClException.class, () -> huge.chunkLength(net));
            assertTrue(e.getMessage().contains("out of device memory"), e::getMessage);
        }
    }

    @Test
    void rejectsAStereoModelOnOpen() {
        TestNets t = new TestNets(11);
        WaveNet stereo = t.net(List.of(t.array(1, 1, 2, 2, 2, 1)), null, null);
        assertThrows(ModelException.class, () -> engine.open(stereo));
    }

    @Test
    void closedEngineRefusesWork() {
        WaveNet net = new TestNets(12).standard();
        engine.close();
        assertThrows(IllegalStateException.class, () -> engine.open(net));
    }
}
