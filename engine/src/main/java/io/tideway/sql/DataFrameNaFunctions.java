package io.tideway.sql;

import io.tideway.sql.types.BooleanType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.NumericType;
import io.tideway.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.tideway.sql.functions.coalesce;
import static io.tideway.sql.functions.isnan;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.nanvl;
import static io.tideway.sql.functions.when;

/**
 * Missing data in a DataFrame, as Spark's {@code df.na()}: {@code drop} rows with nulls (a NaN
 * counts as one), {@code fill} nulls (and NaNs) with a value, {@code replace} values. Each is a
 * projection or a filter over the Dataset, so it works on streams as on static data. Immutable.
 */
public final class DataFrameNaFunctions {
    private final Dataset<Row> df;

    DataFrameNaFunctions(Dataset<Row> df) {
        this.df = df;
    }

    // ---- drop ----

    /** Drops the rows with a null or NaN in any column. */
    public Dataset<Row> drop() {
        return drop("any");
    }

    /**
     * Drops the rows with a null or NaN in any ({@code "any"}) or every ({@code "all"}) column;
     * another {@code how} throws {@code IllegalArgumentException}.
     */
    public Dataset<Row> drop(String how) {
        return drop(how, df.columns());
    }

    /** Drops the rows with a null or NaN in any of {@code cols}. */
    public Dataset<Row> drop(String[] cols) {
        return drop("any", cols);
    }

    /** Drops the rows with a null or NaN in any ({@code "any"}) or every ({@code "all"}) of {@code cols}. */
    public Dataset<Row> drop(String how, String[] cols) {
        return switch (how.toLowerCase(Locale.ROOT)) {
            case "any" -> drop(cols.length, cols);
            case "all" -> drop(1, cols);
            default -> throw new IllegalArgumentException("how (" + how + ") must be 'any' or 'all'");
        };
    }

    /** Keeps the rows with at least {@code minNonNulls} values that are neither null nor NaN. */
    public Dataset<Row> drop(int minNonNulls) {
        return drop(minNonNulls, df.columns());
    }

    /** Keeps the rows with at least {@code minNonNulls} values among {@code cols} that are neither null nor NaN (Spark's {@code AtLeastNNonNulls}). */
    public Dataset<Row> drop(int minNonNulls, String[] cols) {
        Column present = lit(0);
        for (String name : cols) {
            Column c = df.col(name);
            Column here = isFloating(typeOf(name)) ? c.isNotNull().and(functions.not(isnan(c))) : c.isNotNull();
            present = present.plus(when(here, 1).otherwise(0));
        }
        return df.filter(present.geq(minNonNulls));
    }

    // ---- fill ----

    /** Fills nulls and NaNs of the numeric columns with {@code value}, cast to each column's type. */
    public Dataset<Row> fill(long value) {
        return fill(value, df.columns());
    }

    /**
     * Fills nulls and NaNs of the numeric columns with {@code value}, cast to each column's type.
     */
    public Dataset<Row> fill(double value) {
        return fill(value, df.columns());
    }

    /** Fills nulls of the string columns. */
    public Dataset<Row> fill(String value) {
        return fill(value, df.columns());
    }

    /** Fills nulls of the boolean columns. */
    public Dataset<Row> fill(boolean value) {
        return fill(value, df.columns());
    }

    /**
     * Fills nulls and NaNs of those of {@code cols} that are numeric; an unknown column fails with
     * Spark's {@code AnalysisException}.
     */
    public Dataset<Row> fill(long value, String[] cols) {
        return fillValue(value, cols);
    }

    /**
     * Fills nulls and NaNs of those of {@code cols} that are numeric, with {@code value} cast to
     * each column's type.
     */
    public Dataset<Row> fill(double value, String[] cols) {
        return fillValue(value, cols);
    }

    /** Fills nulls of those of {@code cols} that are strings. */
    public Dataset<Row> fill(String value, String[] cols) {
        return fillValue(value, cols);
    }

    /** Fills nulls of those of {@code cols} that are booleans. */
    public Dataset<Row> fill(boolean value, String[] cols) {
        return fillValue(value, cols);
    }

    /** Fills each named column with its own value (an Integer, Long, Float, Double, String or Boolean), cast to the column's type. */
    public Dataset<Row> fill(Map<String, Object> valueMap) {
        for (Map.Entry<String, Object> e : valueMap.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Integer || v instanceof Long || v instanceof Float || v instanceof Double || v instanceof String
                    || v instanceof Boolean)) {
                throw unsupportedValue(v);
            }
            df.col(e.getKey()); // an unknown column fails here, in Spark's words
        }
        List<Column> out = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            Object v = null;
            boolean filled = false;
            for (Map.Entry<String, Object> e : valueMap.entrySet()) {
                if (e.getKey().equalsIgnoreCase(f.name())) {
                    v = e.getValue();
                    filled = true;
                }
            }
            out.add(filled ? fillColumn(f, v) : df.col(f.name()));
        }
        return df.select(out.toArray(new Column[0]));
    }

    private Dataset<Row> fillValue(Object value, String[] cols) {
        List<String> targets = new ArrayList<>();
        for (String c : cols) {
            df.col(c); // an unknown column fails here, in Spark's words
            targets.add(c.toLowerCase(Locale.ROOT));
        }
        List<Column> out = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            boolean accepts = value instanceof String ? f.dataType() == DataTypes.StringType
                    : value instanceof Boolean ? f.dataType() instanceof BooleanType
                    : f.dataType() instanceof NumericType;
            boolean filled = accepts && targets.contains(f.name().toLowerCase(Locale.ROOT));
            out.add(filled ? fillColumn(f, value) : df.col(f.name()));
        }
        return df.select(out.toArray(new Column[0]));
    }

    /** Spark's {@code fillCol}: {@code coalesce(nanvl(c, null), CAST(value AS type)) AS name}. */
    private Column fillColumn(StructField f, Object value) {
        Column c = df.col(f.name());
        Column present = isFloating(f.dataType()) ? nanvl(c, lit(null)) : c;
        return coalesce(present, lit(value).cast(f.dataType())).as(f.name());
    }

    // ---- replace ----

    /** Replaces values of column {@code col} ({@code "*"}: every column) found among {@code replacement}'s keys. */
    public <T> Dataset<Row> replace(String col, Map<T, T> replacement) {
        return col.equals("*") ? replace(df.columns(), replacement) : replace(new String[] {col}, replacement);
    }

    /**
     * Replaces values of {@code cols}: numbers in numeric columns (compared as doubles, as Spark),
     * strings in string columns, booleans in boolean columns — the first key's kind decides which
     * columns are touched. A replacement value is cast to the column's type.
     */
    public <T> Dataset<Row> replace(String[] cols, Map<T, T> replacement) {
        if (replacement.isEmpty() || cols.length == 0) {
            return df;
        }
        for (Map.Entry<T, T> e : replacement.entrySet()) {
            checkReplaceValue(e.getKey());
            checkReplaceValue(e.getValue());
        }
        Object first = replacement.keySet().iterator().next();
        DataType target = first instanceof String ? DataTypes.StringType
                : first instanceof Boolean ? DataTypes.BooleanType : DataTypes.DoubleType;
        List<String> targets = new ArrayList<>();
        for (String c : cols) {
            df.col(c);
            targets.add(c.toLowerCase(Locale.ROOT));
        }
        List<Column> out = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            boolean kind = f.dataType().equals(target) || target == DataTypes.DoubleType && f.dataType() instanceof NumericType;
            if (!kind || !targets.contains(f.name().toLowerCase(Locale.ROOT))) {
                out.add(df.col(f.name()));
                continue;
            }
            Column c = df.col(f.name());
            Column cases = null;
            for (Map.Entry<T, T> e : replacement.entrySet()) {
                Object key = numeric(e.getKey());
                Column value = lit(numeric(e.getValue())).cast(f.dataType());
                cases = cases == null ? when(c.equalTo(lit(key)), value) : cases.when(c.equalTo(lit(key)), value);
            }
            out.add(cases.otherwise(c).as(f.name()));
        }
        return df.select(out.toArray(new Column[0]));
    }

    /** A number as the double Spark compares it as; anything else as it is. */
    private static Object numeric(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    private static void checkReplaceValue(Object v) {
        if (v != null && !(v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Long
                || v instanceof String || v instanceof Boolean)) {
            throw unsupportedValue(v);
        }
    }

    private static IllegalArgumentException unsupportedValue(Object v) {
        return new IllegalArgumentException("Unsupported value type " + v.getClass().getName() + " (" + v + ").");
    }

    private DataType typeOf(String name) {
        return df.select(df.col(name)).schema().apply(0).dataType();
    }

    private static boolean isFloating(DataType t) {
        return t == DataTypes.DoubleType || t == DataTypes.FloatType;
    }
}
