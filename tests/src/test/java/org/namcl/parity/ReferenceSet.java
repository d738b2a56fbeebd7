package org.namcl.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference renders: the generated ones bundled in test resources (trimmed by
 * scripts/import-reference.sh) and the public ones read from ../shared/reference at run time.
 */
public final class ReferenceSet {
    private ReferenceSet() {
    }

    /** One (model, variant, signal) row of a MANIFEST.tsv. */
    public record Case(Path root, String model, String variant, String slim, String signal, String scope,
                       String output) {
        public Path modelPath() {
            return root.resolve(model);
        }

        /** NaN for the default variant. */
        public double slimValue() {
            return slim.isEmpty() ? Double.NaN : Double.parseDouble(slim);
        }

        public float[] input() {
            return readF32(root.resolve("signals").resolve(signal + ".f32"));
        }

        public float[] expected() {
            return readF32(root.resolve(output));
        }

        @Override
        public String toString() {
            return model.replaceFirst(".*/", "") + " " + variant + " " + signal;
        }
    }

    /** The bundled generated set (models, trimmed signals and outputs). */
    public static Path bundled() {
        try {
            return Path.of(ReferenceSet.class.getResource("/reference/MANIFEST.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ../shared/reference: required under CI=true; elsewhere a missing folder skips the test
     * with a message naming it.
     */
    public static Path shared() {
        String configured = System.getProperty("namcl.shared", System.getenv().getOrDefault("NAMCL_SHARED", "../shared"));
        Path p = Path.of(configured).resolve("reference").toAbsolutePath().normalize();
        if (!Files.isRegularFile(p.resolve("MANIFEST.tsv"))) {
            String msg = "reference folder " + p + " is missing (set NAMCL_SHARED to the shared folder)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }

    /** Every bundled case of scope "wavenet" (generated models). */
    public static List<Case> bundledWaveNetCases() {
        return nonEmpty(cases(bundled(), k -> k.scope().equals("wavenet")), "bundled");
    }

    /** Every public case of scope "wavenet", read from ../shared (see {@link #shared()}). */
    public static List<Case> publicWaveNetCases() {
        return nonEmpty(cases(shared(), k -> k.scope().equals("wavenet") && k.model().startsWith("public/")), "public");
    }

    /** Every bundled case of scope "other" (the generated ConvNets). */
    public static List<Case> bundledOtherCases() {
        return nonEmpty(cases(bundled(), k -> k.scope().equals("other")), "bundled other");
    }

    /** Every public case of scope "other" (LSTM, Linear, containers holding them), read from ../shared. */
    public static List<Case> publicOtherCases() {
        return nonEmpty(cases(shared(), k -> k.scope().equals("other") && k.model().startsWith("public/")),
                "public other");
    }

    private static List<Case> nonEmpty(List<Case> cases, String which) {
        if (cases.isEmpty()) {
            throw new AssertionError("no " + which + " reference cases");
        }
        return cases;
    }

    public static List<Case> cases(Path root, Predicate<Case> filter) {
        List<Case> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split("\t", -1);
                Case k = new Case(root, c[0], c[1], c[2], c[3], c[6], c[8]);
                if (filter.test(k)) {
                    out.add(k);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static float[] readF32(Path p) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
