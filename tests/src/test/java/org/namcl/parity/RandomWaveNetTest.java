package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.namcl.model.net.WaveNet;
import org.namcl.gen.RandomCoverage;
import org.namcl.gen.RandomWaveNet;

/** The random model generator itself (needs no device). */
class RandomWaveNetTest {

    @Test
    void coveringSeedsExerciseEveryFeature() {
        List<WaveNet> nets = LongStream.range(0, RandomWaveNet.COVERING_SEEDS).mapToObj(RandomWaveNet::load).toList();
        Set<String> missing = RandomCoverage.all();
        missing.removeAll(RandomCoverage.of(nets));
        assertTrue(missing.isEmpty(), "no covering random model has: " + missing);
    }

    @Test
    void manySeedsLoad() {
        for (long seed = 0; seed < 300; seed++) {
            RandomWaveNet.load(seed); // throws if the loader rejects it (shape rules, weight count)
        }
    }

    @Test
    void sameSeedSameModel() {
        assertEquals(RandomWaveNet.json(42), RandomWaveNet.json(42));
    }
}
