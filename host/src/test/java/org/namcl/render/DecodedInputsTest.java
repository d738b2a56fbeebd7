package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.WavReader;
import org.namcl.engine.SignalSource;

/** A short input is decoded once and replayed; a long one, or one past the byte bound, is not kept. */
class DecodedInputsTest {
    @TempDir
    Path dir;

    private static float[] drain(SignalSource s, int frames) throws IOException {
        float[][] out = {new float[frames + 10]};
        int n = 0;
        for (int k; (k = s.read(out, n, Math.min(1000, out[0].length - n))) > 0; ) {
            n += k;
        }
        return java.util.Arrays.copyOf(out[0], n);
    }

    private SignalSource decoding(DecodedInputs d, DecodedInputs.Key key, Path file) throws IOException {
        return d.keeping(key, new ModelInput(WavReader.open(file), false, 1f, 0, 48000));
    }

    @Test
    void aShortInputIsKeptOnceReadToItsEndAndReplaysTheSameSamples() throws IOException {
        float[] x = TestAudio.signal(5000, 1);
        Path file = TestAudio.write(dir.resolve("x.wav"), x);
        DecodedInputs d = new DecodedInputs(1 << 20, 10_000);
        DecodedInputs.Key key = new DecodedInputs.Key(file, 48000, 0);

        SignalSource first = decoding(d, key, file);
        assertNull(d.get(key), "kept only once read to its end");
        assertArrayEquals(x, drain(first, x.length));

        assertNotNull(d.get(key));
        assertArrayEquals(x, drain(DecodedInputs.replay(d.get(key)), x.length));
    }

    @Test
    void longInputsAndInputsBeyondTheByteBoundAreNotKept() throws IOException {
        Path file = TestAudio.write(dir.resolve("x.wav"), TestAudio.signal(5000, 1));
        DecodedInputs.Key key = new DecodedInputs.Key(file, 48000, 0);

        DecodedInputs frameBound = new DecodedInputs(1 << 20, 4999);
        drain(decoding(frameBound, key, file), 5000);
        assertNull(frameBound.get(key));

        DecodedInputs byteBound = new DecodedInputs(4 * 4999, 10_000);
        drain(decoding(byteBound, key, file), 5000);
        assertNull(byteBound.get(key));
    }

    @Test
    void theLeastRecentlyUsedInputMakesRoom() throws IOException {
        Path a = TestAudio.write(dir.resolve("a.wav"), TestAudio.signal(1000, 1));
        Path b = TestAudio.write(dir.resolve("b.wav"), TestAudio.signal(1000, 2));
        DecodedInputs d = new DecodedInputs(4 * 1500, 10_000);
        DecodedInputs.Key ka = new DecodedInputs.Key(a, 48000, 0);
        DecodedInputs.Key kb = new DecodedInputs.Key(b, 48000, 0);

        drain(decoding(d, ka, a), 1000);
        drain(decoding(d, kb, b), 1000);

        assertNull(d.get(ka));
        assertNotNull(d.get(kb));
    }
}
