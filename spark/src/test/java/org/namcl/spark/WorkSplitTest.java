package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How (model, item) pairs become tasks. */
class WorkSplitTest {

    @Test
    void everyPairIsInExactlyOneUnitAndATaskLoadsEachModelOnce() {
        long[] bytes = {5, 1, 9, 3, 3, 7, 2};
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(new long[] {4, 1, 2}, bytes, 4);

        Set<String> seen = new HashSet<>();
        for (List<WorkSplit.Unit> part : parts) {
            Set<Integer> models = new HashSet<>();
            for (WorkSplit.Unit u : part) {
                assertTrue(models.add(u.model()), "model " + u.model() + " once in its task");
                for (int i : u.items()) {
                    assertTrue(seen.add(u.model() + "/" + i), "once: model " + u.model() + ", item " + i);
                }
            }
        }
        assertEquals(3 * bytes.length, seen.size());
        assertEquals(4, parts.size());
    }

    @Test
    void oneModelIsCutIntoRunsOfEqualBytes() {
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(new long[] {1}, new long[] {10, 10, 10, 10, 20, 20}, 2);

        assertEquals(2, parts.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, parts.get(0).get(0).items(), "40 bytes");
        assertArrayEquals(new int[] {4, 5}, parts.get(1).get(0).items(), "40 bytes");
    }

    @Test
    void aModelThatCostsMoreGetsMoreTasksOfItsOwn() {
        // model 0 weighs 9 per item, model 1 weighs 1: 36 against 4, in two tasks of 20
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(new long[] {9, 1}, new long[] {1, 1, 1, 1}, 2);

        assertEquals(1, parts.get(0).size());
        assertEquals(0, parts.get(0).get(0).model());
        assertArrayEquals(new int[] {0, 1}, parts.get(0).get(0).items());
        assertEquals(2, parts.get(1).size());
        assertArrayEquals(new int[] {2, 3}, parts.get(1).get(0).items());
        assertEquals(1, parts.get(1).get(1).model());
        assertArrayEquals(new int[] {0, 1, 2, 3}, parts.get(1).get(1).items());
    }

    @Test
    void withManyModelsEachIsLoadedByAtMostTwoTasks() {
        long[] models = new long[10];
        java.util.Arrays.fill(models, 5);
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(models, new long[] {1, 2, 3}, 4);

        Map<Integer, Integer> tasksPerModel = new HashMap<>();
        for (List<WorkSplit.Unit> part : parts) {
            part.forEach(u -> tasksPerModel.merge(u.model(), 1, Integer::sum));
        }
        assertEquals(4, parts.size());
        assertEquals(10, tasksPerModel.size());
        tasksPerModel.values().forEach(n -> assertTrue(n <= 2, tasksPerModel::toString));
    }

    @Test
    void neverMorePartitionsThanPairs() {
        assertEquals(2, WorkSplit.split(new long[] {1}, new long[] {4, 4}, 8).size());
        assertEquals(List.of(), WorkSplit.split(new long[] {1, 1}, new long[0], 8));
    }
}
