package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads from a JSON object, each failure naming the place ({@code where}) and the key. */
final class Json {
    private Json() {
    }

    static JsonNode required(JsonNode obj, String key, String where) {
        JsonNode v = obj.get(key);
        if (v == null) {
            throw new ModelException(where + ": missing key \"" + key + "\"");
        }
        return v;
    }

    /** The value, or null when absent or JSON null. */
    static JsonNode optional(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        return v == null || v.isNull() ? null : v;
    }

    static int requiredInt(JsonNode obj, String key, String where) {
        return asInt(required(obj, key, where), key, where);
    }

    static int optionalInt(JsonNode obj, String key, int dflt, String where) {
        JsonNode v = optional(obj, key);
        return v == null ? dflt : asInt(v, key, where);
    }

    static boolean optionalBool(JsonNode obj, String key, boolean dflt, String where) {
        JsonNode v = optional(obj, key);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new ModelException(where + ": \"" + key + "\" must be true or false, found " + v);
        }
        return v.asBoolean();
    }

    static int asInt(JsonNode v, String key, String where) {
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || Math.abs(v.asDouble()) > 1e9) {
            throw new ModelException(where + ": \"" + key + "\" must be an integer, found " + v);
        }
        return v.asInt();
    }

    static int positiveInt(JsonNode obj, String key, String where) {
        int v = requiredInt(obj, key, where);
        if (v < 1) {
            throw new ModelException(where + ": \"" + key + "\" must be at least 1, found " + v);
        }
        return v;
    }

    static double finiteNumber(JsonNode v, String key, String where) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ModelException(where + ": \"" + key + "\" must be a finite number, found " + v);
        }
        return v.asDouble();
    }

    static JsonNode object(JsonNode v, String what, String where) {
        if (v == null || !v.isObject()) {
            throw new ModelException(where + ": " + what + " must be a JSON object, found "
                    + (v == null ? "nothing" : v.getNodeType().toString().toLowerCase()));
        }
        return v;
    }

    static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    static Double number(JsonNode v) {
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
