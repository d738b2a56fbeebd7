package org.namcl.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.namcl.cpu.CpuStreams;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.SignalSink;
import org.namcl.engine.SignalSource;
import org.namcl.engine.StreamRenderer;
import org.namcl.gen.RandomWaveNet;
import org.namcl.gen.TestSignals;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/**
 * What every engine must do, as tests: extend it with the engine to test, and the engine is held
 * to the streaming CPU engine (the reference) on block sizes, resets, batches of many signals
 * (packing), long signals (chunking), many models in one batch, and failures that stay with
 * their job. Engines whose results are bit-identical to the reference say so ({@link #exact}).
 * The models are random WaveNets unless a subclass gives others ({@link #createModels}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineContract {
    /** Seeds of random models with short receptive fields, kept quick on every engine. */
    private static final long[] SEEDS = {3, 5};

    private Engine engine;
    private final List<Network> models = new ArrayList<>();

    /** The engine under test, made once for the class. */
    protected abstract Engine createEngine();

    /** An engine whose chunks are far shorter than {@code samples}, so a long job spans many. */
    protected abstract Engine createLongJobEngine(int samples);

    /** Whether results must equal the streaming engine's bit for bit (else: within {@link Tolerance}). */
    protected abstract boolean exact();

    /** At least two models the engine runs, quick to render: random WaveNets of short receptive field. */
    protected List<Network> createModels() {
        List<Network> nets = new ArrayList<>();
        for (long seed : SEEDS) {
            nets.add(RandomWaveNet.load(seed));
        }
        return nets;
    }

    @BeforeAll
    void start() {
        engine = createEngine();
        models.addAll(createModels());
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    protected final Engine engine() {
        return engine;
    }

    /** The reference: the streaming CPU engine over the whole signal. */
    public static float[] reference(Network net, float[] in) {
        float[] out = new float[in.length];
        CpuStreams.open(net).process(in, out, in.length);
        return out;
    }

    private void assertRendered(String what, float[] expected, float[] actual) {
        if (exact()) {
            assertArrayEquals(expected, actual, what);
        } else {
            Tolerance.assertMatches(what, expected, actual);
        }
    }

    @Test
    void aStreamDoesNotDependOnItsBlocks() {
        for (Network net : models) {
            float[] in = TestSignals.mixed(20_000, 11);
            float[] expected = reference(net, in);
            for (int block : new int[] {1, 7, 64, 4096, in.length}) {
                float[] out = new float[in.length];
                try (StreamRenderer s = engine.open(net)) {
                    for (int at = 0; at < in.length; at += block) {
                        s.process(in, at, out, at, Math.min(block, in.length - at));
                    }
                }
                assertRendered("block " + block, expected, out);
            }
        }
    }

    @Test
    void aResetStreamStartsFromSilenceAgain() {
        Network net = models.get(0);
        float[] in = TestSignals.mixed(5000, 12);
        float[] first = new float[in.length];
        float[] again = new float[in.length];
        try (StreamRenderer s = engine.open(net)) {
            s.process(in, first, in.length);
            s.reset();
            s.process(in, again, in.length);
        }
        assertRendered("after reset", reference(net, in), again);
        assertArrayEquals(first, again, "the same stream twice");
    }

    @Test
    void eachJobOfABatchComesOutAsItsOwnStream() {
        Network net = models.get(1);
        List<float[][]> inputs = new ArrayList<>();
        int[] lengths = {0, 1, 2, 100, 777, 3000, 10_000, 33_333};
        for (int i = 0; i < lengths.length; i++) {
            int channels = 1 + i % 3;
            float[][] in = new float[channels][];
            for (int c = 0; c < channels; c++) {
                in[c] = TestSignals.mixed(lengths[i], 100 + 10L * i + c);
            }
            inputs.add(in);
        }
        List<float[][]> outs = runAll(engine, inputs.stream().map(in -> net).toList(), inputs);
        for (int i = 0; i < inputs.size(); i++) {
            for (int c = 0; c < inputs.get(i).length; c++) {
                assertRendered("job " + i + " channel " + c, reference(net, inputs.get(i)[c]), outs.get(i)[c]);
            }
        }
    }

    /** Longer than any engine packs whole (31 s at 48 kHz), so it streams through in parts. */
    @Test
    void aLongJobEqualsStreaming() {
        Network net = models.get(0);
        float[] in = TestSignals.mixed(31 * 48_000, 13);
        try (Engine chunked = createLongJobEngine(in.length)) {
            float[] out = runAll(chunked, List.of(net), List.<float[][]>of(new float[][] {in})).get(0)[0];
            assertRendered("long job", reference(net, in), out);
        }
    }

    @Test
    void oneBatchMayMixManyModels() {
        List<Network> order = new ArrayList<>();
        List<float[][]> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            order.add(models.get(i * 7 % 3 % models.size()));
            inputs.add(new float[][] {TestSignals.mixed(500 + 400 * i, 200 + i)});
        }
        List<float[][]> outs = runAll(engine, order, inputs);
        for (int i = 0; i < order.size(); i++) {
            assertRendered("job " + i, reference(order.get(i), inputs.get(i)[0]), outs.get(i)[0]);
        }
    }

    @Test
    void aFailingSourceOrSinkFailsItsJobAlone() {
        Network net = models.get(0);
        float[] in = TestSignals.mixed(6000, 14);
        SignalSource broken = new SignalSource() {
            private int reads;

            @Override
            public int channels() {
                return 1;
            }

            @Override
            public int read(float[][] dst, int off, int n) throws IOException {
                if (reads++ > 0) {
                    throw new IOException("truncated");
                }
                int m = Math.min(n, 100);
                System.arraycopy(in, 0, dst[0], off, m);
                return m;
            }
        };
        SignalSink full = (src, off, n) -> {
            throw new IOException("disk full");
        };
        float[] good = new float[in.length];
        List<RenderJob> jobs = List.of(
                new RenderJob(net, broken, ArraySignal.sink(new float[in.length]), "input"),
                new RenderJob(net, ArraySignal.source(in), full, "output"),
                new RenderJob(net, ArraySignal.source(in), ArraySignal.sink(good), "good"));
        Map<Object, JobOutcome> outcomes = run(engine, jobs.iterator());

        assertEquals(3, outcomes.size(), "one outcome per job");
        assertEquals(JobOutcome.Fault.INPUT, assertInstanceOf(JobOutcome.Failed.class, outcomes.get("input")).fault());
        assertEquals(JobOutcome.Fault.OUTPUT, assertInstanceOf(JobOutcome.Failed.class, outcomes.get("output")).fault());
        assertEquals(in.length, assertInstanceOf(JobOutcome.Done.class, outcomes.get("good")).frames());
        assertRendered("the good job", reference(net, in), good);
    }

    @Test
    void aJobTooLargeForMemoryFailsAloneAndTheOthersAreDone() {
        Network net = models.get(0);
        float[] in = TestSignals.mixed(3000, 15);
        // more channels than any array may hold: whatever the engine sizes from them cannot be allocated
        SignalSource huge = new SignalSource() {
            @Override
            public int channels() {
                return Integer.MAX_VALUE;
            }

            @Override
            public int read(float[][] dst, int off, int n) {
                return 0;
            }
        };
        float[] before = new float[in.length];
        float[] after = new float[in.length];
        List<RenderJob> jobs = List.of(
                new RenderJob(net, ArraySignal.source(in), ArraySignal.sink(before), "before"),
                new RenderJob(net, huge, ArraySignal.sink(new float[0]), "huge"),
                new RenderJob(net, ArraySignal.source(in), ArraySignal.sink(after), "after"));
        Map<Object, JobOutcome> outcomes = run(engine, jobs.iterator());

        assertEquals(3, outcomes.size(), "one outcome per job");
        assertInstanceOf(OutOfMemoryError.class, assertInstanceOf(JobOutcome.Failed.class, outcomes.get("huge")).cause());
        assertInstanceOf(JobOutcome.Done.class, outcomes.get("before"));
        assertInstanceOf(JobOutcome.Done.class, outcomes.get("after"));
        assertRendered("the job before", reference(net, in), before);
        assertRendered("the job after", reference(net, in), after);
    }

    /** Runs each input through its model as one batch; fails on any failed job. */
    public static List<float[][]> runAll(Engine engine, List<? extends Network> nets, List<float[][]> inputs) {
        List<float[][]> outs = new ArrayList<>();
        List<RenderJob> jobs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            float[][] in = inputs.get(i);
            float[][] out = new float[in.length][in[0].length];
            outs.add(out);
            jobs.add(new RenderJob(nets.get(i), ArraySignal.source(in), ArraySignal.sink(out), i));
        }
        Map<Object, JobOutcome> outcomes = run(engine, jobs.iterator());
        for (int i = 0; i < inputs.size(); i++) {
            JobOutcome o = outcomes.get(i);
            if (o instanceof JobOutcome.Failed f) {
                throw new AssertionError("job " + i + " failed: " + f.cause(), f.cause());
            }
            assertInstanceOf(JobOutcome.Done.class, o, "job " + i);
        }
        return outs;
    }

    /** Outcomes by job tag; fails if a job is told twice. */
    public static Map<Object, JobOutcome> run(Engine engine, Iterator<RenderJob> jobs) {
        Map<Object, JobOutcome> outcomes = new HashMap<>();
        engine.run(jobs, o -> {
            synchronized (outcomes) {
                if (outcomes.put(o.job().tag(), o) != null) {
                    throw new AssertionError("job " + o.job().tag() + " told twice");
                }
            }
        });
        return outcomes;
    }
}
