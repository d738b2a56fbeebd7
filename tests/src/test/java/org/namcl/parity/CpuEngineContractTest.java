package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.namcl.cpu.CpuEngine;
import org.namcl.cpu.CpuPolicy;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.gen.RandomWaveNet;
import org.namcl.gen.TestSignals;
import org.namcl.testing.EngineContract;

/** The CPU engine holds to the engine contract, bit for bit. */
class CpuEngineContractTest extends EngineContract {
    @Override
    protected Engine createEngine() {
        return new CpuEngine(3);
    }

    @Override
    protected Engine createLongJobEngine(int samples) {
        return new CpuEngine(new CpuPolicy(2, samples / 7, samples / 23));
    }

    @Override
    protected boolean exact() {
        return true;
    }

    @Test
    void anErrorFromTheJobIteratorEndsTheRunOnceItsJobsAreDone() {
        float[] in = TestSignals.mixed(2000, 16);
        RenderJob job = new RenderJob(RandomWaveNet.load(3), ArraySignal.source(in),
                ArraySignal.sink(new float[in.length]), "taken");
        Iterator<RenderJob> jobs = new Iterator<>() {
            private boolean given;

            @Override
            public boolean hasNext() {
                if (given) {
                    throw new OutOfMemoryError("while making the next job");
                }
                return true;
            }

            @Override
            public RenderJob next() {
                given = true;
                return job;
            }
        };
        Map<Object, JobOutcome> outcomes = new ConcurrentHashMap<>();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(OutOfMemoryError.class,
                () -> engine().run(jobs, o -> outcomes.put(o.job().tag(), o))));

        assertInstanceOf(JobOutcome.Done.class, outcomes.get("taken"));
    }
}
