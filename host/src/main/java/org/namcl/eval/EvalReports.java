package org.namcl.eval;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.namcl.render.AtomicFile;

/** The machine-readable reports of an evaluation: JSON ({@code --report}) and CSV ({@code --csv}). */
public final class EvalReports {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvalReports() {
    }

    /** The run's settings and every result's fields ({@link ResultField}), best first. */
    /** Writes each report asked for (a null file: not asked for). */
    public static void writeAll(EvalRun run, Path json, Path csv, Path html) throws IOException {
        if (json != null) {
            writeJson(run, json);
        }
        if (csv != null) {
            writeCsv(run, csv);
        }
        if (html != null) {
            HtmlReport.write(run, html);
        }
    }

    public static void writeJson(EvalRun run, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("namcl_version", run.namclVersion());
        root.put("started", run.started());
        root.put("engine", run.engine());
        root.set("arguments", MAPPER.valueToTree(run.arguments()));
        root.put("settings", run.settings());
        ArrayNode results = root.putArray("results");
        for (EvalResult r : run.ranked()) {
            ObjectNode o = results.addObject();
            for (ResultField f : ResultField.values()) {
                o.set(f.key(), MAPPER.valueToTree(f.of(r)));
            }
        }
        AtomicFile.write(file, MAPPER.writeValueAsBytes(root), "the JSON report");
    }

    /** One row per result, best first, with the settings in a column of their own. */
    public static void writeCsv(EvalRun run, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(Arrays.stream(ResultField.values()).map(ResultField::key).collect(Collectors.joining(",")))
                .append(",settings\r\n");
        for (EvalResult r : run.ranked()) {
            for (ResultField f : ResultField.values()) {
                Object v = f.of(r);
                b.append(CsvFields.quote(v == null ? null : v.toString())).append(',');
            }
            b.append(CsvFields.quote(run.settings())).append("\r\n");
        }
        AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8), "the CSV report");
    }
}
