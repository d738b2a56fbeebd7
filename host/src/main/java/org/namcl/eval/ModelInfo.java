package org.namcl.eval;

import java.util.ArrayList;
import java.util.List;
import org.namcl.model.Metadata;

/** What a model's metadata says of it, in one line for reports: its name, gear, tone and maker. */
final class ModelInfo {
    private ModelInfo() {
    }

    /** "name; gear make gear model (gear type, tone type); modeled by X", the parts given; or null. */
    static String of(Metadata m) {
        List<String> parts = new ArrayList<>();
        add(parts, m.name());
        String gear = join(" ", m.gearMake(), m.gearModel());
        String kind = join(", ", m.gearType(), m.toneType());
        add(parts, gear == null ? kind : kind == null ? gear : gear + " (" + kind + ")");
        add(parts, m.modeledBy() == null ? null : "modeled by " + m.modeledBy());
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String join(String separator, String... values) {
        List<String> given = new ArrayList<>();
        for (String v : values) {
            add(given, v);
        }
        return given.isEmpty() ? null : String.join(separator, given);
    }

    private static void add(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }
}
