package org.namcl.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.namcl.bench.ModelShape;
import org.namcl.engine.Engine;
import org.namcl.engine.Support;
import org.namcl.gen.RandomCoverage;
import org.namcl.gen.RandomWaveNet;
import org.namcl.gen.TestSignals;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;
import org.namcl.render.EngineChoice;
import org.namcl.render.Problems;

/**
 * {@code compare --qualify}: a built-in suite for a new device or driver, needing no files. The
 * seeded random WaveNets the tests use (together they exercise every feature) and the common
 * WaveNet sizes with random weights render a batch of stress signals (silence, impulses,
 * full-scale squares, DC, noise, sines, a sweep; short ones, so OpenCL packs them into shared
 * launches) on the baseline side and on each other side; OpenCL sides run twice, with chunks
 * shorter than the models' receptive fields and with chunks from device memory. A feature
 * passes when every model having it matches the baseline within the limits.
 */
public final class Qualification {
    /** Chunks shorter than the receptive field of every suite model with dilations past 256. */
    static final int SHORT_CHUNK = 256;

    /** One model of the suite and the features it exercises. */
    public record Case(String name, Network net, Set<String> features) {
    }

    /** One way of running a compared side. */
    public record Config(Side side, int chunk) {
        public String label() {
            return side.engine() == EngineChoice.CPU ? side.toString()
                    : side + (chunk == 0 ? " (chunks from device memory)" : " (chunks of " + chunk + ")");
        }
    }

    /** A case's outputs, or why there are none. */
    private record Rendered(float[][] outputs, String problem) {
    }

    /** A case on one configuration: null problem when it passes. */
    public record Outcome(Case model, Config config, String problem) {
    }

    private final List<Side> sides;
    private final Limits limits;
    private final int threads;

    /** @param sides the first is the baseline */
    public Qualification(List<Side> sides, Limits limits, int threads) {
        if (sides.size() < 2) {
            throw new IllegalArgumentException("qualifying needs a baseline and a side to qualify");
        }
        this.sides = List.copyOf(sides);
        this.limits = limits;
        this.threads = threads;
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int seed = 0; seed < RandomWaveNet.COVERING_SEEDS; seed++) {
            WaveNet net = RandomWaveNet.load(seed);
            cases.add(new Case("random WaveNet " + seed, net, RandomCoverage.of(List.of(net))));
        }
        for (ModelShape shape : ModelShape.values()) {
            if (!(shape.build(1).resolve() instanceof WaveNet net)) {
                continue; // the device engines run WaveNets; the other sizes are the CPU engine's alone
            }
            Set<String> features = new TreeSet<>(RandomCoverage.of(List.of(net)));
            features.add("shape " + shape.displayName());
            cases.add(new Case(shape.displayName(), net, features));
        }
        return cases;
    }

    /** The stress signals, each rendered from silence. */
    static List<float[]> signals() {
        return List.of(new float[5000], TestSignals.mixed(12_000, 1), TestSignals.sweep(24_000),
                TestSignals.mixed(120_000, 2));
    }

    /** Runs the suite; {@code say} hears one line per failing case. */
    public List<Outcome> run(Consumer<String> say) {
        List<Case> cases = cases();
        List<float[]> signals = signals();
        Map<Case, Rendered> baseline = new LinkedHashMap<>();
        try (Engine engine = sides.get(0).start(threads)) {
            for (Case c : cases) {
                baseline.put(c, render(engine, c, signals));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Side s : sides.subList(1, sides.size())) {
            List<Integer> chunks = s.engine() == EngineChoice.CPU ? List.of(0) : List.of(SHORT_CHUNK, 0);
            for (int chunk : chunks) {
                Config config = new Config(s, chunk);
                try (Engine engine = s.start(threads, chunk)) {
                    for (Case c : cases) {
                        Outcome o = new Outcome(c, config, judge(baseline.get(c), render(engine, c, signals)));
                        if (o.problem() != null) {
                            say.accept(c.name() + " on " + config.label() + ": " + o.problem());
                        }
                        outcomes.add(o);
                    }
                } catch (RuntimeException e) {
                    String why = "cannot start " + config.label() + ": " + Problems.describe(e);
                    say.accept(why);
                    cases.forEach(c -> outcomes.add(new Outcome(c, config, why)));
                }
            }
        }
        return outcomes;
    }

    private static Rendered render(Engine engine, Case c, List<float[]> signals) {
        Support support = engine.supports(c.net());
        if (!support.supported()) {
            return new Rendered(null, engine.name() + " cannot render it: " + support.problem());
        }
        try {
            return new Rendered(engine.renderAll(c.net(), signals), null);
        } catch (RuntimeException e) {
            return new Rendered(null, engine.name() + " failed: " + Problems.describe(e));
        }
    }

    private String judge(Rendered expected, Rendered actual) {
        if (expected.problem() != null) {
            return "the baseline: " + expected.problem();
        }
        if (actual.problem() != null) {
            return actual.problem();
        }
        float[][] b = expected.outputs();
        float[][] a = actual.outputs();
        for (int i = 0; i < b.length; i++) {
            SignalDifference d = new SignalDifference();
            d.add(new float[][] {b[i]}, 0, new float[][] {a[i]}, 0, 1, b[i].length);
            String v = limits.violation(d.result(b[i].length, a[i].length));
            if (v != null) {
                return "signal " + (i + 1) + " of " + b.length + ": " + v;
            }
        }
        return null;
    }

    /** Per feature and configuration: "pass (N models)" or "FAIL (names)". */
    public static Map<String, Map<String, String>> byFeature(List<Outcome> outcomes) {
        Map<String, Map<String, String>> table = new TreeMap<>();
        Map<String, Map<String, List<String>>> failed = new TreeMap<>();
        Map<String, Map<String, Integer>> counted = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (String f : o.model().features()) {
                counted.computeIfAbsent(f, k -> new LinkedHashMap<>()).merge(o.config().label(), 1, Integer::sum);
                List<String> names = failed.computeIfAbsent(f, k -> new LinkedHashMap<>())
                        .computeIfAbsent(o.config().label(), k -> new ArrayList<>());
                if (o.problem() != null) {
                    names.add(o.model().name());
                }
            }
        }
        counted.forEach((f, perConfig) -> perConfig.forEach((config, n) -> {
            List<String> names = failed.get(f).get(config);
            table.computeIfAbsent(f, k -> new LinkedHashMap<>()).put(config, names.isEmpty()
                    ? String.format(Locale.ROOT, "pass (%d %s)", n, n == 1 ? "model" : "models")
                    : "FAIL (" + String.join(", ", names) + ")");
        }));
        return table;
    }
}
