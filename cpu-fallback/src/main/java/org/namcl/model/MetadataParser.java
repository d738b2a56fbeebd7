package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the optional metadata object; unknown or mistyped fields are left null, never fatal. */
final class MetadataParser {
    private MetadataParser() {
    }

    static Metadata parse(JsonNode m) {
        if (m == null || !m.isObject()) {
            return Metadata.EMPTY;
        }
        JsonNode training = Json.optional(m, "training");
        Double esr = training == null || !training.isObject() ? null
                : Json.number(Json.optional(training, "validation_esr"));
        return new Metadata(
                Json.text(Json.optional(m, "name")),
                Json.text(Json.optional(m, "modeled_by")),
                Json.text(Json.optional(m, "gear_type")),
                Json.text(Json.optional(m, "gear_make")),
                Json.text(Json.optional(m, "gear_model")),
                Json.text(Json.optional(m, "tone_type")),
                Json.number(Json.optional(m, "loudness")),
                Json.number(Json.optional(m, "gain")),
                Json.number(Json.optional(m, "input_level_dbu")),
                Json.number(Json.optional(m, "output_level_dbu")),
                esr,
                date(Json.optional(m, "date")));
    }

    private static String date(JsonNode d) {
        if (d == null) {
            return null;
        }
        if (!d.isObject()) {
            return Json.text(d);
        }
        int y = d.path("year").asInt(0);
        if (y == 0) {
            return null;
        }
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", y, d.path("month").asInt(1), d.path("day").asInt(1),
                d.path("hour").asInt(0), d.path("minute").asInt(0), d.path("second").asInt(0));
    }
}
