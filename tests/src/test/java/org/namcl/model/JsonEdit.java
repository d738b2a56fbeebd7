package org.namcl.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON document edited by JSON pointers, for tests that start from a valid model and break
 * one thing. Non-finite numbers are written as the bare tokens Python's json module writes
 * ({@code NaN}, {@code Infinity}, {@code -Infinity}).
 */
final class JsonEdit {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private final JsonNode root;

    private JsonEdit(JsonNode root) {
        this.root = root;
    }

    static JsonEdit of(String json) {
        return new JsonEdit(parse(json));
    }

    /** Edits a copy of {@code root}. */
    static JsonEdit copyOf(JsonNode root) {
        return new JsonEdit(root.deepCopy());
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON in test: " + e.getMessage(), e);
        }
    }

    /** Sets the value at {@code pointer} (its parent must exist) to the JSON text {@code json}. */
    JsonEdit set(String pointer, String json) {
        return put(pointer, parse(json));
    }

    /** Sets the value at {@code pointer} to a number. */
    JsonEdit set(String pointer, double value) {
        return put(pointer, MAPPER.getNodeFactory().numberNode(value));
    }

    JsonEdit remove(String pointer) {
        return put(pointer, null);
    }

    /** Replaces the weights by {@code n} small distinct values. */
    JsonEdit weights(int n) {
        ArrayNode w = MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            w.add(0.01 * ((i % 17) - 8));
        }
        return put("/weights", w);
    }

    String text() {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets (or with null removes) the member or element that {@code pointer} names. */
    private JsonEdit put(String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String key = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(key);
            } else {
                o.set(key, value);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(key);
            if (value == null) {
                a.remove(i);
            } else if (i == a.size()) {
                a.add(value);
            } else {
                a.set(i, value);
            }
        } else {
            throw new IllegalArgumentException("no object or list at the parent of " + pointer);
        }
        return this;
    }
}
