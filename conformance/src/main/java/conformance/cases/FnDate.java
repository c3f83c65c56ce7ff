package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Date and time functions, part 1: the current time (only what is stable about it), parsing
 * strings into timestamps and dates (default forms, Spark datetime patterns, ANSI errors against
 * the {@code try_} forms) and conversions between timestamps/dates and counts since the epoch.
 * Every run is in UTC; the cases that show another session time zone are in {@link FnDate4}.
 */
public final class FnDate {
    private FnDate() {
    }

    /** Prints only {@code name :: type [not null]} of each column (for values that change every run). */
    static void types(CaseContext ctx, Dataset<Row> df, Column... columns) {
        for (Column c : columns) {
            try {
                ctx.println(head(df.select(c)));
            } catch (Exception e) {
                ctx.println(c + " => " + Canonical.error(e));
            }
        }
    }

    /** {@link #types} for SQL expressions. */
    static void typesExpr(CaseContext ctx, Dataset<Row> df, String... exprs) {
        for (String e : exprs) {
            try {
                ctx.println(head(df.selectExpr(e)));
            } catch (Exception x) {
                ctx.println(e + " => " + Canonical.error(x));
            }
        }
    }

    private static String head(Dataset<Row> result) {
        StructField f = result.schema().fields()[0];
        return f.name() + " :: " + f.dataType().simpleString() + (f.nullable() ? "" : " not null");
    }

    /** A one-column table {@code l BIGINT}. */
    static Dataset<Row> longs(CaseContext ctx, Long... values) {
        Object[][] rows = new Object[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new Object[] {values[i]};
        }
        return table(ctx, new StructType().add("l", DataTypes.LongType), rows);
    }

    @Case
    public static void currentTimestampDateNowTypesAndNames(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        types(ctx, one, current_timestamp(), current_date(), now(), localtimestamp(), unix_timestamp());
        typesExpr(ctx, one, "current_timestamp", "CURRENT_TIMESTAMP()", "current_date", "current_date()",
                "curdate()", "now()", "localtimestamp", "localtimestamp()", "unix_timestamp()");
        showExpr(ctx, one, "current_date(1)", "now(1)", "current_timestamp(1)");
    }

    @Case
    public static void currentTimestampDateNowStableFacts(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        show(ctx, one,
                current_timestamp().equalTo(now()),
                current_date().equalTo(to_date(current_timestamp())),
                current_timestamp().gt(lit(ts("2024-01-01 00:00:00"))),
                current_date().geq(lit(java.sql.Date.valueOf("2024-01-01"))),
                current_timezone());
        showExpr(ctx, one,
                "current_timestamp() = now()",
                "current_date = current_date()",
                "curdate() = current_date()",
                "current_timestamp() > TIMESTAMP'2024-01-01 00:00:00'",
                "datediff(current_date(), current_date())",
                "unix_timestamp() = unix_timestamp(current_timestamp())",
                "localtimestamp() = CAST(current_timestamp() AS TIMESTAMP_NTZ)",
                "typeof(now())",
                "typeof(localtimestamp())",
                "current_timezone()");
        // every row of one query sees the same instant
        showExpr(ctx, table(ctx), "count(DISTINCT current_timestamp())", "max(now()) = min(now())");
    }

    @Case
    public static void toTimestampDefaultForms(CaseContext ctx) {
        Dataset<Row> in = strings(ctx, "2024-03-15 10:30:45", "2024-03-15", "2024-03-15T10:30:45",
                "2024-03-15 10:30:45.123456", "2024-03-15 10:30:45.1", "2024-03-15T10:30:45Z",
                "2024-03-15T10:30:45+02:00", "2024-3-5 1:2:3", " 2024-03-15 10:30:45 ", "2024", "2024-03",
                "2024-03-15 10:30", null);
        show(ctx, in, to_timestamp(col("s")));
        showExpr(ctx, in, "to_timestamp(s)");
        showExpr(ctx, strings(ctx, "x"), "to_timestamp('2024-03-15 10:30:45')", "to_timestamp(NULL)",
                "typeof(to_timestamp(NULL))", "to_timestamp('')", "to_timestamp(1710498645)",
                "to_timestamp(1.5)", "to_timestamp(true)");
        show(ctx, table(ctx), to_timestamp(col("ts")), to_timestamp(col("dt")));
        showExpr(ctx, table(ctx), "to_timestamp(dt)", "to_timestamp(l)", "to_timestamp(d)");
    }

    @Case
    public static void toTimestampWithPatterns(CaseContext ctx) {
        Dataset<Row> a = strings(ctx, "2024-03-15 10:30:45", "1999-12-31 23:59:59", "2024-02-29 00:00:00", null);
        show(ctx, a, to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss"));
        showExpr(ctx, a, "to_timestamp(s, 'yyyy-MM-dd HH:mm:ss')");
        Dataset<Row> b = strings(ctx, "15/03/2024", "01/01/1970", "29/02/2000", null);
        show(ctx, b, to_timestamp(col("s"), "dd/MM/yyyy"));
        showExpr(ctx, b, "to_timestamp(s, 'dd/MM/yyyy')", "to_timestamp(s, 'd/M/y')");
        Dataset<Row> c = strings(ctx, "2024-03-15 10:30:45.123", "2024-03-15 10:30:45.000", "1969-12-31 23:59:59.999");
        show(ctx, c, to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss.SSS"));
        showExpr(ctx, c, "to_timestamp(s, 'yyyy-MM-dd HH:mm:ss.SSS')");
        Dataset<Row> d = strings(ctx, "2024-03-15T10:30:45", "2000-01-01T00:00:00");
        show(ctx, d, to_timestamp(col("s"), "yyyy-MM-dd'T'HH:mm:ss"));
        showExpr(ctx, d, "to_timestamp(s, \"yyyy-MM-dd'T'HH:mm:ss\")");
        showExpr(ctx, strings(ctx, "x"),
                "to_timestamp('20240315103045', 'yyyyMMddHHmmss')",
                "to_timestamp('2024-03-15 10:30:45.123456', 'yyyy-MM-dd HH:mm:ss.SSSSSS')",
                "to_timestamp('2024-03-15 10:30:45.12', 'yyyy-MM-dd HH:mm:ss.SSS')",
                "to_timestamp('Mar 5, 2024 1:02 PM', 'MMM d, yyyy h:mm a')",
                "to_timestamp('Friday, March 15, 2024', 'EEEE, MMMM d, yyyy')",
                "to_timestamp('2024-03-15 10:30:45+02:00', 'yyyy-MM-dd HH:mm:ssXXX')",
                "to_timestamp('2024-03-15 10:30:45 PST', 'yyyy-MM-dd HH:mm:ss z')",
                "to_timestamp('2024-03-15', 'yyyy-MM-dd')",
                "to_timestamp('2024', 'yyyy')",
                "to_timestamp('10:30', 'HH:mm')",
                "to_timestamp('24-03-15', 'yy-MM-dd')",
                "to_timestamp('2024-075', 'yyyy-DDD')",
                "to_timestamp('2024-03-15', NULL)",
                "to_timestamp(NULL, 'yyyy')");
    }

    @Case
    public static void toTimestampInvalidInputAnsiErrorVsTryNull(CaseContext ctx) {
        Dataset<Row> in = strings(ctx, "2024-03-15 10:30:45", "not a date", null);
        show(ctx, in, to_timestamp(col("s")), to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss"),
                try_to_timestamp(col("s")), try_to_timestamp(col("s"), lit("yyyy-MM-dd HH:mm:ss")));
        showExpr(ctx, in, "to_timestamp(s)", "to_timestamp(s, 'yyyy-MM-dd HH:mm:ss')",
                "try_to_timestamp(s)", "try_to_timestamp(s, 'yyyy-MM-dd HH:mm:ss')");
        showExpr(ctx, strings(ctx, "x"),
                "to_timestamp('15/03/2024', 'yyyy-MM-dd')",
                "to_timestamp('2024-03-15 10:30:45 extra', 'yyyy-MM-dd HH:mm:ss')",
                "to_timestamp('2024-02-30 00:00:00', 'yyyy-MM-dd HH:mm:ss')",
                "to_timestamp('2024-02-30 00:00:00')",
                "to_timestamp('2024-03-15 25:00:00', 'yyyy-MM-dd HH:mm:ss')",
                "try_to_timestamp('2024-02-30 00:00:00', 'yyyy-MM-dd HH:mm:ss')",
                "try_to_timestamp('15/03/2024', 'yyyy-MM-dd')",
                "to_timestamp('2024-03-15', 'yyyy-MM-dd bb')",
                "try_to_timestamp('2024-03-15', 'yyyy-MM-dd bb')",
                "to_timestamp('2024-03-15', 'YYYY-MM-dd')",
                "to_timestamp('2024-03-15', 'yyyy-MM-dd', 'x')");
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        try {
            ctx.println("spark.sql.ansi.enabled=false:");
            show(ctx, in, to_timestamp(col("s")), to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss"));
            showExpr(ctx, strings(ctx, "x"), "to_timestamp('2024-02-30 00:00:00', 'yyyy-MM-dd HH:mm:ss')");
        } finally {
            ctx.spark().conf().set("spark.sql.ansi.enabled", "true");
        }
    }

    @Case
    public static void tryToTimestampNullInsteadOfErrors(CaseContext ctx) {
        Dataset<Row> in = strings(ctx, "2024-03-15 10:30:45", "2024-03-15", "15/03/2024", "", "bad", null);
        show(ctx, in, try_to_timestamp(col("s")), try_to_timestamp(col("s"), lit("dd/MM/yyyy")));
        showExpr(ctx, in, "try_to_timestamp(s)", "try_to_timestamp(s, 'dd/MM/yyyy')");
        show(ctx, table(ctx), try_to_timestamp(col("ts")), try_to_timestamp(col("dt")));
        showExpr(ctx, table(ctx), "try_to_timestamp(s)", "try_to_timestamp(i)", "try_to_timestamp(d)",
                "try_to_timestamp(b)", "try_to_timestamp()", "try_to_timestamp(s, t, s)");
        // there is no try_to_date in Spark 4.0
        showExpr(ctx, strings(ctx, "x"), "try_to_date('2024-03-15')");
    }

    @Case
    public static void toDateDefaultAndPatterns(CaseContext ctx) {
        Dataset<Row> in = strings(ctx, "2024-03-15", "2024-03-15 10:30:45", "2024-03-15T23:59:59Z", "2024-3-5",
                " 2024-03-15 ", "2024", "2024-03", null);
        show(ctx, in, to_date(col("s")));
        showExpr(ctx, in, "to_date(s)");
        Dataset<Row> dmy = strings(ctx, "15/03/2024", "29/02/2000", null);
        show(ctx, dmy, to_date(col("s"), "dd/MM/yyyy"));
        showExpr(ctx, dmy, "to_date(s, 'dd/MM/yyyy')");
        show(ctx, table(ctx), to_date(col("ts")), to_date(col("dt")));
        showExpr(ctx, table(ctx), "to_date(ts)", "to_date(dt)", "to_date(ts, 'yyyy-MM-dd')");
        showExpr(ctx, strings(ctx, "x"),
                "to_date('2024-03-15 10:30:45', 'yyyy-MM-dd HH:mm:ss')",
                "to_date('Mar 15 2024', 'MMM dd yyyy')",
                "to_date('2024-03-15', 'yyyy-MM-dd HH')",
                "to_date('bad')",
                "to_date('2024-02-30')",
                "to_date('15/03/2024', 'yyyy-MM-dd')",
                "to_date(20240315)",
                "to_date(NULL)",
                "to_date()");
    }

    @Case
    public static void unixTimestampAndToUnixTimestamp(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, unix_timestamp(col("ts")), unix_timestamp(col("dt")), to_unix_timestamp(col("ts")),
                to_unix_timestamp(col("dt")));
        showExpr(ctx, t, "unix_timestamp(ts)", "unix_timestamp(dt)", "to_unix_timestamp(ts)", "unix_timestamp(i)",
                "unix_timestamp(s)");
        Dataset<Row> s = strings(ctx, "2024-03-15 10:30:45", "1969-12-31 23:59:59", "1970-01-01 00:00:00", null);
        show(ctx, s, unix_timestamp(col("s")), unix_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss"),
                to_unix_timestamp(col("s")), to_unix_timestamp(col("s"), lit("yyyy-MM-dd HH:mm:ss")));
        showExpr(ctx, s, "unix_timestamp(s)", "unix_timestamp(s, 'yyyy-MM-dd HH:mm:ss')",
                "to_unix_timestamp(s, 'yyyy-MM-dd HH:mm:ss')");
        Dataset<Row> dmy = strings(ctx, "15/03/2024", "01/01/1970");
        show(ctx, dmy, unix_timestamp(col("s"), "dd/MM/yyyy"), to_unix_timestamp(col("s"), lit("dd/MM/yyyy")));
        showExpr(ctx, strings(ctx, "x"),
                "unix_timestamp('1969-12-31 23:59:59.5')",
                "unix_timestamp(TIMESTAMP'1969-12-31 23:59:59.5')",
                "unix_timestamp('2024-03-15')",
                "unix_timestamp('bad')",
                "unix_timestamp('15/03/2024', 'yyyy-MM-dd')",
                "to_unix_timestamp('bad')",
                "unix_timestamp(NULL)",
                "unix_timestamp('2024-03-15', 'yyyy-MM-dd', 'x')");
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        try {
            ctx.println("spark.sql.ansi.enabled=false:");
            showExpr(ctx, strings(ctx, "x"), "unix_timestamp('bad')", "to_unix_timestamp('bad', 'yyyy')");
        } finally {
            ctx.spark().conf().set("spark.sql.ansi.enabled", "true");
        }
    }

    @Case
    public static void fromUnixtimeDefaultAndPattern(CaseContext ctx) {
        Dataset<Row> in = longs(ctx, 0L, 1710498645L, -1L, 951825600L, 253402300799L, null);
        show(ctx, in, from_unixtime(col("l")), from_unixtime(col("l"), "yyyy/MM/dd HH:mm"),
                from_unixtime(col("l"), "EEE dd MMM yyyy"));
        showExpr(ctx, in, "from_unixtime(l)", "from_unixtime(l, 'dd/MM/yyyy')", "from_unixtime(l, 'yyyy-MM-dd HH:mm:ss.SSS')");
        show(ctx, table(ctx), from_unixtime(col("i")));
        showExpr(ctx, table(ctx), "from_unixtime(i)", "from_unixtime(d)", "from_unixtime(s)", "from_unixtime(ts)");
        showExpr(ctx, strings(ctx, "x"),
                "from_unixtime(0)",
                "from_unixtime(1.9)",
                "from_unixtime('100')",
                "from_unixtime(NULL)",
                "from_unixtime(0, NULL)",
                "from_unixtime(0, '')",
                "from_unixtime(0, 'yyyy-MM-dd bb')",
                "from_unixtime(9223372036854775807)",
                "from_unixtime()");
    }

    @Case
    public static void unixSecondsMillisMicrosAndUnixDate(CaseContext ctx) {
        Dataset<Row> t = table(ctx, new StructType().add("ts", DataTypes.TimestampType).add("dt", DataTypes.DateType),
                new Object[] {ts("2024-03-15 10:30:45.123456"), java.sql.Date.valueOf("2024-03-15")},
                new Object[] {ts("1969-12-31 23:59:59.999999"), java.sql.Date.valueOf("1969-12-31")},
                new Object[] {ts("1970-01-01 00:00:00"), java.sql.Date.valueOf("1970-01-01")},
                new Object[] {ts("1900-01-01 00:00:00.5"), java.sql.Date.valueOf("1900-01-01")},
                new Object[] {null, null});
        show(ctx, t, unix_seconds(col("ts")), unix_millis(col("ts")), unix_micros(col("ts")), unix_date(col("dt")));
        showExpr(ctx, t, "unix_seconds(ts)", "unix_millis(ts)", "unix_micros(ts)", "unix_date(dt)");
        showExpr(ctx, t, "unix_seconds(dt)", "unix_micros(dt)", "unix_date(ts)", "unix_seconds('2024-03-15 10:30:45')",
                "unix_date('2024-03-15')", "unix_seconds(1)", "unix_seconds()");
    }

    @Case
    public static void timestampSecondsMillisMicros(CaseContext ctx) {
        Dataset<Row> in = longs(ctx, 0L, 1710498645L, -1L, 1234567890123L, null);
        show(ctx, in, timestamp_seconds(col("l")), timestamp_millis(col("l")), timestamp_micros(col("l")));
        showExpr(ctx, in, "timestamp_seconds(l)", "timestamp_millis(l)", "timestamp_micros(l)");
        show(ctx, table(ctx), timestamp_seconds(col("i")), timestamp_seconds(col("d")));
        showExpr(ctx, table(ctx), "timestamp_seconds(i)", "timestamp_seconds(d)", "timestamp_millis(i)",
                "timestamp_millis(d)", "timestamp_seconds(s)", "timestamp_seconds(ts)");
        showExpr(ctx, strings(ctx, "x"),
                "timestamp_seconds(1.5)",
                "typeof(1.5)",
                "timestamp_seconds(CAST(1.5 AS DOUBLE))",
                "timestamp_seconds(-0.000001)",
                "timestamp_seconds(1e-7)",
                "timestamp_seconds(CAST('NaN' AS DOUBLE))",
                "timestamp_seconds(CAST('Infinity' AS DOUBLE))",
                "timestamp_seconds(9223372036854775807)",
                "timestamp_millis(9223372036854775807)",
                "timestamp_micros(9223372036854775807)",
                "timestamp_seconds(NULL)",
                "timestamp_seconds()");
        show(ctx, strings(ctx, "x"), timestamp_seconds(lit(Long.MAX_VALUE)), timestamp_seconds(lit(1.25)));
    }

    @Case
    public static void dateFromUnixDate(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, date_from_unix_date(col("i")));
        showExpr(ctx, t, "date_from_unix_date(i)", "date_from_unix_date(l)", "date_from_unix_date(d)",
                "date_from_unix_date(s)", "date_from_unix_date(dt)");
        showExpr(ctx, strings(ctx, "x"),
                "date_from_unix_date(0)",
                "date_from_unix_date(19797)",
                "date_from_unix_date(-1)",
                "date_from_unix_date(2932896)",
                "date_from_unix_date(2147483647)",
                "date_from_unix_date(unix_date(DATE'2024-02-29'))",
                "date_from_unix_date('10')",
                "date_from_unix_date(NULL)",
                "date_from_unix_date()");
    }
}
