package org.namcl.parity;

import java.util.List;
import org.namcl.model.net.Network;
import org.namcl.testing.RandomNetworks;

/** The CPU engine holds to the engine contract on Linear models (with and without bias), bit for bit. */
class CpuEngineLinearContractTest extends CpuEngineContractTest {
    @Override
    protected List<Network> createModels() {
        return List.of(RandomNetworks.load(RandomNetworks.linear(1, 301, true)),
                RandomNetworks.load(RandomNetworks.linear(2, 64, false)));
    }
}
