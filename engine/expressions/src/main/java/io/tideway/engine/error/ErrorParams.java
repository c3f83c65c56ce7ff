package io.tideway.engine.error;

import io.tideway.sql.types.DataType;

import java.util.StringJoiner;

/**
 * How Spark writes values into error message parameters (its {@code DataTypeErrorsBase}):
 * identifiers in backticks, expressions and types in double quotes, string values in single
 * quotes, positions as ordinal words. Stateless.
 */
public final class ErrorParams {
    private static final String[] ORDINALS = {"first", "second", "third"};

    private ErrorParams() {
    }

    /** {@code `name`}, a backtick inside doubled. */
    public static String id(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Spark's {@code toSQLId(String)}: the name read as a (possibly dotted, possibly backticked)
     * attribute name, each part as {@link #id(String)}: {@code a.b} is {@code `a`.`b`}. A name that
     * does not parse (an unclosed backtick) is quoted whole.
     */
    public static String attributeId(String name) {
        StringJoiner parts = new StringJoiner(".");
        StringBuilder part = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (inQuotes) {
                if (c == '`' && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    part.append('`');
                    i++;
                } else if (c == '`') {
                    inQuotes = false;
                } else {
                    part.append(c);
                }
            } else if (c == '`') {
                inQuotes = true;
            } else if (c == '.') {
                parts.add(id(part.toString()));
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (inQuotes) {
            return id(name);
        }
        return parts.add(id(part.toString())).toString();
    }

    /** Each name as {@link #id(String)}, joined by {@code ", "}. */
    public static String ids(String... names) {
        StringJoiner j = new StringJoiner(", ");
        for (String n : names) {
            j.add(id(n));
        }
        return j.toString();
    }

    /** An expression's SQL in double quotes. */
    public static String expr(String sql) {
        return "\"" + sql + "\"";
    }

    /** A type as SQL names it, upper case, in double quotes: {@code "BIGINT"}. */
    public static String type(DataType t) {
        return "\"" + sql(t) + "\"";
    }

    /** Spark's {@code DataType.sql}: {@code ARRAY<INT>}, {@code MAP<STRING, INT>}, {@code STRUCT<a: INT>}. */
    public static String sql(DataType t) {
        return t.sql();
    }

    /** A string value as a SQL literal: {@code 'abc'}. */
    public static String value(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * A value of type {@code t} as a SQL literal, as Spark's {@code toSQLValue} prints it:
     * {@code 5L}, {@code 1.5D} ({@code NaN} and infinities bare), {@code 'a'}, {@code NULL}.
     */
    public static String value(Object v, DataType t) {
        if (v == null) {
            return "NULL";
        }
        if (t == io.tideway.sql.types.DataTypes.StringType) {
            return value(v.toString());
        }
        if (t == io.tideway.sql.types.DataTypes.LongType) {
            return v + "L";
        }
        if (t == io.tideway.sql.types.DataTypes.DoubleType) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? Double.toString(d) : d + "D";
        }
        return v.toString();
    }

    /** Spark's {@code ordinalNumber}: 0 is {@code first}, 1 {@code second}, 2 {@code third}, then {@code 4th}... */
    public static String ordinal(int zeroBased) {
        return zeroBased < ORDINALS.length ? ORDINALS[zeroBased] : (zeroBased + 1) + "th";
    }
}
