package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.format.JsonOptions;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code get_json_object(json, path)} at one call site, as Spark's {@code GetJsonObject}: a path
 * of {@code $}, then {@code .name}, {@code ['name']}, {@code [n]} and {@code [*]} steps; the
 * match is returned as its text (a string without its quotes, anything else as compact JSON), and
 * several matches of a wildcard as a JSON array. A path Spark does not parse, text that is no
 * JSON, or no match give null. Keeps the last path parsed; one per call site, used by one thread.
 */
public final class JsonPath {
    private static final ObjectMapper MAPPER = JsonOptions.mapper(Map.of());
    private String lastPath;
    /** The steps of {@link #lastPath}: a String name, an Integer index, or {@link #WILDCARD}; null if invalid. */
    private List<Object> steps;
    private static final Object WILDCARD = new Object();

    /** The match of {@code path} in {@code json} written to {@code out}; its length, or -1 for null. */
    public int get(DirectBuffer jb, int jo, int jl, DirectBuffer pb, int po, int pl, BytesOut out) {
        String path = pb.getStringWithoutLengthUtf8(po, pl);
        if (!path.equals(lastPath)) {
            lastPath = path;
            steps = parse(path);
        }
        if (steps == null) {
            return -1;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(jb.getStringWithoutLengthUtf8(jo, jl));
        } catch (Exception e) {
            return -1;
        }
        JsonNode match = evaluate(root, 0);
        if (match == null || match.isNull() || match.isMissingNode()) {
            return -1;
        }
        out.reset().append(match.isTextual() ? match.textValue() : match.toString());
        return out.length();
    }

    private JsonNode evaluate(JsonNode node, int step) {
        if (node == null || step == steps.size()) {
            return node;
        }
        Object s = steps.get(step);
        if (s instanceof String name) {
            return node.isObject() ? evaluate(node.get(name), step + 1) : null;
        }
        if (s instanceof Integer i) {
            return node.isArray() ? evaluate(node.get(i), step + 1) : null;
        }
        if (!node.isArray()) {
            return null;
        }
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode e : node) {
            JsonNode m = evaluate(e, step + 1);
            if (m != null && !m.isNull() && !m.isMissingNode()) {
                matches.add(m);
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() == 1 && step + 1 < steps.size()) {
            return matches.get(0);
        }
        ArrayNode a = MAPPER.createArrayNode();
        matches.forEach(a::add);
        return a;
    }

    /** The steps of a path, or null where Spark's path parser gives up. */
    private static List<Object> parse(String path) {
        if (!path.startsWith("$")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    return null; // $..a
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                String inner = path.substring(i + 1, end);
                if (inner.equals("*")) {
                    steps.add(WILDCARD);
                } else if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) {
                    steps.add(inner.substring(1, inner.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(inner));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                i = end + 1;
            } else {
                return null;
            }
        }
        return steps;
    }
}
