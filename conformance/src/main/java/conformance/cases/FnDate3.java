package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.sql.Date;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Date and time functions, part 3: calendar arithmetic ({@code date_add}, {@code add_months},
 * {@code months_between}, {@code datediff}, {@code timestampadd}/{@code timestampdiff}),
 * truncation ({@code date_trunc}, {@code trunc}, {@code last_day}, {@code next_day}) and building
 * dates and timestamps from fields ({@code make_date}, {@code make_timestamp}). Every run is in UTC.
 */
public final class FnDate3 {
    private FnDate3() {
    }

    /** Month ends and leap days, with a month count per row. */
    private static Dataset<Row> monthEnds(CaseContext ctx) {
        return table(ctx, new StructType().add("dt", DataTypes.DateType).add("n", DataTypes.IntegerType),
                new Object[] {Date.valueOf("2024-01-31"), 1},
                new Object[] {Date.valueOf("2024-02-29"), 12},
                new Object[] {Date.valueOf("2023-01-31"), 1},
                new Object[] {Date.valueOf("2024-03-31"), -1},
                new Object[] {Date.valueOf("2024-12-15"), 2},
                new Object[] {Date.valueOf("2024-02-28"), -12},
                new Object[] {null, 1},
                new Object[] {Date.valueOf("2024-05-31"), null});
    }

    /** Pairs of timestamps {@code a}, {@code b}. */
    private static Dataset<Row> pairs(CaseContext ctx) {
        return table(ctx, new StructType().add("a", DataTypes.TimestampType).add("b", DataTypes.TimestampType),
                new Object[] {ts("2024-03-31 00:00:00"), ts("2024-02-29 00:00:00")},
                new Object[] {ts("2024-03-15 10:00:00"), ts("2024-01-15 08:00:00")},
                new Object[] {ts("2024-03-16 00:00:00"), ts("2024-01-15 00:00:00")},
                new Object[] {ts("1997-02-28 10:30:00"), ts("1996-10-30 00:00:00")},
                new Object[] {ts("2024-01-01 00:00:00"), ts("2024-03-01 12:00:00")},
                new Object[] {ts("2024-03-16 00:00:01"), ts("2024-03-15 23:59:59")},
                new Object[] {ts("2025-03-15 10:30:45.5"), ts("2024-03-15 10:30:45.123456")},
                new Object[] {null, ts("2024-01-01 00:00:00")});
    }

    @Case
    public static void dateAddDateSubDayCounts(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, date_add(col("dt"), 1), date_add(col("dt"), col("i")), date_sub(col("dt"), 1),
                date_sub(col("dt"), col("i")), date_add(col("ts"), 1), date_add(col("s"), 1), date_add(col("dt"), col("l")),
                date_add(col("dt"), lit("2")), date_sub(lit("2024-03-01"), 1));
        showExpr(ctx, t, "date_add(dt, 1)", "date_add(dt, i)", "date_sub(dt, i)", "date_add(dt, -1)", "date_add(dt, l)",
                "date_add(dt, CAST(1 AS BIGINT))", "date_add(dt, 1Y)", "date_add(dt, 1S)", "date_add(dt, '2')",
                "date_add(dt, '2.5')", "date_add(dt, d)", "date_add(dt, 1.0)", "date_add(ts, 1)",
                "date_add('2024-02-28', 1)", "date_add('2024-02-28 23:00:00', 1)", "date_sub('2024-03-01', 1)",
                "date_add(dt, NULL)", "date_add(i, 1)", "date_add(dt)", "date_add(dt, 1, 2)");
        showExpr(ctx, strings(ctx, "x"), "date_add(DATE'9999-12-31', 1)", "unix_date(date_add(DATE'2024-01-01', 2147483647))",
                "date_sub(DATE'0001-01-01', 1)");
    }

    @Case
    public static void dateaddAliasAndUnitForms(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, dateadd(col("dt"), col("i")), dateadd(col("dt"), lit(1)));
        showExpr(ctx, t, "dateadd(dt, 1)", "dateadd(dt, i)", "dateadd(DAY, 1, ts)", "dateadd(MONTH, 1, dt)",
                "date_add(HOUR, 2, ts)", "date_add(MINUTE, i, ts)", "dateadd(dt)");
    }

    @Case
    public static void addMonthsEndOfMonth(CaseContext ctx) {
        Dataset<Row> m = monthEnds(ctx);
        show(ctx, m, add_months(col("dt"), 1), add_months(col("dt"), -1), add_months(col("dt"), 12),
                add_months(col("dt"), col("n")));
        showExpr(ctx, m, "add_months(dt, 1)", "add_months(dt, n)", "add_months(dt, 0)");
        Dataset<Row> t = table(ctx);
        show(ctx, t, add_months(col("ts"), 1), add_months(col("s"), 1));
        showExpr(ctx, t, "add_months(ts, 1)", "add_months('2024-01-31', 1)", "add_months('2024-01-31 23:59:59', 1)",
                "add_months(dt, l)", "add_months(dt, '3')", "add_months(dt, 1.5)", "add_months(dt, d)",
                "add_months(DATE'9999-12-31', 1)", "add_months(dt, NULL)", "add_months(i, 1)", "add_months(dt)");
    }

    @Case
    public static void monthsBetweenRoundOff(CaseContext ctx) {
        Dataset<Row> p = pairs(ctx);
        show(ctx, p, months_between(col("a"), col("b")), months_between(col("a"), col("b"), false),
                months_between(col("a"), col("b"), true), months_between(col("b"), col("a")));
        showExpr(ctx, p, "months_between(a, b)", "months_between(a, b, false)", "months_between(a, b, true)");
        Dataset<Row> t = table(ctx);
        show(ctx, t, months_between(col("dt"), lit(Date.valueOf("2024-01-31"))));
        showExpr(ctx, t, "months_between(dt, DATE'2024-01-31')", "months_between(ts, dt)",
                "months_between('1997-02-28 10:30:00', '1996-10-30')", "months_between('1997-02-28 10:30:00', '1996-10-30', false)",
                "months_between(DATE'2024-02-29', DATE'2024-01-31')", "months_between(DATE'2024-02-28', DATE'2024-01-31')",
                "months_between(ts, dt, 'x')", "months_between(dt, i)", "months_between(dt)");
    }

    @Case
    public static void datediffAndDateDiff(CaseContext ctx) {
        Dataset<Row> p = pairs(ctx);
        show(ctx, p, datediff(col("a"), col("b")), date_diff(col("a"), col("b")), datediff(col("b"), col("a")));
        showExpr(ctx, p, "datediff(a, b)", "date_diff(a, b)");
        Dataset<Row> t = table(ctx);
        show(ctx, t, datediff(col("dt"), lit("2024-01-01")));
        showExpr(ctx, t, "datediff(dt, '2024-01-01')", "datediff('2024-03-15', '2024-03-01 23:59:59')",
                "datediff(DATE'2024-03-01', DATE'2024-02-01')", "datediff(dt, NULL)", "datediff(s, dt)",
                "datediff(i, dt)", "datediff(dt)");
        // the three-argument forms are timestampdiff
        showExpr(ctx, p, "datediff(HOUR, b, a)", "date_diff(MONTH, b, a)", "datediff(DAY, b, a)");
    }

    @Case
    public static void dateTruncEveryUnit(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        for (String unit : new String[] {"YEAR", "YYYY", "YY", "QUARTER", "MONTH", "MM", "MON", "WEEK", "DAY", "DD",
            "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND", "month", "Week", "DECADE", "D", ""}) {
            show(ctx, t, date_trunc(unit, col("ts")));
        }
        show(ctx, t, date_trunc("MONTH", col("dt")), date_trunc("HOUR", col("s")), date_trunc((String) null, col("ts")));
        showExpr(ctx, t, "date_trunc('HOUR', ts)", "date_trunc('week', dt)", "date_trunc(t, ts)", "date_trunc('DAY', '2024-03-15 10:30:45')",
                "date_trunc('DAY', i)", "date_trunc(ts, 'DAY')", "date_trunc('DAY')");
    }

    @Case
    public static void truncDateUnits(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        for (String unit : new String[] {"year", "yyyy", "yy", "quarter", "month", "mon", "mm", "week", "MONTH", "day",
            "dd", "hour", "decade", ""}) {
            show(ctx, t, trunc(col("dt"), unit));
        }
        show(ctx, t, trunc(col("ts"), "month"), trunc(col("s"), "year"));
        showExpr(ctx, t, "trunc(dt, 'MM')", "trunc(ts, 'year')", "trunc('2024-03-15', 'quarter')", "trunc(dt, NULL)",
                "trunc(dt, t)", "trunc(i, 'year')", "trunc(d, 1)", "trunc(dt)");
    }

    @Case
    public static void lastDay(CaseContext ctx) {
        Dataset<Row> m = monthEnds(ctx);
        show(ctx, m, last_day(col("dt")));
        Dataset<Row> t = table(ctx);
        show(ctx, t, last_day(col("dt")), last_day(col("ts")));
        showExpr(ctx, t, "last_day(dt)", "last_day(ts)", "last_day('2024-02-10')", "last_day('2023-02-10 23:00:00')",
                "last_day(s)", "last_day(i)", "last_day(NULL)", "last_day()");
    }

    @Case
    public static void nextDayNamesAndBadName(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, next_day(col("dt"), "Mon"), next_day(col("dt"), "monday"), next_day(col("dt"), "MO"),
                next_day(col("dt"), "FRI"), next_day(col("ts"), "Sunday"), next_day(col("dt"), lit("tu")));
        showExpr(ctx, t, "next_day(dt, 'Mon')", "next_day(dt, 'sat')", "next_day('2024-03-15', 'Fri')", "next_day(dt, NULL)",
                "next_day(dt, 'xyz')", "next_day(dt, '')", "next_day(dt, 'M')", "next_day(dt, t)", "next_day(i, 'Mon')",
                "next_day(dt)");
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        try {
            ctx.println("spark.sql.ansi.enabled=false:");
            showExpr(ctx, t, "next_day(dt, 'xyz')");
        } finally {
            ctx.spark().conf().set("spark.sql.ansi.enabled", "true");
        }
    }

    @Case
    public static void makeDateValidAndInvalid(CaseContext ctx) {
        Dataset<Row> ymd = table(ctx, new StructType().add("y", DataTypes.IntegerType).add("m", DataTypes.IntegerType)
                        .add("d", DataTypes.IntegerType),
                new Object[] {2024, 3, 15}, new Object[] {2024, 2, 29}, new Object[] {1, 1, 1}, new Object[] {9999, 12, 31},
                new Object[] {null, 1, 1}, new Object[] {2024, null, 1});
        show(ctx, ymd, make_date(col("y"), col("m"), col("d")));
        showExpr(ctx, ymd, "make_date(y, m, d)");
        showExpr(ctx, strings(ctx, "x"), "make_date(2024, 2, 29)", "make_date(2023, 2, 29)", "make_date(2024, 13, 1)",
                "make_date(2024, 0, 1)", "unix_date(make_date(0, 1, 1))", "make_date(10000, 1, 1)", "unix_date(make_date(-1, 1, 1))",
                "make_date('2024', '3', '15')", "make_date(2024L, 3, 15)", "make_date(2024, 3, 15.7)", "make_date(2024, 3, 'x')",
                "make_date(2024, 3)", "make_date(true, 1, 1)");
        show(ctx, strings(ctx, "x"), make_date(lit(2023), lit(2), lit(29)));
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        try {
            ctx.println("spark.sql.ansi.enabled=false:");
            showExpr(ctx, strings(ctx, "x"), "make_date(2023, 2, 29)", "make_date(2024, 13, 1)");
        } finally {
            ctx.spark().conf().set("spark.sql.ansi.enabled", "true");
        }
    }

    @Case
    public static void makeTimestampFractionsAndInvalid(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        show(ctx, one,
                make_timestamp(lit(2024), lit(3), lit(15), lit(10), lit(30), lit(45)),
                make_timestamp(lit(2024), lit(3), lit(15), lit(10), lit(30), lit(new java.math.BigDecimal("45.123456"))),
                make_timestamp(lit(2024), lit(3), lit(15), lit(10), lit(30), lit(45.5)),
                make_timestamp(lit(2024), lit(3), lit(15), lit(10), lit(30), lit(45), lit("America/Los_Angeles")),
                make_timestamp(lit(2024), lit(2), lit(30), lit(0), lit(0), lit(0)));
        showExpr(ctx, one,
                "make_timestamp(2024, 3, 15, 10, 30, 45.123456)",
                "make_timestamp(2024, 3, 15, 10, 30, 45.1234567)",
                "make_timestamp(2024, 3, 15, 10, 30, 45)",
                "make_timestamp(2024, 3, 15, 10, 30, 60)",
                "make_timestamp(2024, 3, 15, 23, 59, 60)",
                "make_timestamp(2024, 3, 15, 10, 30, 60.5)",
                "make_timestamp(2024, 3, 15, 10, 30, 61)",
                "make_timestamp(2024, 3, 15, 24, 0, 0)",
                "make_timestamp(2024, 13, 1, 0, 0, 0)",
                "make_timestamp(2024, 3, 15, 10, 30, -1)",
                "make_timestamp(2024, 3, 15, 10, 30, 45, 'Asia/Seoul')",
                "make_timestamp(2024, 3, 15, 10, 30, 45, '+02:00')",
                "make_timestamp(2024, 3, 15, 10, 30, 45, 'Mars/Base')",
                "make_timestamp(2024, 3, 15, 10, 30, NULL)",
                "make_timestamp(2024, 3, 15, 10, 30, '45.5')",
                "make_timestamp(2024, 3, 15, 10, 30)",
                "try_make_timestamp(2024, 13, 1, 0, 0, 0)",
                "try_make_timestamp(2024, 3, 15, 10, 30, 45.5)",
                "make_timestamp_ltz(2024, 3, 15, 10, 30, 45.5)",
                "typeof(make_timestamp_ntz(2024, 3, 15, 10, 30, 45.5))");
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        try {
            ctx.println("spark.sql.ansi.enabled=false:");
            showExpr(ctx, one, "make_timestamp(2024, 13, 1, 0, 0, 0)", "make_timestamp(2024, 3, 15, 10, 30, 60.5)");
        } finally {
            ctx.spark().conf().set("spark.sql.ansi.enabled", "true");
        }
    }

    @Case
    public static void timestampaddEveryUnit(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        for (String unit : new String[] {"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR", "MINUTE", "SECOND",
            "MILLISECOND", "MICROSECOND"}) {
            showExpr(ctx, t, "timestampadd(" + unit + ", 1, ts)");
        }
        showExpr(ctx, t, "timestampadd(MONTH, 1, dt)", "timestampadd(MONTH, i, ts)", "timestampadd(DAY, l, ts)",
                "timestampadd(SECOND, d, ts)", "timestampadd(MONTH, 1, '2024-01-31')", "timestampadd(YEAR, 1, TIMESTAMP'2024-02-29 12:00:00')",
                "timestampadd(MONTH, -1, TIMESTAMP'2024-03-31 00:00:00')", "timestampadd(DAY, NULL, ts)", "timestampadd(DECADE, 1, ts)",
                "timestampadd('MONTH', 1, ts)", "timestampadd(MONTH, 1)", "timestamp_add(DAY, 1, ts)",
                "timestampadd(YEAR, 300000, TIMESTAMP'2024-01-01 00:00:00')");
        show(ctx, t, timestamp_add("MONTH", lit(1), col("ts")), timestamp_add("hour", col("i"), col("ts")),
                timestamp_add("DAY", lit(1), col("dt")));
    }

    @Case
    public static void timestampdiffEveryUnit(CaseContext ctx) {
        Dataset<Row> p = pairs(ctx);
        for (String unit : new String[] {"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND",
            "MILLISECOND", "MICROSECOND"}) {
            showExpr(ctx, p, "timestampdiff(" + unit + ", b, a)");
        }
        showExpr(ctx, p, "timestampdiff(DAY, a, b)", "timestampdiff(MONTH, DATE'2024-01-31', DATE'2024-02-29')",
                "timestampdiff(DAY, '2024-01-01', '2024-03-01')", "timestampdiff(DECADE, a, b)", "timestamp_diff(DAY, b, a)",
                "timestampdiff(DAY, a)");
        show(ctx, p, timestamp_diff("DAY", col("b"), col("a")), timestamp_diff("month", col("b"), col("a")),
                timestamp_diff("HOURS", col("b"), col("a")));
    }
}
