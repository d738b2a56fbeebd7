package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.WavReader;
import org.namcl.engine.SignalSource;

/** An input is decoded once and replayed while it fits the byte budget; one that does not fit is streamed. */
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

    private InputSource decoding(DecodedInputs d, DecodedInputs.Key key, Path file) throws IOException {
        return d.keeping(key, new ModelInput(WavReader.open(file), false, 1f, 0, 48000));
    }

    @Test
    void anInputIsKeptOnceReadToItsEndAndReplaysTheSameSamples() throws IOException {
        float[] x = TestAudio.signal(5000, 1);
        Path file = TestAudio.write(dir.resolve("x.wav"), x);
        DecodedInputs d = new DecodedInputs(1 << 20);
        DecodedInputs.Key key = new DecodedInputs.Key(file, 48000, 0);

        SignalSource first = decoding(d, key, file);
        assertNull(d.get(key), "kept only once read to its end");
        assertArrayEquals(x, drain(first, x.length));

        assertNotNull(d.get(key));
        assertArrayEquals(x, drain(DecodedInputs.replay(d.get(key)), x.length));
    }

    @Test
    void aLongInputIsKeptWhenItFits() throws IOException {
        int frames = 40 * 48000; // longer than OpenCL's packing limit: length alone never excludes an input
        Path file = TestAudio.write(dir.resolve("long.wav"), TestAudio.signal(frames, 3));
        DecodedInputs d = new DecodedInputs(64L << 20);
        DecodedInputs.Key key = new DecodedInputs.Key(file, 48000, 0);

        drain(decoding(d, key, file), frames);

        assertNotNull(d.get(key));
        assertEquals(frames, d.get(key)[0].length);
    }

    @Test
    void anInputBeyondTheByteBudgetIsNotKept() throws IOException {
        Path file = TestAudio.write(dir.resolve("x.wav"), TestAudio.signal(5000, 1));
        DecodedInputs.Key key = new DecodedInputs.Key(file, 48000, 0);
        DecodedInputs d = new DecodedInputs(4 * 4999);

        drain(decoding(d, key, file), 5000);

        assertNull(d.get(key));
    }

    @Test
    void keptInputsStayAndALaterOneThatDoesNotFitIsStreamed() throws IOException {
        Path a = TestAudio.write(dir.resolve("a.wav"), TestAudio.signal(1000, 1));
        Path b = TestAudio.write(dir.resolve("b.wav"), TestAudio.signal(1000, 2));
        DecodedInputs d = new DecodedInputs(4 * 1500);
        DecodedInputs.Key ka = new DecodedInputs.Key(a, 48000, 0);
        DecodedInputs.Key kb = new DecodedInputs.Key(b, 48000, 0);

        drain(decoding(d, ka, a), 1000);
        drain(decoding(d, kb, b), 1000);

        assertNotNull(d.get(ka), "the next model reads a first again");
        assertNull(d.get(kb));
    }

    @Test
    void aDecodingClosedBeforeItsEndKeepsNothingAndGivesItsBudgetBack() throws IOException {
        Path a = TestAudio.write(dir.resolve("a.wav"), TestAudio.signal(1000, 1));
        Path b = TestAudio.write(dir.resolve("b.wav"), TestAudio.signal(1000, 2));
        DecodedInputs d = new DecodedInputs(4 * 1000);
        DecodedInputs.Key ka = new DecodedInputs.Key(a, 48000, 0);
        DecodedInputs.Key kb = new DecodedInputs.Key(b, 48000, 0);

        try (InputSource failed = decoding(d, ka, a)) {
            failed.read(new float[][] {new float[600]}, 0, 600);
        }
        drain(decoding(d, kb, b), 1000);

        assertNull(d.get(ka));
        assertNotNull(d.get(kb));
    }

    @Test
    void aSecondDecodingOfTheSameInputDoesNotCopyItAgain() throws IOException {
        Path a = TestAudio.write(dir.resolve("a.wav"), TestAudio.signal(1000, 1));
        DecodedInputs d = new DecodedInputs(4 * 1500);
        DecodedInputs.Key ka = new DecodedInputs.Key(a, 48000, 0);
        InputSource first = decoding(d, ka, a);
        ModelInput second = new ModelInput(WavReader.open(a), false, 1f, 0, 48000);

        assertSame(second, d.keeping(ka, second), "one copy of an input at a time");
        drain(first, 1000);
        second.close();
        assertNotNull(d.get(ka));
    }
}
