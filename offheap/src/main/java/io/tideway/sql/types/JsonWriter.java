package io.tideway.sql.types;

import java.util.List;
import java.util.Map;

/**
 * Writes a JSON value tree (a {@code Map<String, ?>} in entry order, a {@code List}, a
 * {@code String}, a {@code Long}, a {@code Double}, a {@code Boolean} or {@code null}) as Spark's
 * json4s-over-Jackson does: {@link #compact} with no spaces, {@link #pretty} with Jackson's
 * default pretty printer ({@code "key" : value}, objects indented by two spaces, arrays inline as
 * {@code [ a, b ]}, empty ones as {@code { }} and {@code [ ]}). The types module has no JSON
 * library, so this is its own. Stateless.
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonWriter() {
    }

    /** The value as compact JSON, as json4s {@code compact(render(v))}. */
    static String compact(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, -1);
        return b.toString();
    }

    /** The value as Jackson's default pretty printer writes it (json4s {@code pretty(render(v))}). */
    static String pretty(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.toString();
    }

    /** {@code level} is the object nesting for pretty output, or -1 for compact output. */
    private static void write(StringBuilder b, Object v, int level) {
        if (v instanceof Map<?, ?> m) {
            writeObject(b, m, level);
        } else if (v instanceof List<?> l) {
            writeArray(b, l, level);
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            // Jackson quotes the non-numeric doubles by default
            b.append('"').append(d).append('"');
        } else {
            b.append(v);
        }
    }

    private static void writeObject(StringBuilder b, Map<?, ?> m, int level) {
        boolean pretty = level >= 0;
        if (m.isEmpty()) {
            b.append(pretty ? "{ }" : "{}");
            return;
        }
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            if (pretty) {
                indent(b, level + 1);
            }
            string(b, (String) e.getKey());
            b.append(pretty ? " : " : ":");
            write(b, e.getValue(), pretty ? level + 1 : -1);
        }
        if (pretty) {
            indent(b, level);
        }
        b.append('}');
    }

    /** Jackson's pretty printer keeps arrays on their opening line and does not indent deeper for them. */
    private static void writeArray(StringBuilder b, List<?> l, int level) {
        boolean pretty = level >= 0;
        if (l.isEmpty()) {
            b.append(pretty ? "[ ]" : "[]");
            return;
        }
        b.append(pretty ? "[ " : "[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                b.append(pretty ? ", " : ",");
            }
            write(b, l.get(i), level);
        }
        b.append(pretty ? " ]" : "]");
    }

    private static void indent(StringBuilder b, int level) {
        b.append('\n');
        for (int i = 0; i < level; i++) {
            b.append("  ");
        }
    }

    /** A JSON string literal with Jackson's escapes: the short forms where JSON has them, else upper-case {@code \}{@code uXXXX}. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
