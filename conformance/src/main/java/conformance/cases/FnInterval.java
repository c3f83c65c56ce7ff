package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Interval types ({@code interval day to second} and its field ranges, {@code interval year to
 * month}, the calendar {@code interval}) and {@code timestamp_ntz}: their names, how rows hold and
 * return them ({@code Duration}, {@code Period}, {@code LocalDateTime}), literals, arithmetic,
 * comparisons, casts and the constructors.
 */
public final class FnInterval {
    private FnInterval() {
    }

    @Case
    public static void intervalTypesAndNames(CaseContext ctx) {
        ctx.println(DataTypes.createDayTimeIntervalType().simpleString());
        ctx.println(DataTypes.createDayTimeIntervalType(DayTimeIntervalType.HOUR(), DayTimeIntervalType.MINUTE()).simpleString());
        ctx.println(DataTypes.createDayTimeIntervalType(DayTimeIntervalType.SECOND(), DayTimeIntervalType.SECOND()).typeName());
        ctx.println(DataTypes.createYearMonthIntervalType().simpleString());
        ctx.println(DataTypes.createYearMonthIntervalType(YearMonthIntervalType.MONTH(), YearMonthIntervalType.MONTH()).simpleString());
        ctx.println(DataTypes.CalendarIntervalType.simpleString());
        ctx.println(DataTypes.TimestampNTZType.simpleString());
        ctx.println(DataTypes.createDayTimeIntervalType().equals(DataTypes.createDayTimeIntervalType((byte) 0, (byte) 3)));
        StructType schema = StructType.fromDDL("a INTERVAL DAY TO SECOND, b INTERVAL YEAR TO MONTH, c INTERVAL HOUR, d TIMESTAMP_NTZ");
        for (var f : schema.fields()) {
            ctx.println(f.name() + " " + f.dataType().simpleString());
        }
    }

    @Case
    public static void intervalValuesInRows(CaseContext ctx) {
        StructType schema = new StructType().add("d", DataTypes.createDayTimeIntervalType())
                .add("y", DataTypes.createYearMonthIntervalType()).add("n", DataTypes.TimestampNTZType);
        List<Row> rows = Arrays.asList(
                RowFactory.create(Duration.ofHours(26).plusMinutes(3).plusSeconds(4), Period.ofMonths(14),
                        LocalDateTime.of(2024, 3, 15, 10, 30, 45, 123456000)),
                RowFactory.create(Duration.ofSeconds(-90), Period.ofYears(-1), LocalDateTime.of(1969, 12, 31, 23, 59)),
                RowFactory.create(null, null, null));
        Dataset<Row> df = ctx.spark().createDataFrame(rows, schema);
        show(ctx, df, col("d"), col("y"), col("n"), col("d").cast("string"), col("y").cast("string"), col("n").cast("string"),
                col("d").plus(col("d")), col("y").minus(col("y")), negate(col("d")), col("d").multiply(3), col("y").divide(2),
                col("d").gt(expr("INTERVAL 1 DAY")), col("n").plus(col("d")), col("n").cast("timestamp"), col("n").cast("date"));
        showExpr(ctx, df, "d * 1.5", "y * 0.5", "d / 0", "- y", "abs(d)", "d = INTERVAL '1 02:03:04' DAY TO SECOND",
                "extract(HOUR FROM d)", "extract(MONTH FROM y)", "n - INTERVAL 1 HOUR", "n + y");
        ctx.println("schema: " + df.select(col("d").plus(col("d")), col("n").plus(col("y"))).schema().simpleString());
    }

    @Case
    public static void intervalLiteralForms(CaseContext ctx) {
        showExpr(ctx, strings(ctx, "x"),
                "INTERVAL 3 HOURS 2 MINUTES",
                "INTERVAL 1 WEEK 2 DAYS",
                "INTERVAL 1 SECOND 500 MILLISECONDS",
                "INTERVAL 2 YEARS 3 MONTHS",
                "INTERVAL -1 DAY",
                "INTERVAL '-1' DAY",
                "- INTERVAL '1-2' YEAR TO MONTH",
                "INTERVAL '10:20' MINUTE TO SECOND",
                "INTERVAL '1 10' DAY TO HOUR",
                "INTERVAL 1.5 SECONDS",
                "INTERVAL '1' DAY + INTERVAL '2' HOUR",
                "INTERVAL '1' YEAR + INTERVAL '2' MONTH",
                "INTERVAL '1' YEAR + INTERVAL '2' DAY",
                "INTERVAL 1 DAY > INTERVAL 23 HOURS",
                "typeof(INTERVAL 3 HOURS 2 MINUTES)",
                "CAST(INTERVAL '1 02:03:04' DAY TO SECOND AS STRING)",
                "CAST(INTERVAL '1-2' YEAR TO MONTH AS STRING)",
                "CAST(NULL AS INTERVAL DAY)",
                "INTERVAL 1 DAY * 2",
                "2 * INTERVAL '1-1' YEAR TO MONTH",
                "INTERVAL '1-1' YEAR TO MONTH / 2",
                "INTERVAL 1 DAY / 0");
    }

    @Case
    public static void timestampNtzLiteralsAndCasts(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        showExpr(ctx, t, "CAST(ts AS TIMESTAMP_NTZ)", "CAST(dt AS TIMESTAMP_NTZ)",
                "CAST(CAST(ts AS TIMESTAMP_NTZ) AS TIMESTAMP)", "typeof(CAST(ts AS TIMESTAMP_NTZ))");
        showExpr(ctx, strings(ctx, "x"), "TIMESTAMP_NTZ '2024-03-15 10:30:45.5'", "typeof(TIMESTAMP_NTZ '2024-03-15 10:30:45')",
                "CAST(TIMESTAMP_NTZ '2024-03-15 10:30:45' AS STRING)", "CAST(TIMESTAMP_NTZ '2024-03-15 10:30:45' AS DATE)",
                "CAST('2024-03-15 10:30:45' AS TIMESTAMP_NTZ)",
                "TIMESTAMP_NTZ '2024-03-15 10:30:45' + INTERVAL 1 DAY",
                "TIMESTAMP_NTZ '2024-03-15 10:30:45' - TIMESTAMP_NTZ '2024-03-14 00:00:00'",
                "hour(TIMESTAMP_NTZ '2024-03-15 10:30:45')",
                "make_timestamp_ntz(2024, 3, 15, 10, 30, 45.5)", "to_timestamp_ntz('2024-03-15 10:30:45')",
                "to_timestamp_ntz('15/03/2024', 'dd/MM/yyyy')");
    }

    @Case
    public static void sessionZoneAndNtz(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        for (String zone : new String[] {"UTC", "Asia/Seoul"}) {
            ctx.spark().conf().set("spark.sql.session.timeZone", zone);
            ctx.println("session time zone " + zone + ":");
            showExpr(ctx, t, "CAST(ts AS TIMESTAMP_NTZ)", "CAST(CAST(ts AS TIMESTAMP_NTZ) AS TIMESTAMP)");
            showExpr(ctx, strings(ctx, "x"), "TIMESTAMP '2024-03-15 10:30:45'", "CAST(TIMESTAMP_NTZ '2024-03-15 10:30:45' AS TIMESTAMP)",
                    "typeof(localtimestamp())");
        }
        ctx.spark().conf().set("spark.sql.session.timeZone", "UTC");
    }

    @Case
    public static void nestedCastsNamedAfterTheColumn(CaseContext ctx) {
        showExpr(ctx, table(ctx), "CAST(CAST(i AS BIGINT) AS STRING)", "CAST(CAST(ts AS DATE) AS STRING)", "CAST(CAST(ts AS TIMESTAMP_NTZ) AS STRING)");
        show(ctx, table(ctx), col("i").cast("bigint").cast("string"));
    }

    /** Intervals and timestamp_ntz as {@code show()} prints them, grouped, sorted and summed. */
    @Case
    public static void intervalsShownGroupedAndSummed(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.StringType).add("d", DataTypes.createDayTimeIntervalType())
                .add("y", DataTypes.createYearMonthIntervalType()).add("n", DataTypes.TimestampNTZType);
        List<Row> rows = Arrays.asList(
                RowFactory.create("a", Duration.ofHours(26).plusMinutes(3).plusSeconds(4).plusMillis(500), Period.ofMonths(14),
                        LocalDateTime.of(2024, 3, 15, 10, 30, 45)),
                RowFactory.create("b", Duration.ofSeconds(-90), Period.ofYears(-1), LocalDateTime.of(1969, 12, 31, 23, 59)),
                RowFactory.create("a", Duration.ofMinutes(30), Period.ofMonths(1), null),
                RowFactory.create("b", null, null, LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000)));
        Dataset<Row> df = ctx.spark().createDataFrame(rows, schema);
        df.show(false);
        df.selectExpr("make_interval(1, 2, 0, 3, 4, 5, 6.5) AS c", "INTERVAL '3' HOUR AS h",
                "INTERVAL '1-2' YEAR TO MONTH AS ym").show();
        Dataset<Row> g = df.groupBy(col("k")).agg(sum(col("d")), avg(col("d")), sum(col("y")), avg(col("y")),
                max(col("d")), min(col("y")), count(col("n")), max(col("n"))).orderBy(col("k"));
        ctx.println(g.schema().simpleString());
        for (Row r : g.collectAsList()) {
            ctx.println(r.toString());
        }
        for (Row r : df.groupBy(col("d")).count().orderBy(col("d")).collectAsList()) {
            ctx.println(r.toString());
        }
        for (Row r : df.orderBy(col("y").desc_nulls_last(), col("n")).select(col("k"), col("y"), col("n")).collectAsList()) {
            ctx.println(r.toString());
        }
    }

    /** Java values as literals: {@code lit(Duration)}, {@code lit(Period)}, {@code lit(LocalDateTime)}. */
    @Case
    public static void javaTimeLiterals(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        show(ctx, one, lit(Duration.ofMinutes(90)), lit(Period.ofMonths(13)), lit(LocalDateTime.of(2024, 3, 15, 10, 30)),
                lit(Duration.ofSeconds(5)), lit(Duration.ofDays(1)).plus(lit(Duration.ofHours(1))),
                current_timestamp().minus(lit(Duration.ofDays(1))).lt(current_timestamp()));
    }

    @Case
    public static void stringsCastToIntervals(CaseContext ctx) {
        Dataset<Row> s = strings(ctx, "1 02:03:04", "INTERVAL '1 02:03:04' DAY TO SECOND", "-0 00:00:01.5", "+1 00:00:00",
                "INTERVAL -'1 02:03:04' DAY TO SECOND", null);
        show(ctx, s, col("s").cast("interval day to second"), col("s").cast(DataTypes.createDayTimeIntervalType()));
        Dataset<Row> y = strings(ctx, "1-2", "INTERVAL '1-2' YEAR TO MONTH", "-3-0", null);
        show(ctx, y, col("s").cast("interval year to month"));
        showExpr(ctx, strings(ctx, "x"), "CAST(s AS INTERVAL DAY TO SECOND)", "CAST(s AS INTERVAL YEAR TO MONTH)",
                "CAST('1 02:03' AS INTERVAL DAY TO SECOND)", "CAST('26' AS INTERVAL HOUR)", "CAST('10:20' AS INTERVAL MINUTE TO SECOND)",
                "TRY_CAST('x' AS INTERVAL DAY)", "CAST(INTERVAL '1 02:03:04' DAY TO SECOND AS INTERVAL HOUR)",
                "CAST(INTERVAL '1-11' YEAR TO MONTH AS INTERVAL YEAR)");
    }

    /** The constructors through the Java API, with their left-out arguments, and try_make_interval's overflow. */
    @Case
    public static void constructorsFromJava(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, make_dt_interval(col("i")), make_dt_interval(col("i"), col("i")), make_dt_interval(col("i"), lit(1), lit(2)),
                make_dt_interval(), make_ym_interval(), make_ym_interval(col("i")), make_interval(col("i")),
                make_interval(col("i"), lit(2)), make_interval(), try_make_interval(lit(178956971)), try_make_interval(col("i"), col("i")),
                make_timestamp_ntz(lit(2024), lit(2), col("i"), lit(1), lit(2), lit(3.5)), to_timestamp_ntz(col("ts")),
                to_timestamp_ntz(col("s"), lit("yyyy")), to_timestamp_ntz(lit("2024-03-15 10:30:45")));
        showExpr(ctx, t, "make_interval(i, 1, 1, 1, 1, 1, 1.5)", "try_make_interval(2147483647, 1)",
                "make_interval(2147483647, 1)", "ts + make_interval(0, 1, 0, 1, 1)", "dt + make_ym_interval(i)",
                "make_ym_interval(i) * 2", "make_dt_interval(i) / 4");
    }

    /** The fields of a calendar interval, and try_ arithmetic of intervals. */
    @Case
    public static void calendarFieldsAndTryArithmetic(CaseContext ctx) {
        showExpr(ctx, table(ctx), "extract(YEAR FROM make_interval(i, 14, 1, 2, 26, 61, 3.25))",
                "extract(MONTH FROM make_interval(i, 14, 1, 2, 26, 61, 3.25))", "extract(DAY FROM make_interval(i, 14, 1, 2, 26, 61, 3.25))",
                "extract(HOUR FROM make_interval(i, 14, 1, 2, 26, 61, 3.25))", "date_part('MINUTE', make_interval(i, 14, 1, 2, 26, 61, 3.25))",
                "extract(SECOND FROM make_interval(i, 14, 1, 2, 26, 61, 3.25))", "extract(WEEK FROM make_interval(1))",
                "try_add(ts, INTERVAL 1 DAY)", "try_subtract(make_ym_interval(2147483647, 0), make_ym_interval(-1, 0))",
                "try_multiply(INTERVAL 1 DAY, i)", "try_divide(INTERVAL 1 DAY, i)");
    }

    /** Single-field intervals to and from integral numbers; the casts Spark refuses. */
    @Case
    public static void intervalsAndNumbers(CaseContext ctx) {
        showExpr(ctx, table(ctx), "CAST(INTERVAL '3' HOUR AS INT)", "CAST(INTERVAL '-90' MINUTE AS BIGINT)", "CAST(INTERVAL '26' MONTH AS INT)",
                "CAST(INTERVAL '2' YEAR AS SMALLINT)", "CAST(i AS INTERVAL DAY)", "CAST(l AS INTERVAL SECOND)", "CAST(i AS INTERVAL YEAR)",
                "CAST(INTERVAL '300' HOUR AS TINYINT)", "CAST(INTERVAL '1-2' YEAR TO MONTH AS INT)", "CAST(INTERVAL '1 02:00:00' DAY TO SECOND AS BIGINT)");
    }

    /** The casts Spark refuses at analysis: between the interval kinds, timestamp_ntz to a number, a boolean to an interval. */
    @Case
    public static void intervalCastsRefused(CaseContext ctx) {
        showExpr(ctx, table(ctx), "CAST(CAST(ts AS TIMESTAMP_NTZ) AS BIGINT)", "CAST(INTERVAL '1' DAY AS INTERVAL YEAR)",
                "CAST(b AS INTERVAL DAY)");
    }

    /** A string read as a calendar interval (Spark's multi-unit text). */
    @Case
    public static void stringCastToCalendarInterval(CaseContext ctx) {
        showExpr(ctx, strings(ctx, "x"), "CAST('1 day 2 hours' AS INTERVAL)", "CAST('interval 3 months' AS INTERVAL)");
    }

    /** Interval arithmetic on a stream: timestamps moved by literals, differences, a filter on a difference. */
    @Case
    public static void intervalsInStreamingQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "id INT, a TIMESTAMP, b TIMESTAMP",
                new String[] {
                    "{\"id\":1,\"a\":\"2024-03-15T10:30:45Z\",\"b\":\"2024-03-14T08:00:00Z\"}",
                    "{\"id\":2,\"a\":\"2024-01-01T00:00:00Z\",\"b\":null}"},
                new String[] {
                    "{\"id\":3,\"a\":\"2024-02-29T12:00:00Z\",\"b\":\"2024-02-29T11:59:59.5Z\"}"});
        Dataset<Row> out = in.selectExpr("id", "a + INTERVAL 1 DAY AS next_day", "a - INTERVAL '1-1' YEAR TO MONTH AS earlier",
                "a - b AS gap", "(a - b) * 2 AS twice", "CAST(a AS TIMESTAMP_NTZ) AS local", "extract(HOUR FROM a - b) AS hours",
                "make_dt_interval(id, 0, 0, 0) AS days")
                .where("b IS NULL OR a - b > INTERVAL '0.1' SECOND");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }
}
