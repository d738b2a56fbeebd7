package org.namcl.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.namcl.model.net.Layer;

/**
 * Splits a layer array's layers into launches: runs of consecutive layers of one shape fused into
 * one wavenet_fused launch, the rest one wavenet_layer launch each.
 *
 * <p>A fused work-group keeps TILE + HALO positions of two residual row sets and the condition
 * rows, and TILE positions of the head, in local memory (HALO: the sum of the run's
 * dilation × (kernel − 1)); every layer but the last recomputes positions its neighbour owns.
 * A run grows while a tile of at least {@link #MIN_TILE} positions fits in {@link #LOCAL_FRACTION}
 * of the device's local memory and (unless fusion is maximal) the recomputed positions stay within
 * {@link #MAX_RECOMPUTE} of the useful ones. The tile is the largest that fits, at most
 * {@link #MAX_TILE} (or the settings' cap); the settings may cap the layers of a run too.
 */
final class FusionPlanner {
    static final int TILE_ALIGN = 32;
    static final int MIN_TILE = 32;
    /** Past this a tile only makes fewer work-groups; halos are already a small share. */
    static final int MAX_TILE = 2048;
    /** Extra layer positions computed, as a share of the useful ones, that fusion may cost. */
    static final double MAX_RECOMPUTE = 0.25;
    /** Of local memory one work-group may take: two groups share a compute unit, one waiting on memory. */
    static final double LOCAL_FRACTION = 0.5;

    /** Layers [first, first + count) of an array in one launch; tile and halo are 0 for a single layer. */
    record Group(int first, int count, int tile, int halo) {
        boolean fused() {
            return count > 1;
        }
    }

    private final long localFloats;
    private final boolean fuse;
    private final boolean forced;
    private final int maxTile;
    private final int maxLayers;

    /**
     * @param localMemBytes CL_DEVICE_LOCAL_MEM_SIZE
     * @param paysOnDevice  whether fused launches are faster on this kind of device (AUTO fuses only there)
     */
    FusionPlanner(long localMemBytes, boolean paysOnDevice, OpenClSettings settings) {
        this.localFloats = (long) (localMemBytes * LOCAL_FRACTION) / Float.BYTES;
        this.fuse = switch (settings.fusion()) {
            case AUTO -> paysOnDevice;
            case FUSED, MAXIMAL -> true;
            case PER_LAYER -> false;
        };
        this.forced = settings.fusion() == OpenClSettings.Fusion.MAXIMAL;
        this.maxTile = settings.maxTile() > 0 ? Math.min(MAX_TILE, settings.maxTile()) : MAX_TILE;
        this.maxLayers = settings.maxLayers() > 0 ? settings.maxLayers() : Integer.MAX_VALUE;
    }

    /** One launch per layer. */
    static FusionPlanner perLayer() {
        return new FusionPlanner(0, false, OpenClSettings.defaults().withFusion(OpenClSettings.Fusion.PER_LAYER));
    }

    /** The launches of one array's layers, in order, covering every layer once. */
    List<Group> plan(List<Layer> layers) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < layers.size(); ) {
            Group best = new Group(i, 1, 0, 0);
            if (fuse) {
                Map<String, Object> shape = KernelSpecs.layer(layers.get(i)).defines();
                int halo = reach(layers.get(i));
                for (int j = i + 1; j < layers.size() && j - i < maxLayers && shape.equals(KernelSpecs.layer(layers.get(j)).defines()); j++) {
                    halo += reach(layers.get(j));
                    int tile = tile(layers.get(i), halo);
                    if (tile < MIN_TILE || !forced && recompute(layers.subList(i, j + 1), tile) > MAX_RECOMPUTE) {
                        break;
                    }
                    best = new Group(i, j - i + 1, tile, halo);
                }
            }
            groups.add(best);
            i += best.count();
        }
        return groups;
    }

    /** Positions before t a layer's output at t depends on. */
    static int reach(Layer l) {
        return l.conv().dilation() * (l.conv().kernelSize() - 1);
    }

    /** Local floats a fused work-group of this shape takes for a tile: see wavenet_fused.cl. */
    static long localFloats(Layer l, int tile, int halo) {
        return (2L * l.channels() + l.mixin().inChannels()) * (tile + halo) + (long) l.headWidth() * tile;
    }

    /** The largest aligned tile within the budget and the cap (below {@link #MIN_TILE} when none fits). */
    private int tile(Layer l, int halo) {
        long perPosition = 2L * l.channels() + l.mixin().inChannels() + l.headWidth();
        long fit = (localFloats - (2L * l.channels() + l.mixin().inChannels()) * halo) / perPosition;
        return (int) (Math.min(fit, maxTile) / TILE_ALIGN * TILE_ALIGN);
    }

    /** Layer positions computed beyond the useful k × tile, as a share of them. */
    static double recompute(List<Layer> run, int tile) {
        int halo = run.stream().mapToInt(FusionPlanner::reach).sum();
        long extra = 0;
        int done = 0;
        for (Layer l : run) {
            done += reach(l);
            extra += halo - done;
        }
        return extra / ((double) run.size() * tile);
    }
}
