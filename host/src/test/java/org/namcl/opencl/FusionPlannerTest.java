package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namcl.model.net.Layer;
import org.namcl.opencl.FusionPlanner.Group;
import org.namcl.opencl.OpenClSettings.Fusion;

/** Needs no device: the planner works from the local memory size it is given. */
class FusionPlannerTest {
    private static final long LOCAL_48K = 48 * 1024;
    private final List<Layer> standardArray0 = new TestNets(1).standard().arrays().get(0).layers();

    @Test
    void fusesWhileTheRecomputedShareStaysSmall() {
        // half of 48 KiB = 6144 floats; a position takes 2 x 16 residual + 1 condition (+ halo) and 16 head floats.
        // dilations 1, 2, 4, 8 (kernel 3): halo 30, tile (6144 - 33 x 30) / 49 = 105 -> 96 (aligned to 32),
        // recomputed (28 + 24 + 16) / (4 x 96) = 18%; adding dilation 16: halo 62, tile 64, (60+56+48+32)/(5 x 64) = 61%
        List<Group> groups = planner(LOCAL_48K, Fusion.AUTO, true).plan(standardArray0);
        List<Group> expected = new ArrayList<>(List.of(new Group(0, 4, 96, 30)));
        for (int i = 4; i < 10; i++) {
            expected.add(new Group(i, 1, 0, 0)); // 16 + 32: halo 96 leaves a 32 tile, recomputing 100%
        }
        assertEquals(expected, groups);
    }

    @Test
    void maximalFusionIgnoresTheHaloCost() {
        // 1 MiB: 131072 floats; the whole array's halo is 2 x 1023 = 2046: tile (131072 - 33 x 2046) / 49 = 1297 -> 1280
        assertEquals(List.of(new Group(0, 10, 1280, 2046)), planner(1 << 20, Fusion.MAXIMAL, false).plan(standardArray0));
    }

    @Test
    void capsOnTileAndLayersAreKept() {
        OpenClSettings s = OpenClSettings.defaults().withFusion(Fusion.MAXIMAL).withMaxTile(100).withMaxLayers(4);
        List<Group> groups = new FusionPlanner(1 << 20, false, s).plan(standardArray0);
        // runs of 4, 4 and 2 layers: halos 2 x (1+2+4+8), 2 x (16+32+64+128), 2 x (256+512); tiles 96
        assertEquals(List.of(new Group(0, 4, 96, 30), new Group(4, 4, 96, 480), new Group(8, 2, 96, 1536)), groups);
    }

    @Test
    void perLayerWhereFusionDoesNotPayOrIsOffOrNothingFits() {
        List<Group> singles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            singles.add(new Group(i, 1, 0, 0));
        }
        assertEquals(singles, planner(LOCAL_48K, Fusion.AUTO, false).plan(standardArray0));
        assertEquals(singles, planner(LOCAL_48K, Fusion.PER_LAYER, true).plan(standardArray0));
        // 4 KiB: 512 floats, less than 49 x 32 for the smallest tile
        assertEquals(singles, planner(4096, Fusion.MAXIMAL, true).plan(standardArray0));
    }

    @Test
    void layersOfDifferentShapesAreNeverFused() {
        TestNets t = new TestNets(2);
        List<Layer> layers = new ArrayList<>(t.array(1, 1, 4, 1, 3, 1, 2).layers());
        layers.addAll(t.array(1, 1, 6, 1, 3, 4, 8).layers());
        List<Group> groups = planner(1 << 20, Fusion.MAXIMAL, true).plan(layers);
        assertEquals(2, groups.size());
        assertEquals(new Group(0, 2, 2048, 6), groups.get(0));
        assertEquals(new Group(2, 2, 2048, 24), groups.get(1));
    }

    private static FusionPlanner planner(long localBytes, Fusion mode, boolean pays) {
        return new FusionPlanner(localBytes, pays, OpenClSettings.defaults().withFusion(mode));
    }
}
