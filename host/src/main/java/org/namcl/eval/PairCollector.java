package org.namcl.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.namcl.render.InputCollector;
import org.namcl.render.InputFile;
import org.namcl.render.Problems;

/**
 * The (DI, target) pairs of an evaluation: one DI file and its target; a folder of DIs and a
 * folder of targets matched by relative path; or a CSV file of {@code input,target} rows. A pair
 * whose files are missing comes back with its problem (it fails alone); what leaves the pairs
 * unknown (an unreadable list, a DI folder without a target folder) is an
 * {@link IllegalArgumentException} naming the file.
 */
public final class PairCollector {
    private PairCollector() {
    }

    /** The pairs of {@code --input DI --target TARGET}, each a file or both folders. */
    public static List<EvalPair> fromPaths(Path input, Path target) {
        if (Files.isDirectory(input)) {
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException("--input " + input + " is a folder, so --target must be the "
                        + "folder of its targets (matched by relative path), but " + target + " is not a folder");
            }
            List<EvalPair> pairs = new ArrayList<>();
            for (InputFile in : InputCollector.collect(List.of(input), target)) {
                Path t = target.resolve(in.relative().toString());
                pairs.add(new EvalPair(in.relative().toString(), in.path(), t,
                        in.problem() != null ? in.path() + ": " + in.problem() : missingTarget(in.path(), t)));
            }
            if (pairs.isEmpty()) {
                throw new IllegalArgumentException("no WAV files found in " + input + " or its subfolders");
            }
            return pairs;
        }
        Path t = Files.isDirectory(target) ? target.resolve(String.valueOf(input.getFileName())) : target;
        String problem = Files.exists(input) ? missingTarget(input, t) : input + ": no such DI file";
        return List.of(new EvalPair(String.valueOf(input.getFileName()), input, t, problem));
    }

    /**
     * The pairs a CSV file lists (each named "input -> target" as the file gives them), one {@code input,target} row a line (a header row naming the
     * columns is skipped; fields may be double-quoted; relative paths are taken from the list's
     * folder).
     */
    public static List<EvalPair> fromCsv(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the pair list " + csv + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the pair list " + csv + ": " + Problems.reason(e));
        }
        List<EvalPair> pairs = new ArrayList<>();
        for (CsvRow row : csvRows(csv.toString(), lines)) {
            Path in = entry(csv, row.line(), row.input());
            Path t = entry(csv, row.line(), row.target());
            String problem = Files.exists(in) ? missingTarget(in, t) : in + ": no such DI file";
            pairs.add(new EvalPair(row.name(), in, t, problem));
        }
        return pairs;
    }

    /**
     * One row of a pair list.
     *
     * @param line   its line number, from 1
     * @param input  the DI as the list gives it
     * @param target the target as the list gives it
     */
    public record CsvRow(int line, String input, String target) {
        /**
         * The pair's name.
         *
         * @return "input -&gt; target", as the list gives them
         */
        public String name() {
            return input + " -> " + target;
        }
    }

    /**
     * The rows of a pair list's lines, as {@link #fromCsv} reads them (blank lines and a header
     * row skipped, double-quoted fields), for lists read elsewhere than from a local file.
     *
     * @param csv   what messages call the list
     * @param lines its lines
     * @return its rows, at least one
     * @throws IllegalArgumentException for a row that is not two fields, or a list of none
     */
    public static List<CsvRow> csvRows(String csv, List<String> lines) {
        List<CsvRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (rows.isEmpty() && line.replace(" ", "").equalsIgnoreCase("input,target"))) {
                continue;
            }
            List<String> fields = CsvFields.split(line);
            if (fields.size() != 2 || fields.get(0).isBlank() || fields.get(1).isBlank()) {
                throw new IllegalArgumentException("the pair list " + csv + ", line " + (i + 1)
                        + ": expected two columns, input,target");
            }
            rows.add(new CsvRow(i + 1, fields.get(0), fields.get(1)));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the pair list " + csv + " names no pair");
        }
        return rows;
    }

    private static String missingTarget(Path input, Path target) {
        return Files.isRegularFile(target) ? null : input + ": no target: " + target + " does not exist";
    }

    private static Path entry(Path csv, int line, String field) {
        try {
            return csv.resolveSibling(field);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the pair list " + csv + ", line " + line + ": not a path: "
                    + e.getReason());
        }
    }
}
