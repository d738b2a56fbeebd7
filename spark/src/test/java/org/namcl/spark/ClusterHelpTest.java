package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** namcl cluster's help reads as namcl's own: {@code -o OUTDIR}, not picocli's {@code -o=OUTDIR}. */
class ClusterHelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"render", "eval"})
    void usageShowsEveryValueAfterASpace(String command) {
        TestSpark.Result r = TestSpark.cluster(command, "--help");

        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().matches("(?s).*-[a-z-]+=[A-Za-z].*"), r::toString);
        assertTrue(r.out().contains("--master URL"), r::toString);
    }
}
