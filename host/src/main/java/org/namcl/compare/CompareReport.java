package org.namcl.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.namcl.compare.PairComparison.Verdict;
import org.namcl.render.AtomicFile;
import org.namcl.render.RunReport;

/** The outcome of a comparison: counts, the worst pair, and every pair's metrics as JSON. */
public final class CompareReport {
    private final List<PairComparison> pairs;
    private final Limits limits;

    public CompareReport(List<PairComparison> pairs, Limits limits) {
        this.pairs = List.copyOf(pairs);
        this.limits = limits;
    }

    public long count(Verdict v) {
        return pairs.stream().filter(p -> p.verdict() == v).count();
    }

    /** The pair furthest from its baseline among those measured. */
    public Optional<PairComparison> worst() {
        return pairs.stream().filter(p -> p.difference() != null)
                .max(Comparator.comparingDouble(PairComparison::badness));
    }

    /** Every pair, the furthest from its baseline first (those not compared before all). */
    public List<PairComparison> worstFirst() {
        return pairs.stream().sorted(Comparator.comparingDouble(PairComparison::badness).reversed()).toList();
    }

    /** The closing lines: the counts and the worst pair measured. */
    public List<String> summary() {
        String counts = String.format(Locale.ROOT, "%d %s compared: %d passed, %d failed, %d could not be compared "
                        + "(limits: ESR < %.3g, max|d| <= %.3g x peak)", pairs.size(), pairs.size() == 1 ? "pair" : "pairs",
                count(Verdict.PASS),
                count(Verdict.FAIL), count(Verdict.ERROR), limits.esr(), limits.peak());
        return worst().map(w -> List.of(counts, "worst: " + describe(w))).orElse(List.of(counts));
    }

    /** One pair's numbers in a line. */
    static String describe(PairComparison p) {
        Difference d = p.difference();
        String at = d.worstFrame() < 0 ? "" : String.format(Locale.ROOT, " at frame %d (%.4f s)", d.worstFrame(),
                p.sampleRate() > 0 ? d.worstFrame() / (double) p.sampleRate() : Double.NaN);
        return String.format(Locale.ROOT, "%s / %s on %s vs %s: ESR %.3g, max|d| %.3g (%.3g x peak)%s, %d ulps, "
                        + "%.6g%% bit-identical%s", p.model().getFileName(), p.input(), p.side(), p.baseline(),
                d.esr(), d.maxAbs(), d.maxAbsPerPeak(), at, d.maxUlps(), 100 * d.identical(),
                p.problem() == null ? "" : " - " + p.problem());
    }

    /** Writes every pair's metrics, worst first, atomically. */
    public void write(Path file, String version, List<String> arguments) throws IOException {
        ObjectNode root = RunReport.MAPPER.createObjectNode();
        root.put("namcl_version", version);
        root.set("arguments", RunReport.MAPPER.valueToTree(arguments));
        root.putObject("limits").put("esr", limits.esr()).put("peak", limits.peak());
        ObjectNode summary = root.putObject("summary");
        for (Verdict v : Verdict.values()) {
            summary.put(v.name().toLowerCase(Locale.ROOT), count(v));
        }
        ArrayNode list = root.putArray("pairs");
        worstFirst().forEach(p -> {
            ObjectNode o = list.addObject();
            o.put("model", p.model().toString());
            o.put("input", p.input().toString());
            o.put("side", p.side());
            o.put("baseline", p.baseline());
            o.put("verdict", p.verdict().name().toLowerCase(Locale.ROOT));
            o.put("problem", p.problem());
            Difference d = p.difference();
            if (d != null) {
                o.put("esr", finite(d.esr()));
                o.put("max_abs", d.maxAbs());
                o.put("max_abs_per_peak", finite(d.maxAbsPerPeak()));
                o.put("peak", d.peak());
                o.put("worst_frame", d.worstFrame());
                o.put("worst_seconds", d.worstFrame() < 0 || p.sampleRate() == 0 ? null
                        : d.worstFrame() / (double) p.sampleRate());
                o.put("max_ulps", d.maxUlps());
                o.put("bit_identical_fraction", d.identical());
                o.put("non_finite_baseline", d.nonFiniteBaseline());
                o.put("non_finite_other", d.nonFiniteOther());
                o.put("first_non_finite_frame", d.firstNonFiniteFrame());
                o.put("baseline_frames", d.baselineFrames());
                o.put("other_frames", d.otherFrames());
            }
        });
        AtomicFile.write(file, RunReport.MAPPER.writeValueAsBytes(root), "the report");
    }

    /** JSON has no NaN: an undefined ratio is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
