package org.namcl.parity;

import org.namcl.engine.Engine;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.testing.EngineContract;

/** The OpenCL engine holds to the engine contract, within the shared tolerances. */
class OpenClEngineContractTest extends EngineContract {
    @Override
    protected Engine createEngine() {
        return new OpenClEngine(OpenClTestSupport.requireDevice());
    }

    @Override
    protected Engine createLongJobEngine(int samples) {
        return new OpenClEngine(OpenClTestSupport.requireDevice(), samples / 9);
    }

    @Override
    protected boolean exact() {
        return false;
    }
}
