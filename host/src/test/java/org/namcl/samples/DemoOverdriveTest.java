package org.namcl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namcl.model.net.WaveNet;
import org.namcl.audio.WavReader;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;

/** The committed demo model, loaded as a user would load it, measured as a pedal. */
class DemoOverdriveTest {
    private static final int RATE = 48000;
    /** Skip the start-up (receptive field 95 samples), then analyse 100 ms: whole periods of every tone used. */
    private static final int SETTLE = 960;
    private static final int WINDOW = 4800;

    private static NamFile file;
    private static WaveNetStreamer engine;

    @BeforeAll
    static void load() {
        file = NamLoader.load(SamplesFolder.find().resolve(GenerateSamples.MODEL));
        engine = new WaveNetStreamer(file.resolve(WaveNet.class));
    }

    @Test
    void metadataDescribesIt() {
        assertEquals("0.7.0", file.version());
        assertEquals("WaveNet", file.architecture());
        assertEquals(48000.0, file.sampleRate());
        assertEquals("namcl demo overdrive", file.metadata().name());
        assertEquals("pedal", file.metadata().gearType());
        assertEquals("overdrive", file.metadata().toneType());
        assertEquals(95, engine.receptiveField());
    }

    @Test
    void silenceInGivesSilenceOut() {
        float[] y = render(0, 1000);
        for (float v : y) {
            assertEquals(0f, v);
        }
    }

    @Test
    void outputCompressesAsTheInputRises() {
        double[] levelsDb = {-50, -40, -30, -20, -10, -6};
        double[] gainDb = new double[levelsDb.length];
        for (int i = 0; i < levelsDb.length; i++) {
            double amp = Math.pow(10, levelsDb[i] / 20);
            float[] y = render(amp, 1000);
            gainDb[i] = Spectrum.db(Spectrum.amplitude(y, SETTLE, WINDOW, 1000, RATE) / amp);
            System.out.printf("1 kHz at %5.1f dBFS: gain %6.2f dB%n", levelsDb[i], gainDb[i]);
        }
        for (int i = 1; i < gainDb.length; i++) {
            assertTrue(gainDb[i] < gainDb[i - 1], "gain must fall as the level rises");
        }
        assertEquals(gainDb[0], gainDb[1], 0.2, "small signals pass linearly");
        assertTrue(gainDb[0] - gainDb[gainDb.length - 1] > 15, "a −6 dBFS tone is compressed by more than 15 dB");
    }

    @Test
    void clippingIsSymmetricSoOnlyOddHarmonicsAppear() {
        double amp = Math.pow(10, -20 / 20.0);
        float[] y = render(amp, 1000);
        double h1 = Spectrum.amplitude(y, SETTLE, WINDOW, 1000, RATE);
        double[] rel = new double[6];
        for (int k = 2; k <= 5; k++) {
            rel[k] = Spectrum.db(Spectrum.amplitude(y, SETTLE, WINDOW, 1000 * k, RATE) / h1);
            System.out.printf("-20 dBFS 1 kHz: H%d %7.1f dB%n", k, rel[k]);
        }
        assertTrue(rel[3] > -30, "third harmonic");
        assertTrue(rel[5] > -50, "fifth harmonic");
        assertTrue(rel[2] < -100 && rel[4] < -100, "no even harmonics");
    }

    @Test
    void toneFilterCutsTheHighs() {
        double amp = Math.pow(10, -50 / 20.0);
        double low = Spectrum.amplitude(render(amp, 1000), SETTLE, WINDOW, 1000, RATE);
        double high = Spectrum.amplitude(render(amp, 8000), SETTLE, WINDOW, 8000, RATE);
        System.out.printf("small signal: 8 kHz %.2f dB relative to 1 kHz%n", Spectrum.db(high / low));
        assertTrue(Spectrum.db(high / low) < -18);
    }

    @Test
    void smallSignalResponseHasAMidHump() {
        double amp = Math.pow(10, -50 / 20.0);
        double[] hz = {100, 200, 500, 1000, 2000, 3000, 4000, 6000, 8000, 12000};
        double ref = Spectrum.amplitude(render(amp, 1000), SETTLE, WINDOW, 1000, RATE);
        double best = 0;
        double bestHz = 0;
        for (double f : hz) {
            double a = Spectrum.amplitude(render(amp, f), SETTLE, WINDOW, f, RATE);
            System.out.printf("small signal %5.0f Hz: %6.2f dB re 1 kHz%n", f, Spectrum.db(a / ref));
            if (a > best) {
                best = a;
                bestHz = f;
            }
        }
        assertTrue(bestHz >= 1000 && bestHz <= 3000, "response peaks in the mids, not at " + bestHz);
        assertTrue(Spectrum.amplitude(render(amp, 100), SETTLE, WINDOW, 100, RATE) < ref / 2, "bass is kept out");
    }

    @Test
    void designFiltersMeasureAsDocumented() {
        double[] tone = DemoOverdrive.tone();
        double cutoff = 0;
        for (double f = 100; cutoff == 0; f += 1) {
            if (Spectrum.response(tone, f, RATE) < Math.pow(10, -3 / 20.0)) {
                cutoff = f;
            }
        }
        System.out.printf("tone filter: -3 dB at %.0f Hz, %.1f dB at 8 kHz%n", cutoff,
                Spectrum.db(Spectrum.response(tone, 8000, RATE)));
        assertEquals(DemoOverdrive.TONE_HZ, cutoff, 30);
        assertEquals(1.0, Spectrum.response(tone, 0, RATE), 1e-9, "unity at DC");

        double[] pre = DemoOverdrive.preEmphasis();
        double peak = 0;
        double peakHz = 0;
        for (double f = 10; f < RATE / 2.0; f += 10) {
            double g = Spectrum.response(pre, f, RATE);
            if (g > peak) {
                peak = g;
                peakHz = f;
            }
        }
        System.out.printf("pre-emphasis: peak at %.0f Hz, %.1f dB at 100 Hz, %.1f dB at 10 kHz%n", peakHz,
                Spectrum.db(Spectrum.response(pre, 100, RATE)), Spectrum.db(Spectrum.response(pre, 10000, RATE)));
        assertEquals(1.0, peak, 1e-9, "unit gain at the peak");
        assertTrue(peakHz > 1800 && peakHz < 2400, "peak at " + peakHz);
        assertTrue(Spectrum.response(pre, 100, RATE) < Math.pow(10, -15 / 20.0), "bass 15 dB down");
    }

    @Test
    void theBundledTakePeaksBetweenMinus6AndMinus3DbfsAtTheStatedLoudness() throws IOException {
        float[] di = readMono(SamplesFolder.find().resolve(GenerateSamples.DI));
        float[] y = new float[di.length];
        engine.reset();
        engine.process(di, 0, y, 0, di.length);
        double peak = 0;
        double sum = 0;
        for (float v : y) {
            peak = Math.max(peak, Math.abs(v));
            sum += (double) v * v;
        }
        double rmsDb = Spectrum.db(Math.sqrt(sum / y.length));
        System.out.printf("demo take through the pedal: peak %.2f dBFS, RMS %.2f dBFS%n", Spectrum.db(peak), rmsDb);
        assertTrue(Spectrum.db(peak) > -6 && Spectrum.db(peak) < -3, "peak " + Spectrum.db(peak));
        assertEquals(file.metadata().loudness(), rmsDb, 0.006);
    }

    static float[] readMono(Path wav) throws IOException {
        try (WavReader reader = WavReader.open(wav)) {
            assertEquals(1, reader.format().channels());
            float[][] x = new float[1][Math.toIntExact(reader.frames())];
            for (int done = 0; done < x[0].length; ) {
                done += reader.read(x, done, x[0].length - done);
            }
            return x[0];
        }
    }

    private static float[] render(double amp, double hz) {
        float[] x = new float[SETTLE + WINDOW];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (amp * Math.sin(2 * Math.PI * hz * n / RATE));
        }
        float[] y = new float[x.length];
        engine.reset();
        engine.process(x, 0, y, 0, x.length);
        return y;
    }
}
