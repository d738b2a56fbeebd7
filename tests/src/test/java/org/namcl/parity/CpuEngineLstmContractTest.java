package org.namcl.parity;

import java.util.List;
import org.namcl.model.net.Network;
import org.namcl.testing.RandomNetworks;

/** The CPU engine holds to the engine contract on LSTMs (one and two layers), bit for bit: a job is never split. */
class CpuEngineLstmContractTest extends CpuEngineContractTest {
    @Override
    protected List<Network> createModels() {
        return List.of(RandomNetworks.load(RandomNetworks.lstm(1, 1, 8)),
                RandomNetworks.load(RandomNetworks.lstm(2, 2, 5)));
    }
}
