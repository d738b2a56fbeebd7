package org.namcl.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * NAM's standard v3 training input, and what its trainer does with a reamp of it: the latency
 * from the response to two blips, and the validation split, so a score can be set beside the
 * {@code validation_esr} a model file carries.
 */
public final class NamV3 {
    /** The MD5 of the v3 input file, as NAM's trainer recognises it. */
    public static final String MD5 = "36cd1af62985c2fac3e654333e36431e";
    public static final int RATE = 48_000;
    /** Where the blips are, in DI samples. */
    static final int[] BLIPS = {504_000, 552_000};
    /** The interval whose loudest sample sets the background level. */
    static final int BACKGROUND_START = 492_000;
    static final int BACKGROUND_END = 498_000;
    static final double ABS_THRESHOLD = 0.0003;
    static final double REL_THRESHOLD = 0.001;
    /** The scan around each blip: from this many samples before it to {@link #LOOKBACK} after. */
    static final int LOOKAHEAD = 1_000;
    static final int LOOKBACK = 10_000;
    /** The trainer's margin: it takes the latency one sample short of the trigger. */
    static final int SAFETY = 1;
    /** The validation split: the last this many samples. */
    public static final int VALIDATION = 432_000;

    private NamV3() {
    }

    /** Whether {@code di} is the v3 input file itself (its MD5). */
    public static boolean isStandardInput(Path di) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(di)) {
            for (int k; (k = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, k);
            }
        }
        return HexFormat.of().formatHex(md5.digest()).equals(MD5);
    }

    /** Why a DI cannot be read as laid out like v3, or null when it can. */
    static String layoutProblem(int diLength, int rate) {
        if (rate != RATE) {
            return "a NAM v3 input is at " + RATE + " Hz, this one at " + rate + " Hz";
        }
        int needed = Math.max(BLIPS[1] + LOOKBACK, BLIPS[0]) + VALIDATION;
        return diLength < needed ? "a NAM v3 input has its blips at samples " + BLIPS[0] + " and " + BLIPS[1]
                + " and ends with " + VALIDATION + " samples of validation data: at least " + needed
                + " samples, this one has " + diLength : null;
    }

    /**
     * The trainer's latency from the target: the scans around the blips are averaged, and the
     * latency is where the average first exceeds max(background + 0.0003, 1.001 x background),
     * less the safety margin.
     *
     * @throws EvalException when nothing crosses the trigger (the reamp has no blips)
     */
    static int latency(Recording target) {
        float[] t = target.samples();
        if (t.length < BLIPS[1] + LOOKBACK) {
            throw new EvalException(target.file() + ": too short for NAM v3's blips (" + t.length + " samples)");
        }
        double background = 0;
        for (int i = BACKGROUND_START; i < BACKGROUND_END; i++) {
            background = Math.max(background, Math.abs(t[i]));
        }
        double trigger = Math.max(background + ABS_THRESHOLD, (1 + REL_THRESHOLD) * background);
        for (int k = 0; k < LOOKAHEAD + LOOKBACK; k++) {
            double sum = 0;
            for (int blip : BLIPS) {
                sum += t[blip - LOOKAHEAD + k];
            }
            if (Math.abs(sum / BLIPS.length) > trigger) {
                return k - LOOKAHEAD - SAFETY;
            }
        }
        throw new EvalException(target.file() + ": no response to NAM v3's blips (at samples " + BLIPS[0] + " and "
                + BLIPS[1] + ") crosses the trigger level of " + trigger + "; give the latency with --latency N");
    }

    /**
     * The output samples [from, to) the trainer validates on: the last {@link #VALIDATION} DI
     * samples, shifted by the latency as the trainer shifts them, less the first RF - 1 (the
     * trainer's model sees only the split, so its first output needs RF samples of it).
     */
    static int[] validation(int diLength, int latency, int receptiveField) {
        int from = diLength - VALIDATION + Math.max(0, -latency) + receptiveField - 1;
        int to = diLength - Math.max(0, latency);
        return new int[] {from, to};
    }
}
