package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How (model, item) pairs become tasks. */
class WorkSplitTest {

    @Test
    void everyPairIsInExactlyOneUnitAndEachUnitHasOneModel() {
        long[] bytes = {5, 1, 9, 3, 3, 7, 2};
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(3, bytes, 4);

        Set<String> seen = new HashSet<>();
        for (List<WorkSplit.Unit> part : parts) {
            for (WorkSplit.Unit u : part) {
                for (int i : u.items()) {
                    assertTrue(seen.add(u.model() + "/" + i), "once: model " + u.model() + ", item " + i);
                }
            }
        }
        assertEquals(3 * bytes.length, seen.size());
        assertEquals(4, parts.size());
    }

    @Test
    void oneModelIsCutIntoAsManyUnitsAsPartitionsOfAboutEqualBytes() {
        long[] bytes = {10, 10, 10, 10, 20, 20};
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(1, bytes, 2);

        assertEquals(2, parts.size());
        for (List<WorkSplit.Unit> part : parts) {
            assertEquals(1, part.size());
            assertEquals(40, part.get(0).bytes(), Arrays.toString(part.get(0).items()));
        }
    }

    @Test
    void manyModelsKeepTheirItemsTogetherInOneUnitEach() {
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(10, new long[] {1, 2, 3}, 4);

        List<Integer> unitsPerPartition = new ArrayList<>();
        for (List<WorkSplit.Unit> part : parts) {
            unitsPerPartition.add(part.size());
            part.forEach(u -> assertEquals(3, u.items().length, "a model loaded once, for all its items"));
        }
        Collections.sort(unitsPerPartition);
        assertEquals(List.of(2, 2, 3, 3), unitsPerPartition);
    }

    @Test
    void neverMorePartitionsThanUnitsOfWork() {
        assertEquals(2, WorkSplit.split(1, new long[] {4, 4}, 8).size());
        assertEquals(List.of(), WorkSplit.split(2, new long[0], 8));
    }

    @Test
    void itemsKeepTheirOrderWithinAUnit() {
        List<List<WorkSplit.Unit>> parts = WorkSplit.split(1, new long[] {1, 9, 2, 8, 3, 7}, 2);

        for (List<WorkSplit.Unit> part : parts) {
            int[] items = part.get(0).items();
            int[] sorted = items.clone();
            Arrays.sort(sorted);
            assertEquals(Arrays.toString(sorted), Arrays.toString(items));
        }
    }
}
