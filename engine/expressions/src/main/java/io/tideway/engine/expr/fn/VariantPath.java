package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.types.variant.Variant;
import io.tideway.types.variant.VariantKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code variant_get} path, as Spark's {@code VariantPathParser}: {@code $} then any
 * number of {@code .name} (up to the next '.' or '['), {@code ['name']}, {@code ["name"]} or
 * {@code [index]} steps. Immutable.
 */
final class VariantPath {
    /** One step: a key, or an array index when {@code key} is null. */
    private record Step(String key, int index) {
    }

    private final Step[] steps;

    private VariantPath(Step[] steps) {
        this.steps = steps;
    }

    /** The path, or {@code INVALID_VARIANT_GET_PATH} naming {@code function}. */
    static VariantPath parse(String path, String function) {
        VariantPath p = tryParse(path);
        if (p == null) {
            throw new SparkRuntimeException("INVALID_VARIANT_GET_PATH", Map.of("path", path,
                    "functionName", ErrorParams.id(function)));
        }
        return p;
    }

    private static VariantPath tryParse(String s) {
        if (s.isEmpty() || s.charAt(0) != '$') {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    return null;
                }
                steps.add(new Step(s.substring(i + 1, end), -1));
                i = end;
            } else if (c == '[' && i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                char q = s.charAt(i + 1);
                int close = s.indexOf(q, i + 2);
                if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ']') {
                    return null;
                }
                steps.add(new Step(s.substring(i + 2, close), -1));
                i = close + 2;
            } else if (c == '[') {
                int end = i + 1;
                while (end < s.length() && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                if (end == i + 1 || end >= s.length() || s.charAt(end) != ']') {
                    return null;
                }
                try {
                    steps.add(new Step(null, Integer.parseInt(s.substring(i + 1, end))));
                } catch (NumberFormatException tooLarge) {
                    return null;
                }
                i = end + 1;
            } else {
                return null;
            }
        }
        return new VariantPath(steps.toArray(new Step[0]));
    }

    /** The value the path leads to, or null where a step finds no such key or index. */
    Variant apply(Variant v) {
        for (Step s : steps) {
            if (s.key != null && v.kind() == VariantKind.OBJECT) {
                v = v.field(s.key);
            } else if (s.key == null && v.kind() == VariantKind.ARRAY) {
                v = v.element(s.index);
            } else {
                return null;
            }
            if (v == null) {
                return null;
            }
        }
        return v;
    }
}
