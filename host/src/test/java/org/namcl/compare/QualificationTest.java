package org.namcl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.namcl.gen.RandomCoverage;

/** The suite covers every feature, and a feature fails when any model having it fails. */
class QualificationTest {
    @Test
    void theSuiteUsesEveryFeatureOfTheRandomModels() {
        Set<String> used = new java.util.TreeSet<>();
        Qualification.cases().forEach(c -> used.addAll(c.features()));

        assertTrue(used.containsAll(RandomCoverage.all()), () -> "unused: "
                + RandomCoverage.all().stream().filter(f -> !used.contains(f)).toList());
    }

    @Test
    void aFeatureFailsWhenAnyModelHavingItFailsAndNamesIt() {
        Qualification.Config config = new Qualification.Config(Side.openCl("0"), 256);
        Qualification.Case a = new Qualification.Case("model a", null, Set.of("gating GATED", "head kernel"));
        Qualification.Case b = new Qualification.Case("model b", null, Set.of("gating GATED"));
        List<Qualification.Outcome> outcomes = List.of(new Qualification.Outcome(a, config, null),
                new Qualification.Outcome(b, config, "ESR too large"));

        Map<String, Map<String, String>> table = Qualification.byFeature(outcomes);

        assertEquals("FAIL (model b)", table.get("gating GATED").get(config.label()));
        assertEquals("pass (1 model)", table.get("head kernel").get(config.label()));
        assertEquals("opencl:0 (chunks of 256)", config.label());
    }

    @Test
    void theShortChunkIsShorterThanTheReceptiveFieldOfTheSuitesDeepModels() {
        long deep = Qualification.cases().stream()
                .filter(c -> ((org.namcl.model.net.WaveNet) c.net()).receptiveField() > Qualification.SHORT_CHUNK)
                .count();
        assertTrue(deep >= Qualification.cases().size() / 2, deep + " models have a receptive field past the chunk");
    }
}
