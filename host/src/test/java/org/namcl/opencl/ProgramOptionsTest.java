package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Needs no device. */
class ProgramOptionsTest {

    @Test
    void definesFollowTheBaseOptionsSortedByName() {
        assertEquals("-cl-std=CL1.2 -w", ProgramBuilder.options(Map.of()));
        assertEquals("-cl-std=CL1.2 -w -DA=1 -DB=2.0f", ProgramBuilder.options(Map.of("B", "2.0f", "A", 1)));
    }

    @Test
    void rejectsDefinesThatWouldBreakTheOptionString() {
        assertThrows(IllegalArgumentException.class, () -> ProgramBuilder.options(Map.of("A B", 1)));
        assertThrows(IllegalArgumentException.class, () -> ProgramBuilder.options(Map.of("A", "1 -DB=2")));
        assertThrows(IllegalArgumentException.class, () -> ProgramBuilder.options(Map.of("A", "")));
    }
}
