package conformance.cases;

import conformance.Canonical;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tables and printers shared by the {@code Fn*} cases (the function library). A function is shown
 * by evaluating each call on its own over a small static table, so one failing call does not hide
 * the others, and printing {@code name :: type [not null] => v1 | v2 | ...} (or the error), in the
 * table's row order: the column name Spark gives the call, its result type and nullability, and
 * its value for every row.
 */
final class FnSupport {
    /** One column of each common type; {@code t} is a second string, {@code ts}/{@code dt} a timestamp and a date. */
    static final StructType SCHEMA = new StructType()
            .add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType)
            .add("s", DataTypes.StringType)
            .add("t", DataTypes.StringType)
            .add("b", DataTypes.BooleanType)
            .add("ts", DataTypes.TimestampType)
            .add("dt", DataTypes.DateType);

    /** Ordinary values, negatives and zeros, empty and padded strings, and a row of nulls. */
    static final List<Row> ROWS = Arrays.asList(
            RowFactory.create(1, 10L, 1.5, "Spark SQL", "a", true,
                    ts("2024-03-15 10:30:45.123456"), Date.valueOf("2024-03-15")),
            RowFactory.create(-7, -30L, -0.25, "hello", "l", false,
                    ts("2023-12-31 23:59:59"), Date.valueOf("2023-12-31")),
            RowFactory.create(0, 0L, 0.0, "", "", true,
                    ts("1970-01-01 00:00:00"), Date.valueOf("1970-01-01")),
            RowFactory.create(null, null, null, null, null, null, null, null),
            RowFactory.create(42, 1234567890123L, 2.5, "  Ünïcödé ß  ", "ß", false,
                    ts("2000-02-29 12:00:00.5"), Date.valueOf("2000-02-29")));

    private FnSupport() {
    }

    /** A timestamp from {@code yyyy-MM-dd HH:mm:ss[.f]} in the session time zone (UTC in every case run). */
    static Timestamp ts(String text) {
        return Timestamp.valueOf(text);
    }

    /** The shared table ({@link #SCHEMA}, {@link #ROWS}). */
    static Dataset<Row> table(CaseContext ctx) {
        return ctx.spark().createDataFrame(ROWS, SCHEMA);
    }

    /** A table of one's own: a DDL-free schema and rows given as arrays of values. */
    static Dataset<Row> table(CaseContext ctx, StructType schema, Object[]... rows) {
        List<Row> list = new ArrayList<>(rows.length);
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return ctx.spark().createDataFrame(list, schema);
    }

    /** One string column {@code s} holding each value (null for a Java null). */
    static Dataset<Row> strings(CaseContext ctx, String... values) {
        Object[][] rows = new Object[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new Object[] {values[i]};
        }
        return table(ctx, new StructType().add("s", DataTypes.StringType), rows);
    }

    /** Prints each column computed over {@code df}, one line per column (see the class comment). */
    static void show(CaseContext ctx, Dataset<Row> df, Column... columns) {
        for (Column c : columns) {
            try {
                print(ctx, df.select(c));
            } catch (Exception e) { // Spark's AnalysisException is checked there, unchecked here
                ctx.println(c + " => " + Canonical.error(e));
            }
        }
    }

    /** Prints each SQL expression evaluated by {@code selectExpr} over {@code df}, one line per expression. */
    static void showExpr(CaseContext ctx, Dataset<Row> df, String... exprs) {
        for (String e : exprs) {
            try {
                print(ctx, df.selectExpr(e));
            } catch (Exception x) {
                ctx.println(e + " => " + Canonical.error(x));
            }
        }
    }

    private static void print(CaseContext ctx, Dataset<Row> result) {
        StructField f = result.schema().fields()[0];
        String head = f.name() + " :: " + f.dataType().simpleString() + (f.nullable() ? "" : " not null");
        List<String> values = new ArrayList<>();
        try {
            for (Row r : result.collectAsList()) {
                values.add(Canonical.value(r.get(0)));
            }
        } catch (Exception e) {
            ctx.println(head + " => " + Canonical.error(e));
            return;
        }
        ctx.println(head + " => " + String.join(" | ", values));
    }
}
