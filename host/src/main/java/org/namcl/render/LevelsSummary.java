package org.namcl.render;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What the end of a run says about the levels of the outputs it rendered. */
final class LevelsSummary {
    private LevelsSummary() {
    }

    /** The warning for a float output with samples beyond full scale, which its players will clip. */
    static String overFullScale(Levels levels) {
        return levels.samplesOverFullScale() + " samples beyond full scale (peak " + dbfs(levels.peakDbfs())
                + "); players clip them (lower --output-gain)";
    }

    /** One line: the loudest output and how many go beyond full scale; null when none was rendered. */
    static String line(List<RunReport.Pair> pairs) {
        List<RunReport.Pair> measured = pairs.stream().filter(p -> p.levels() != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        RunReport.Pair loudest = measured.stream().filter(p -> p.levels().peakDbfs() != null)
                .max(Comparator.comparingDouble(p -> p.levels().peakDbfs())).orElse(null);
        long over = measured.stream().filter(p -> p.levels().samplesOverFullScale() > 0).count();
        String peak = loudest == null ? "every output is silent"
                : "loudest output " + loudest.output() + ": peak " + dbfs(loudest.levels().peakDbfs())
                        + ", RMS " + dbfs(loudest.levels().rmsDbfs());
        return "levels: " + peak + "; " + over + " of " + measured.size() + " outputs beyond full scale";
    }

    private static String dbfs(Double db) {
        return Objects.isNull(db) ? "silence" : String.format(Locale.ROOT, "%+.2f dBFS", db);
    }
}
