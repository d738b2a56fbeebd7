package org.namcl.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;

/**
 * A soft-clipping overdrive pedal written directly as NAM WaveNet weights, no training. The
 * topology is the classic "clean + clipped mids" of a Tube-Screamer-style pedal:
 * <pre>
 *   y = S · tone( tanh(G · pre(x)) + M · x )
 * </pre>
 * mapped onto one layer array with two channels, one layer, Tanh, no gating:
 * <ul>
 *   <li><b>rechannel</b> (1→2): copies the input to both channels.</li>
 *   <li><b>layer 0 conv</b> (2→2, kernel {@value #PRE_TAPS}, dilation 1). Channel 0 ("drive") holds
 *       {@code G · pre}: the first {@value #PRE_TAPS} samples of the impulse response of a
 *       first-order high-pass at {@value #PRE_HIGH_PASS_HZ} Hz and a first-order low-pass at
 *       {@value #PRE_LOW_PASS_HZ} Hz (bilinear), scaled to unit gain at its peak (2.12 kHz; −16.4 dB
 *       at 100 Hz, −5.6 dB at 10 kHz; the truncation leaves −50 dB at DC). This is the mid boost
 *       before the clipper: bass stays out of the distortion, so low notes stay tight. Drive
 *       G = {@value #DRIVE} (+29.5 dB at the peak): a 2 kHz tone at −29.5 dBFS reaches tanh(1).
 *       Channel 1 ("clean") is one tap of ε = {@value #CLEAN_EPSILON} on the current sample, so its
 *       tanh sees at most ±ε and stays linear to 0.03 % (tanh u ≈ u − u³/3); the head undoes ε.</li>
 *   <li><b>activation</b> Tanh: the soft clipper, symmetric, so it adds odd harmonics only.</li>
 *   <li><b>input mixin, layer1x1, biases</b>: zero. The mixin would add the input a second time;
 *       layer1x1 only feeds the residual stream, which no later layer reads; without biases,
 *       silence in gives silence out.</li>
 *   <li><b>head rechannel</b> (2→1, kernel {@value #TONE_TAPS}, no bias): the tone filter, a
 *       second-order Butterworth low-pass at {@value #TONE_HZ} Hz (bilinear) truncated to
 *       {@value #TONE_TAPS} taps (the tail left out is 76 dB under the peak tap) and scaled to unity
 *       at DC: −3 dB at 2997 Hz, −18.6 dB at 8 kHz as measured on the taps. The same filter serves
 *       both channels; the clean one is weighted M / ε, clean mix M = {@value #CLEAN_MIX}.</li>
 *   <li><b>head_scale</b> S = {@value #OUTPUT_LEVEL}: the output level; the bundled DI take comes
 *       out peaking at −4.5 dBFS.</li>
 * </ul>
 * 333 weights, receptive field 95 samples (2 ms). {@code DemoOverdriveTest} measures the result.
 *
 * <p>{@code metadata.loudness} is NAM's trainer's measure, 20·log10 of the RMS of the output,
 * taken over the bundled DI take instead of the trainer's own loudness input, rendered by namcl's
 * CPU engine and rounded to 0.01 dB. Weights are written as decimals with 8 significant digits
 * (more than float32 holds), so the file's text does not depend on the JDK's float formatting.
 */
public final class DemoOverdrive {
    static final int SAMPLE_RATE = 48000;
    static final int PRE_TAPS = 64;
    static final double PRE_HIGH_PASS_HZ = 720;
    static final double PRE_LOW_PASS_HZ = 6000;
    static final double DRIVE = 30;
    static final double CLEAN_EPSILON = 0.03125;
    static final double CLEAN_MIX = 1.0;
    static final int TONE_TAPS = 32;
    static final double TONE_HZ = 3000;
    static final double OUTPUT_LEVEL = 0.4;

    private static final MathContext DIGITS = new MathContext(8, RoundingMode.HALF_EVEN);

    private DemoOverdrive() {
    }

    /** The model file's text; {@code di} is the take its loudness is measured on. */
    public static String json(float[] di) {
        ObjectNode model = model(null);
        double loudness = loudnessDb(engine(model.toString()), di);
        return write(model(new BigDecimal(loudness).setScale(2, RoundingMode.HALF_EVEN)));
    }

    private static WaveNetStreamer engine(String json) {
        return new WaveNetStreamer(NamLoader.parse(json, "namcl demo overdrive").resolve(WaveNet.class));
    }

    /** 20·log10 RMS of the model's output for {@code input}. */
    private static double loudnessDb(WaveNetStreamer engine, float[] input) {
        float[] out = new float[input.length];
        engine.process(input, 0, out, 0, input.length);
        double sum = 0;
        for (float y : out) {
            sum += (double) y * y;
        }
        return 20 * Math.log10(Math.sqrt(sum / out.length));
    }

    private static ObjectNode model(BigDecimal loudness) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode model = f.objectNode();
        model.put("version", "0.7.0");
        ObjectNode meta = model.putObject("metadata");
        meta.put("name", "namcl demo overdrive");
        meta.put("modeled_by", "namcl DemoOverdrive generator");
        meta.put("gear_type", "pedal");
        meta.put("tone_type", "overdrive");
        if (loudness != null) {
            meta.put("loudness", loudness);
        }
        model.put("architecture", "WaveNet");
        ObjectNode config = model.putObject("config");
        ObjectNode array = config.putArray("layers").addObject();
        array.put("input_size", 1);
        array.put("condition_size", 1);
        ObjectNode head = array.putObject("head");
        head.put("out_channels", 1);
        head.put("kernel_size", TONE_TAPS);
        head.put("bias", false);
        array.put("channels", 2);
        array.put("bottleneck", 2);
        array.putArray("kernel_sizes").add(PRE_TAPS);
        array.putArray("dilations").add(1);
        array.put("activation", "Tanh");
        array.put("gating_mode", "none");
        config.putNull("head");
        config.put("head_scale", decimal(OUTPUT_LEVEL));

        double[] w = weights();
        if (w.length != NamLoader.weightCount(config.toString())) {
            throw new IllegalStateException(w.length + " weights for a config that needs "
                    + NamLoader.weightCount(config.toString()));
        }
        ArrayNode weights = model.putArray("weights");
        for (double x : w) {
            weights.add(decimal(x));
        }
        model.put("sample_rate", SAMPLE_RATE);
        return model;
    }

    /** The flat weight list in NAM's order (see NAM-SPEC "Weight order"). */
    private static double[] weights() {
        double[] pre = preEmphasis();
        double[] tone = tone();
        double[] w = new double[2 + 4 * PRE_TAPS + 2 + 2 + 6 + 2 * TONE_TAPS + 1];
        int i = 0;
        w[i++] = 1; // rechannel: input to the drive channel
        w[i++] = 1; // and to the clean channel
        // conv, for out channel o, in channel c, tap k; tap K-1 is the current sample.
        for (int o = 0; o < 2; o++) {
            for (int c = 0; c < 2; c++) {
                for (int k = 0; k < PRE_TAPS; k++) {
                    int age = PRE_TAPS - 1 - k;
                    if (o == 0 && c == 0) {
                        w[i] = DRIVE * pre[age];
                    } else if (o == 1 && c == 1 && age == 0) {
                        w[i] = CLEAN_EPSILON;
                    }
                    i++;
                }
            }
        }
        i += 2 + 2 + 6; // conv bias, input mixin, layer1x1 weights and bias: all zero
        for (int c = 0; c < 2; c++) {
            double gain = c == 0 ? 1 : CLEAN_MIX / CLEAN_EPSILON;
            for (int k = 0; k < TONE_TAPS; k++) {
                w[i++] = gain * tone[TONE_TAPS - 1 - k];
            }
        }
        w[i] = OUTPUT_LEVEL; // the last weight is the head scale NAM uses
        return w;
    }

    /** The drive path's mid boost: high-pass then low-pass, unit gain at its peak. */
    static double[] preEmphasis() {
        double[] h = impulse(PRE_TAPS);
        onePole(h, PRE_HIGH_PASS_HZ, true);
        onePole(h, PRE_LOW_PASS_HZ, false);
        double peak = 0;
        for (double hz = 10; hz < SAMPLE_RATE / 2.0; hz += 10) {
            peak = Math.max(peak, magnitude(h, hz));
        }
        for (int n = 0; n < h.length; n++) {
            h[n] /= peak;
        }
        return h;
    }

    /** The tone filter: a second-order Butterworth low-pass, unity at DC. */
    static double[] tone() {
        double[] h = impulse(TONE_TAPS);
        double w0 = 2 * Math.PI * TONE_HZ / SAMPLE_RATE;
        double alpha = StrictMath.sin(w0) / Math.sqrt(2);
        double cos = StrictMath.cos(w0);
        double a0 = 1 + alpha;
        double b0 = (1 - cos) / 2 / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int n = 0; n < h.length; n++) {
            double y = b0 * (h[n] + 2 * x1 + x2) + 2 * cos / a0 * y1 - (1 - alpha) / a0 * y2;
            x2 = x1;
            x1 = h[n];
            y2 = y1;
            y1 = y;
            h[n] = y;
        }
        double dc = 0;
        for (double x : h) {
            dc += x;
        }
        for (int n = 0; n < h.length; n++) {
            h[n] /= dc;
        }
        return h;
    }

    /** |H(e^jω)| of an FIR at {@code hz}. */
    private static double magnitude(double[] h, double hz) {
        double w = 2 * Math.PI * hz / SAMPLE_RATE;
        double re = 0, im = 0;
        for (int n = 0; n < h.length; n++) {
            re += h[n] * StrictMath.cos(w * n);
            im -= h[n] * StrictMath.sin(w * n);
        }
        return Math.hypot(re, im);
    }

    private static double[] impulse(int n) {
        double[] h = new double[n];
        h[0] = 1;
        return h;
    }

    /** A first-order bilinear high- or low-pass applied in place. */
    private static void onePole(double[] x, double hz, boolean highPass) {
        double k = StrictMath.tan(Math.PI * hz / SAMPLE_RATE);
        double a1 = (k - 1) / (k + 1);
        double b0 = highPass ? 1 / (1 + k) : k / (1 + k);
        double b1 = highPass ? -b0 : b0;
        double x1 = 0, y1 = 0;
        for (int n = 0; n < x.length; n++) {
            double y = b0 * x[n] + b1 * x1 - a1 * y1;
            x1 = x[n];
            y1 = y;
            x[n] = y;
        }
    }

    private static BigDecimal decimal(double x) {
        return x == 0 ? BigDecimal.ZERO : new BigDecimal(x).round(DIGITS).stripTrailingZeros();
    }

    private static String write(ObjectNode model) {
        // Explicit "\n" so the file is the same on every platform.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JsonMapper.builder().build().writer(printer).writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
