package org.namcl.parity;

import java.util.List;
import org.namcl.model.net.Network;
import org.namcl.testing.RandomNetworks;

/** The CPU engine holds to the engine contract on ConvNets (batch norm on and off), bit for bit. */
class CpuEngineConvNetContractTest extends CpuEngineContractTest {
    @Override
    protected List<Network> createModels() {
        return List.of(RandomNetworks.load(RandomNetworks.convNet(1, 4, new int[] {1, 2, 4, 8, 16}, true, "Tanh")),
                RandomNetworks.load(RandomNetworks.convNet(2, 3, new int[] {1, 3, 9, 27}, false, "ReLU")));
    }
}
