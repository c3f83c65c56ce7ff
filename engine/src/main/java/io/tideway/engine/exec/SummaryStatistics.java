package io.tideway.engine.exec;

import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code describe} and {@code summary} on a static Dataset, as Spark's {@code StatFunctions.summary}:
 * one row per statistic, a {@code summary} column naming it, then one string column per numeric
 * or string input column. {@code count}, {@code count_distinct}, {@code approx_count_distinct}
 * (exact here), {@code min}, {@code max} apply to both kinds; {@code mean}, {@code stddev}
 * (sample) and percentiles ({@code 25%}: the smallest value with at least that share of the
 * non-null values at or below it, which is what Spark's {@code percentile_approx} returns at its
 * default accuracy on small inputs) are null for strings. Values become strings by Spark's cast,
 * so numbers print as Spark prints them. Runs on the calling thread; stateless.
 */
public final class SummaryStatistics {
    /** {@code describe()}'s statistics. */
    public static final List<String> DESCRIBE = List.of("count", "mean", "stddev", "min", "max");
    /** {@code summary()}'s statistics when none is named. */
    public static final List<String> DEFAULT = List.of("count", "mean", "stddev", "min", "25%", "50%", "75%", "max");

    private SummaryStatistics() {
    }

    public static Dataset<Row> summarize(TidewaySession session, Dataset<Row> input, List<String> statistics) {
        for (String s : statistics) {
            if (!known(s)) {
                // Spark's SparkIllegalArgumentException [UNRECOGNIZED_STATISTIC], a condition Tideway's table lacks
                throw new IllegalArgumentException("[UNRECOGNIZED_STATISTIC] The statistic '" + s + "' is not recognized. "
                        + "Valid statistics include `count`, `count_distinct`, `approx_count_distinct`, `mean`, `stddev`, "
                        + "`min`, `max`, and percentile values. Percentile must be a numeric value followed by '%', within "
                        + "the range 0% to 100%. SQLSTATE: 42704");
            }
        }
        StructType in = input.schema();
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < in.length(); i++) {
            DataType t = in.apply(i).dataType();
            if (t.isNumeric() || t == DataTypes.StringType) {
                selected.add(i);
            }
        }
        List<Row> rows = input.collectAsList();
        // every statistic of every column as a typed value, then all cast to string in one projection
        List<StructField> valueFields = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String stat : statistics) {
            for (int c : selected) {
                StructField f = in.apply(c);
                List<Object> column = new ArrayList<>();
                for (Row r : rows) {
                    if (!r.isNullAt(c)) {
                        column.add(r.get(c));
                    }
                }
                Object[] typed = statistic(stat.toLowerCase(Locale.ROOT), column, f.dataType());
                valueFields.add(new StructField("v" + valueFields.size(), (DataType) typed[1], true, io.tideway.sql.types.Metadata.empty()));
                values.add(typed[0]);
            }
        }
        List<String> strings = new ArrayList<>();
        if (!values.isEmpty()) {
            Column[] casts = new Column[values.size()];
            for (int i = 0; i < casts.length; i++) {
                casts[i] = io.tideway.sql.functions.col("v" + i).cast(DataTypes.StringType);
            }
            Row cast = session.createDataFrame(List.of(RowFactory.create(values.toArray())),
                    new StructType(valueFields.toArray(new StructField[0]))).select(casts).collectAsList().get(0);
            for (int i = 0; i < casts.length; i++) {
                strings.add(cast.isNullAt(i) ? null : cast.getString(i));
            }
        }
        StructType outSchema = new StructType().add("summary", DataTypes.StringType);
        for (int c : selected) {
            outSchema = outSchema.add(in.apply(c).name(), DataTypes.StringType);
        }
        List<Row> out = new ArrayList<>();
        int k = 0;
        for (String stat : statistics) {
            Object[] line = new Object[selected.size() + 1];
            line[0] = stat;
            for (int j = 0; j < selected.size(); j++) {
                line[j + 1] = strings.get(k++);
            }
            out.add(RowFactory.create(line));
        }
        return session.createDataFrame(out, outSchema);
    }

    private static boolean known(String stat) {
        String s = stat.toLowerCase(Locale.ROOT);
        if (List.of("count", "count_distinct", "approx_count_distinct", "mean", "stddev", "min", "max").contains(s)) {
            return true;
        }
        return percentile(s) >= 0;
    }

    /** The fraction a statistic such as {@code 25%} names, or -1 if it is not a percentile. */
    private static double percentile(String stat) {
        if (!stat.endsWith("%")) {
            return -1;
        }
        try {
            double p = Double.parseDouble(stat.substring(0, stat.length() - 1)) / 100.0;
            return p >= 0 && p <= 1 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {value, type} of one statistic over a column's non-null values. */
    private static Object[] statistic(String stat, List<Object> values, DataType type) {
        boolean numeric = type.isNumeric();
        switch (stat) {
            case "count":
                return new Object[] {(long) values.size(), DataTypes.LongType};
            case "count_distinct":
            case "approx_count_distinct":
                return new Object[] {(long) new HashSet<>(values).size(), DataTypes.LongType};
            case "min":
            case "max": {
                Object best = null;
                for (Object v : values) {
                    if (best == null || (stat.equals("min") ? compare(v, best) < 0 : compare(v, best) > 0)) {
                        best = v;
                    }
                }
                return new Object[] {best, type};
            }
            case "mean":
                return new Object[] {numeric && !values.isEmpty() ? sum(values) / values.size() : null, DataTypes.DoubleType};
            case "stddev":
                return new Object[] {numeric ? stddev(values) : null, DataTypes.DoubleType};
            default: {
                if (!numeric || values.isEmpty()) {
                    return new Object[] {null, numeric ? type : DataTypes.StringType};
                }
                List<Object> sorted = new ArrayList<>(values);
                sorted.sort(SummaryStatistics::compare);
                int rank = (int) Math.ceil(percentile(stat) * sorted.size());
                return new Object[] {sorted.get(Math.max(1, rank) - 1), type};
            }
        }
    }

    private static double sum(List<Object> values) {
        double s = 0;
        for (Object v : values) {
            s += ((Number) v).doubleValue();
        }
        return s;
    }

    /** Sample standard deviation, Welford's update as Spark's CentralMomentAgg; null under two values. */
    private static Double stddev(List<Object> values) {
        if (values.size() < 2) {
            return null;
        }
        double n = 0;
        double mean = 0;
        double m2 = 0;
        for (Object v : values) {
            double x = ((Number) v).doubleValue();
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        return Math.sqrt(m2 / (n - 1));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return CODE_POINTS.compare(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return io.tideway.engine.expr.SqlArithmetic.compare(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    /** Spark's string order: by code point, the order of the UTF-8 bytes. */
    private static final Comparator<String> CODE_POINTS = (x, y) ->
            java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
}
