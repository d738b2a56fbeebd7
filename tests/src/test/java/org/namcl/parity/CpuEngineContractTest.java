package org.namcl.parity;

import org.namcl.cpu.CpuEngine;
import org.namcl.cpu.CpuPolicy;
import org.namcl.engine.Engine;
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
}
