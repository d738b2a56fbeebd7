package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;
import org.namcl.testing.Tolerance;

/** The whole path, WAV in to WAV out, against NAM's own render of the same model and signal. */
class ReferenceRenderTest {
    @TempDir
    Path dir;

    @Test
    void theSweepThroughNanoMatchesNamsReference() throws IOException {
        Path model = TestModels.copy(TestModels.NANO, dir);
        Path sweep = TestModels.copy("sweep.wav", dir.resolve("signals"));
        float[] reference = TestAudio.readF32(TestModels.copy("py__nano__sweep.f32", dir));

        Cli.Result r = Cli.run("render", "-m", model, sweep, "-o", dir.resolve("out"), "--engine", "cpu",
                "--threads", 2);

        assertEquals(0, r.code(), r::toString);
        float[] out = TestAudio.read(dir.resolve("out/py__nano/sweep.wav")).channel(0);
        assertEquals(reference.length, out.length);
        double err = 0;
        double energy = 0;
        double peak = 0;
        for (int i = 0; i < out.length; i++) {
            err += (out[i] - reference[i]) * (double) (out[i] - reference[i]);
            energy += reference[i] * (double) reference[i];
            peak = Math.max(peak, Math.abs(reference[i]));
        }
        double esr = err / energy;
        assertTrue(esr < Tolerance.MAX_ESR, "ESR " + esr);
        assertTrue(TestAudio.maxAbsDiff(reference, out) <= Tolerance.MAX_ABS_PER_PEAK * peak);
        assertTrue(Files.size(dir.resolve("out/py__nano/sweep.wav")) > 0);
    }
}
