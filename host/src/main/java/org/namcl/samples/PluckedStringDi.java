package org.namcl.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic DI guitar take (9 s, mono, 48 kHz): a single-note line up the neck, an E major
 * down-strum and an A major up-strum, then a palm mute. Each string is an extended
 * Karplus–Strong loop (Jaffe and Smith): a delay line, a two-point average that damps the highs
 * a little more on every round trip, an allpass for the fractional part of the period, and a
 * loss factor that sets the decay time.
 *
 * <p>What makes it sound like a DI rather than a synth:
 * <ul>
 *   <li>the excitation is low-passed noise, brighter for a harder pick, with a comb notch for the
 *       pick position (18 % of the string from the bridge);</li>
 *   <li>a 2 ms high-passed noise click at each onset stands in for the pick scraping the string;</li>
 *   <li>the output is read as the difference of two points on the string (a bridge pickup at 22 %),
 *       then through the pickup's resonance with the cable (a 4.2 kHz, Q 1.6 low-pass peak);</li>
 *   <li>a string stops ringing when it is picked again, when the fretting hand lets go and at the
 *       final palm mute: its loop loss switches to a decay of a few tens of milliseconds;</li>
 *   <li>the take is scaled to a −6 dBFS peak, a usual interface level for a DI.</li>
 * </ul>
 *
 * <p>Deterministic: a seeded {@link Random} (its algorithm is specified) and {@link StrictMath}
 * throughout, so every JVM produces the same samples. They are rounded to the 24-bit grid, so a
 * 24-bit PCM file stores them exactly.
 */
public final class PluckedStringDi {
    public static final int SAMPLE_RATE = 48000;
    static final double SECONDS = 9.0;
    /** Peak of the take: −6 dBFS. */
    static final double PEAK = 0.5;

    private static final long SEED = 0x6e616d636cL;
    /** MIDI notes of the open strings, low E to high E. */
    private static final int[] OPEN_MIDI = {40, 45, 50, 55, 59, 64};
    private static final double PICK_POSITION = 0.18;
    private static final double PICKUP_POSITION = 0.22;
    private static final double PICKUP_RESONANCE_HZ = 4200;
    private static final double PICKUP_Q = 1.6;
    /** Decay (T60) once a string is damped by the hand, and when it is picked again. */
    private static final double DAMPED_T60 = 0.08;
    private static final double REPICK_T60 = 0.03;
    private static final double PALM_MUTE_TIME = 8.3;

    /** A pick stroke: onset and release in seconds ({@code release} may be cut short by a later note). */
    private record Note(double onset, double release, int string, int fret, double velocity) {
    }

    private PluckedStringDi() {
    }

    /** The take, on the 24-bit grid, peak −6 dBFS. */
    public static float[] synthesize() {
        int n = (int) (SECONDS * SAMPLE_RATE);
        double[] mix = new double[n];
        List<Note> score = score();
        Random rnd = new Random(SEED);
        for (int i = 0; i < score.size(); i++) {
            Note note = score.get(i);
            pluck(mix, note, dampedAt(score, i), rnd);
        }
        resonance(mix);
        double peak = 0;
        for (double x : mix) {
            peak = Math.max(peak, Math.abs(x));
        }
        float[] out = new float[n];
        double scale = PEAK / peak * (1 << 23);
        for (int i = 0; i < n; i++) {
            out[i] = (float) (Math.rint(mix[i] * scale) / (1 << 23));
        }
        return out;
    }

    private static List<Note> score() {
        List<Note> s = new ArrayList<>();
        // {string, fret}: E2 G2 A2 B2 D3 E3 G3 A3 B3 E4, quarter notes at 133 bpm, the last two ringing.
        int[][] line = {{0, 0}, {0, 3}, {1, 0}, {1, 2}, {2, 0}, {2, 2}, {3, 0}, {3, 2}, {4, 0}, {5, 0}};
        double t = 0.10;
        for (int i = 0; i < line.length; i++) {
            boolean ring = i >= line.length - 2;
            double velocity = i % 4 == 0 ? 0.95 : i % 2 == 0 ? 0.85 : 0.78; // accents on the beat
            s.add(new Note(t, ring ? Double.MAX_VALUE : t + 0.36, line[i][0], line[i][1], velocity));
            t += 0.45;
        }
        strum(s, 4.5, new int[]{0, 2, 2, 1, 0, 0}, true, 0.014, 1.0);
        strum(s, 6.5, new int[]{-1, 0, 2, 2, 2, 0}, false, 0.010, 0.8);
        return s;
    }

    /** A chord: strings in stroke order, {@code spacing} seconds apart; fret −1 is not played. */
    private static void strum(List<Note> s, double onset, int[] frets, boolean down, double spacing, double velocity) {
        int k = 0;
        for (int j = 0; j < 6; j++) {
            int string = down ? j : 5 - j;
            if (frets[string] >= 0) {
                // The pick slows and loses force as it crosses the strings.
                s.add(new Note(onset + k * spacing, Double.MAX_VALUE, string, frets[string], velocity * (1 - 0.05 * k)));
                k++;
            }
        }
    }

    /** When note {@code i} stops ringing freely, and how fast it then decays (T60, s): {time, t60}. */
    private static double[] dampedAt(List<Note> score, int i) {
        Note note = score.get(i);
        double[] at = {Math.min(note.release, PALM_MUTE_TIME), DAMPED_T60};
        for (int j = i + 1; j < score.size(); j++) {
            Note later = score.get(j);
            if (later.string == note.string && later.onset < at[0]) {
                at[0] = later.onset;
                at[1] = REPICK_T60;
                break;
            }
        }
        return at;
    }

    private static void pluck(double[] mix, Note note, double[] damped, Random rnd) {
        double f0 = 440 * StrictMath.pow(2, (OPEN_MIDI[note.string] + note.fret - 69) / 12.0);
        double period = SAMPLE_RATE / f0;
        // Loop delay = delay line + 0.5 (two-point average) + allpass delay in [0.1, 1.1).
        int lineLength = (int) Math.floor(period - 0.6);
        double frac = period - 0.5 - lineLength;
        double apCoeff = (1 - frac) / (1 + frac);
        // Lower strings ring longer: T60 of 7 s for low E down to 3 s for high E.
        double t60 = 7.0 - 0.8 * note.string;
        double ringing = roundTripGain(period, t60);
        double stopped = roundTripGain(period, damped[1]);

        double[] excitation = excitation(period, note.velocity, rnd);
        int pickupTap = (int) Math.round(PICKUP_POSITION * period);
        double[] string = new double[lineLength + 2]; // s[n-1-lineLength] .. s[n], circular
        int start = (int) Math.round(note.onset * SAMPLE_RATE);
        int stop = (int) Math.round(damped[0] * SAMPLE_RATE);
        int end = Math.min(mix.length, stop + (int) (2 * damped[1] * SAMPLE_RATE));
        double apIn = 0;
        double apOut = 0;
        int size = string.length;
        for (int n = start, w = 0; n < end; n++, w = (w + 1) % size) {
            double avg = 0.5 * (string[(w + 1) % size] + string[(w + 2) % size]);
            apOut = apCoeff * avg + apIn - apCoeff * apOut;
            apIn = avg;
            int k = n - start;
            double s = (n < stop ? ringing : stopped) * apOut + (k < excitation.length ? excitation[k] : 0);
            string[w] = s;
            mix[n] += s - string[(w - pickupTap + size) % size];
        }
        pickClick(mix, start, note.velocity, rnd);
    }

    private static double roundTripGain(double period, double t60) {
        return StrictMath.pow(10, -3 * period / (t60 * SAMPLE_RATE));
    }

    /**
     * One period of the loop's starting content: noise through two one-pole low-passes, notched at
     * the pick position. The first, at four times the fundamental, gives the 1/n harmonic roll-off
     * of a plucked string; the second is the pick's hardness (1.5 kHz, up to 3.5 kHz for the
     * hardest stroke). Filtered as a periodic signal so the loop holds no step where it wraps.
     */
    private static double[] excitation(double period, double velocity, Random rnd) {
        int len = (int) Math.round(period);
        double[] e = new double[len];
        for (int i = 0; i < len; i++) {
            e[i] = 2 * rnd.nextDouble() - 1;
        }
        periodicLowPass(e, 4.0 * SAMPLE_RATE / period);
        periodicLowPass(e, 1500 + 2000 * velocity);
        int notch = Math.max(1, (int) Math.round(PICK_POSITION * len));
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            // A circular difference: it sums to zero, so the loop starts without DC.
            out[i] = velocity * (e[i] - e[(i - notch + len) % len]);
        }
        return out;
    }

    /** A one-pole low-pass in steady state on a periodic signal, one period given, in place. */
    private static void periodicLowPass(double[] x, double hz) {
        double pole = StrictMath.exp(-2 * Math.PI * hz / SAMPLE_RATE);
        double y = 0;
        // The first pass only settles the filter; the second writes the output.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < x.length; i++) {
                y = (1 - pole) * x[i] + pole * y;
                if (pass == 1) {
                    x[i] = y;
                }
            }
        }
    }

    /** The pick leaving the string: 2 ms of differentiated noise, about 20 dB under the note. */
    private static void pickClick(double[] mix, int start, double velocity, Random rnd) {
        int len = SAMPLE_RATE / 500;
        double previous = 0;
        for (int i = 0; i < len && start + i < mix.length; i++) {
            double noise = 2 * rnd.nextDouble() - 1;
            double envelope = StrictMath.exp(-i / (0.0004 * SAMPLE_RATE));
            mix[start + i] += 0.25 * velocity * envelope * (noise - previous);
            previous = noise;
        }
    }

    /** The pickup's inductance resonating with the cable capacitance: an RBJ low-pass with a peak. */
    private static void resonance(double[] x) {
        double w0 = 2 * Math.PI * PICKUP_RESONANCE_HZ / SAMPLE_RATE;
        double alpha = StrictMath.sin(w0) / (2 * PICKUP_Q);
        double cos = StrictMath.cos(w0);
        double a0 = 1 + alpha;
        double b0 = (1 - cos) / 2 / a0;
        double b1 = (1 - cos) / a0;
        double a1 = -2 * cos / a0;
        double a2 = (1 - alpha) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double y = b0 * (x[i] + x2) + b1 * x1 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            x[i] = y;
        }
    }
}
