package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.gen.RandomWaveNet;
import org.namcl.gen.TestSignals;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClSettings;
import org.namcl.opencl.OpenClSettings.Fusion;
import org.namcl.opencl.OpenClSettings.Weights;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.opencl.PlanSummary;
import org.namcl.testing.Tolerance;

/**
 * The plans the device does not choose by itself, forced on small models so every device runs
 * them (OpenClEquivalenceTest covers the plan the device chooses): weights in __global memory,
 * and layers fused through local memory as the planner fuses them where fusion pays, and as far as
 * local memory allows, with large tiles and with tiles shorter than their halo:
 * each on the random models that cover every feature (dilations up to 1024 among them), the
 * fused plan also over the reference models, each against the CPU engine within {@link Tolerance}.
 */
class OpenClPlansTest {
    enum Plan {
        GLOBAL_WEIGHTS(OpenClSettings.defaults().withWeights(Weights.GLOBAL).withFusion(Fusion.PER_LAYER)),
        FUSED(OpenClSettings.defaults().withFusion(Fusion.FUSED)),
        /** Whole layer arrays in one launch where local memory allows: halos of thousands of positions. */
        MAXIMAL(OpenClSettings.defaults().withFusion(Fusion.MAXIMAL)),
        /** Tiles of 32 positions: most halos are longer, so neighbours' positions are recomputed many times over. */
        MAXIMAL_SMALL_TILES(OpenClSettings.defaults().withFusion(Fusion.MAXIMAL).withMaxTile(32)),
        FUSED_GLOBAL_WEIGHTS(OpenClSettings.defaults().withFusion(Fusion.FUSED).withWeights(Weights.GLOBAL));

        final OpenClSettings settings;

        Plan(OpenClSettings settings) {
            this.settings = settings;
        }
    }

    private static final Map<Plan, OpenClEngine> ENGINES = new EnumMap<>(Plan.class);
    private static DeviceInfo device;

    @BeforeAll
    static void open() {
        device = OpenClTestSupport.requireDevice();
    }

    @AfterAll
    static void close() {
        ENGINES.values().forEach(OpenClEngine::close);
    }

    /** Engines cache weights per network instance: load each model once. */
    private static final Map<Long, WaveNet> UNIFORM = new HashMap<>();

    static Stream<Arguments> planAndSeed() {
        return Stream.of(Plan.values()).flatMap(p -> LongStream.range(0, RandomWaveNet.COVERING_SEEDS)
                .mapToObj(seed -> Arguments.of(p, seed)));
    }

    /** The fused plan over the reference models (the other plans' kernels are the per-layer or fused ones). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#bundledWaveNetCases")
    void bundledModelsMatchCpuAndReferenceFused(ReferenceSet.Case c) {
        OpenClEquivalenceTest.checkReference(engine(Plan.FUSED), c, OpenClEquivalenceTest.BIG_MODEL_SAMPLES);
    }

    /**
     * The per-layer plan on the models covering every feature; the fused plans on random models
     * whose arrays are runs of alike layers (every feature, dilations up to 1024, across seeds).
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("planAndSeed")
    void randomModelsMatchCpu(Plan plan, long seed) {
        boolean fused = plan.settings.fusion() != Fusion.PER_LAYER;
        WaveNet net = fused ? uniform(seed) : OpenClEquivalenceTest.random(seed);
        float[] in = TestSignals.mixed(6000 + net.receptiveField(), seed);
        OpenClEngine e = engine(plan);
        Tolerance.assertMatches(plan + ", random model " + seed + " (RF " + net.receptiveField() + ", "
                + e.plan(net).describe() + ")", OpenClEquivalenceTest.cpu(net, in), e.render(net, in));
        assertPlanIsForced(plan, e.plan(net));
    }

    /** Device chunks far shorter than the fused launches' halos: every tile reaches back into the chunk's start. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Plan.class, names = {"MAXIMAL", "MAXIMAL_SMALL_TILES"})
    void chunksShorterThanTheHalo(Plan plan) {
        try (OpenClEngine chunked = new OpenClEngine(device, plan.settings.withChunkLength(300))) {
            for (WaveNet net : new WaveNet[] {OpenClEquivalenceTest.standard(), uniform(0)}) {
                float[] in = TestSignals.mixed(2000, 11);
                Tolerance.assertMatches(plan + ", chunk 300, RF " + net.receptiveField(),
                        OpenClEquivalenceTest.cpu(net, in), chunked.render(net, in));
                assertPlanIsForced(plan, chunked.plan(net));
            }
        }
    }

    /** The standard model fuses on every device: its layers share a shape within each array. */
    @Test
    void standardModelFusesItsLayers() {
        PlanSummary p = engine(Plan.FUSED).plan(OpenClEquivalenceTest.standard());
        assertEquals(20, p.layers());
        assertTrue(p.fusedLaunches() >= 2 && p.fusedLayers() >= 4, p.describe());
        assertTrue(p.bytesPerSample() < p.perLayerBytesPerSample(), p.bytesPerSample() + " vs per layer "
                + p.perLayerBytesPerSample());
    }

    private static void assertPlanIsForced(Plan plan, PlanSummary p) {
        if (plan.settings.weights() == Weights.GLOBAL) {
            assertEquals(p.launches(), p.globalWeightLaunches(), "every launch's weights in __global");
        }
        if (plan.settings.fusion() == Fusion.PER_LAYER) {
            assertEquals(0, p.fusedLayers(), p.describe());
        } else if (device.localMemBytes() >= 1 << 20) {
            // PoCL's 1 MiB fits a fused run of each of these models; a GPU's 48-228 KiB may not
            assertTrue(p.fusedLayers() > 0, p.describe());
        }
    }

    private static synchronized WaveNet uniform(long seed) {
        return UNIFORM.computeIfAbsent(seed, RandomWaveNet::loadUniformLayers);
    }

    private static synchronized OpenClEngine engine(Plan plan) {
        return ENGINES.computeIfAbsent(plan, p -> new OpenClEngine(device, p.settings));
    }
}
