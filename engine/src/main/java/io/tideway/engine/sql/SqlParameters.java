package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Origin;
import io.tideway.sql.AnalysisException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spark's parameterized SQL ({@code spark.sql(text, args)}): each named marker {@code :name} or
 * positional marker {@code ?} in the text, outside string literals, quoted identifiers and
 * comments, is replaced by the SQL literal of its argument, as Spark binds {@code lit(arg)}. A
 * marker without an argument fails with Spark's {@code [UNBOUND_SQL_PARAMETER]} at its line and
 * position, a positional one named {@code _<offset>} as Spark names it; arguments no marker uses
 * are ignored. A colon after a name, a closing bracket or another colon is not a marker (a struct
 * field's type, a variant path, a {@code ::} cast). Stateless.
 */
public final class SqlParameters {
    /** Words after which {@code :name} starts an expression, so is a marker. */
    private static final Set<String> KEYWORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "ON", "BY", "WHEN",
            "THEN", "ELSE", "IN", "LIKE", "ILIKE", "RLIKE", "IS", "LIMIT", "OFFSET", "HAVING", "BETWEEN", "CASE",
            "DISTINCT", "ALL", "VALUES", "RETURN", "DIV", "AS");

    private SqlParameters() {
    }

    /**
     * {@code text} with its markers bound: named ones from {@code named}, positional ones from
     * {@code positional}, in order (either may be null: no arguments of that kind).
     */
    public static String bind(String text, Map<String, Object> named, Object[] positional) {
        StringBuilder out = new StringBuilder(text.length());
        int nextPositional = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int skip = skipQuotedOrComment(text, i);
            if (skip > i) {
                out.append(text, i, skip);
                i = skip;
            } else if (c == '?') {
                if (positional == null || nextPositional >= positional.length) {
                    throw unbound("_" + i, text, i);
                }
                out.append(literal(positional[nextPositional++]));
                i++;
            } else if (c == ':' && isMarker(text, i)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (named == null || !named.containsKey(name)) {
                    throw unbound(name, text, i);
                }
                out.append(literal(named.get(name)));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether the colon at {@code i} starts a named marker (see the class comment). */
    private static boolean isMarker(String text, int i) {
        if (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)) && text.charAt(i + 1) != '_') {
            return false;
        }
        int p = i - 1;
        while (p >= 0 && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        char before = text.charAt(p);
        if (before == ':' || before == ')' || before == ']' || before == '`') {
            return false;
        }
        if (!isNamePart(before)) {
            return true;
        }
        int start = p;
        while (start > 0 && isNamePart(text.charAt(start - 1))) {
            start--;
        }
        return KEYWORDS.contains(text.substring(start, p + 1).toUpperCase(Locale.ROOT));
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The index after the string literal, quoted identifier or comment starting at {@code i}, or {@code i}. */
    private static int skipQuotedOrComment(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != c) {
                j += text.charAt(j) == '\\' && c != '`' ? 2 : 1;
            }
            return Math.min(j + 1, text.length());
        }
        if (text.startsWith("--", i)) {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? text.length() : nl;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        return i;
    }

    /** The SQL text of the literal Spark binds for {@code value} ({@code lit(value)}), typed by its suffix or keyword. */
    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            String type = value instanceof Double ? "DOUBLE" : "FLOAT";
            return Double.isFinite(d) ? value + type.substring(0, 1) : "CAST('" + value + "' AS " + type + ")";
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString() + "BD";
        }
        String suffix = value instanceof Long ? "L" : value instanceof Short ? "S" : value instanceof Byte ? "Y" : null;
        if (suffix != null) {
            return value + suffix;
        }
        if (value instanceof java.time.LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (value instanceof java.time.Instant t) {
            return literal(java.sql.Timestamp.from(t));
        }
        return io.tideway.sql.functions.lit(value).expr().sql();
    }

    private static RuntimeException unbound(String name, String text, int offset) {
        throw Unchecked.raise(new AnalysisException("UNBOUND_SQL_PARAMETER", Map.of("name", name), Origin.at(text, offset)));
    }
}
