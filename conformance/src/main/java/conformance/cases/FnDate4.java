package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;
import java.sql.Date;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Date and time functions, part 4: time zones (the session time zone
 * {@code spark.sql.session.timeZone}, {@code from_utc_timestamp}, {@code to_utc_timestamp},
 * {@code convert_timezone}), interval literals and arithmetic on timestamps and dates, the
 * functions in streaming queries ({@code window_time} over a streaming aggregation), and errors.
 *
 * <p>The runner gives each case a fresh session ({@code newSession()}), so a time zone set here
 * does not reach the next case; the cases set it back to UTC at their end all the same.
 */
public final class FnDate4 {
    private static final String TZ = "spark.sql.session.timeZone";

    private FnDate4() {
    }

    /** Instants around the 2024 US daylight-saving switches (10 March 02:00 PST, 3 November 02:00 PDT). */
    private static Dataset<Row> dst(CaseContext ctx) {
        return table(ctx, new StructType().add("ts", DataTypes.TimestampType),
                new Object[] {ts("2024-03-10 09:30:00")}, // 01:30 PST, before the spring gap
                new Object[] {ts("2024-03-10 10:30:00")}, // 03:30 PDT, after it
                new Object[] {ts("2024-11-03 08:30:00")}, // 01:30 PDT, the first 01:30
                new Object[] {ts("2024-11-03 09:30:00")}, // 01:30 PST, the second 01:30
                new Object[] {ts("2024-07-01 06:59:59")}, // 23:59:59 the day before, in LA
                new Object[] {null});
    }

    @Case
    public static void sessionTimeZoneParsingAndFormatting(CaseContext ctx) {
        Dataset<Row> in = strings(ctx, "2024-03-15 10:30:45", "2024-07-01 00:00:00", "2024-03-15T10:30:45Z",
                "2024-03-15T10:30:45+02:00", null);
        Dataset<Row> one = strings(ctx, "x");
        Dataset<Row> t = table(ctx);
        for (String zone : new String[] {"UTC", "America/Los_Angeles"}) {
            ctx.spark().conf().set(TZ, zone);
            ctx.println("session time zone " + zone + ":");
            show(ctx, one, current_timezone());
            show(ctx, in, to_timestamp(col("s")), unix_timestamp(col("s")), date_format(to_timestamp(col("s")), "yyyy-MM-dd HH:mm:ss z XXX"));
            show(ctx, t, date_format(col("ts"), "yyyy-MM-dd HH:mm:ss.SSS z"), from_unixtime(col("i")), unix_timestamp(col("dt")));
            showExpr(ctx, one, "to_timestamp('2024-03-15 10:30:45', 'yyyy-MM-dd HH:mm:ss')",
                    "to_timestamp('15/03/2024', 'dd/MM/yyyy')", "from_unixtime(0)", "unix_timestamp('1970-01-01 00:00:00')",
                    "timestamp_seconds(0)", "unix_seconds(TIMESTAMP'1970-01-01 00:00:00')", "TIMESTAMP'2024-03-15 10:30:45'",
                    "CAST(TIMESTAMP'2024-03-15 10:30:45' AS STRING)", "unix_date(DATE'1970-01-02')");
        }
        ctx.spark().conf().set(TZ, "UTC");
    }

    @Case
    public static void sessionTimeZoneFieldsAndTruncation(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        for (String zone : new String[] {"UTC", "America/Los_Angeles"}) {
            ctx.spark().conf().set(TZ, zone);
            ctx.println("session time zone " + zone + ":");
            show(ctx, t, year(col("ts")), dayofmonth(col("ts")), hour(col("ts")), dayofweek(col("ts")), to_date(col("ts")),
                    date_trunc("DAY", col("ts")), date_trunc("MONTH", col("ts")), trunc(col("ts"), "month"), last_day(col("ts")),
                    date_add(col("ts"), 1), unix_date(to_date(col("ts"))), hour(col("dt")), unix_seconds(to_timestamp(col("dt"))));
            showExpr(ctx, t, "extract(HOUR FROM ts)", "date_part('day', ts)", "weekofyear(ts)");
        }
        ctx.spark().conf().set(TZ, "UTC");
    }

    @Case
    public static void sessionTimeZoneDaylightSavingArithmetic(CaseContext ctx) {
        Dataset<Row> d = dst(ctx);
        for (String zone : new String[] {"UTC", "America/Los_Angeles"}) {
            ctx.spark().conf().set(TZ, zone);
            ctx.println("session time zone " + zone + ":");
            show(ctx, d, date_format(col("ts"), "yyyy-MM-dd HH:mm z"), col("ts").plus(expr("INTERVAL 1 DAY")),
                    col("ts").plus(expr("INTERVAL 24 HOURS")), col("ts").plus(expr("make_interval(0, 0, 0, 1)")),
                    timestamp_add("DAY", lit(1), col("ts")), timestamp_add("HOUR", lit(24), col("ts")),
                    add_months(col("ts"), 1), date_trunc("DAY", col("ts")), date_trunc("HOUR", col("ts")));
            showExpr(ctx, d, "timestampdiff(HOUR, date_trunc('DAY', ts), ts)", "ts - date_trunc('DAY', ts)",
                    "timestampdiff(DAY, ts, ts + INTERVAL 24 HOURS)");
            showExpr(ctx, strings(ctx, "x"), "to_timestamp('2024-03-10 02:30:00')", "make_timestamp(2024, 11, 3, 1, 30, 0)",
                    "to_timestamp('2024-03-10 02:30:00', 'yyyy-MM-dd HH:mm:ss')");
        }
        ctx.spark().conf().set(TZ, "UTC");
    }

    @Case
    public static void fromUtcTimestampAndToUtcTimestamp(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, from_utc_timestamp(col("ts"), "America/Los_Angeles"), to_utc_timestamp(col("ts"), "America/Los_Angeles"),
                from_utc_timestamp(col("ts"), "Asia/Seoul"), to_utc_timestamp(col("ts"), "Asia/Seoul"),
                from_utc_timestamp(col("ts"), "+08:00"), from_utc_timestamp(col("ts"), "UTC"),
                from_utc_timestamp(col("ts"), lit("Europe/Paris")), to_utc_timestamp(col("dt"), lit("GMT+1")),
                from_utc_timestamp(col("s"), "UTC"));
        showExpr(ctx, t, "from_utc_timestamp(ts, 'America/Los_Angeles')", "to_utc_timestamp(ts, 'PST')",
                "from_utc_timestamp('2024-03-15 10:30:45', 'Asia/Tokyo')", "from_utc_timestamp(dt, 'Asia/Tokyo')",
                "from_utc_timestamp(ts, NULL)", "from_utc_timestamp(ts, t)", "from_utc_timestamp(ts, 'Mars/Base')",
                "to_utc_timestamp(ts, '')", "from_utc_timestamp(i, 'UTC')", "from_utc_timestamp(ts)");
        Dataset<Row> d = dst(ctx);
        show(ctx, d, from_utc_timestamp(col("ts"), "America/Los_Angeles"),
                to_utc_timestamp(from_utc_timestamp(col("ts"), "America/Los_Angeles"), "America/Los_Angeles"));
        ctx.spark().conf().set(TZ, "America/Los_Angeles");
        ctx.println("session time zone America/Los_Angeles:");
        show(ctx, t, from_utc_timestamp(col("ts"), "America/Los_Angeles"), to_utc_timestamp(col("ts"), "Asia/Seoul"));
        ctx.spark().conf().set(TZ, "UTC");
    }

    @Case
    public static void convertTimezone(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, convert_timezone(lit("America/Los_Angeles"), col("ts")),
                convert_timezone(lit("UTC"), lit("Asia/Seoul"), col("ts")));
        showExpr(ctx, t, "convert_timezone('Europe/Brussels', 'America/Los_Angeles', timestamp_ntz'2021-12-06 00:00:00')",
                "convert_timezone('Europe/Brussels', timestamp_ntz'2021-12-05 15:00:00')",
                "typeof(convert_timezone('UTC', ts))", "convert_timezone('UTC', 'Mars/Base', ts)");
    }

    @Case
    public static void intervalLiteralsOnTimestamps(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, col("ts").plus(expr("INTERVAL 1 DAY")), col("ts").minus(expr("INTERVAL '1 2:03:04' DAY TO SECOND")),
                col("ts").plus(expr("INTERVAL 1 MONTH")));
        showExpr(ctx, t,
                "ts + INTERVAL 1 DAY",
                "ts + INTERVAL '1 2:03:04' DAY TO SECOND",
                "ts + INTERVAL '1 2:03:04.5' DAY TO SECOND",
                "ts - INTERVAL 1 MONTH",
                "ts + INTERVAL '1-2' YEAR TO MONTH",
                "ts + INTERVAL 1 HOUR 30 MINUTES",
                "ts + INTERVAL 90 MINUTE",
                "ts + INTERVAL '0.000001' SECOND",
                "ts - INTERVAL 1 YEAR 2 DAYS",
                "ts + INTERVAL 1 MONTH + INTERVAL 1 DAY",
                "INTERVAL 1 DAY + ts",
                "typeof(INTERVAL 1 DAY)",
                "typeof(INTERVAL '1 2:03:04' DAY TO SECOND)",
                "typeof(INTERVAL 1 MONTH)",
                "typeof(INTERVAL 1 YEAR 2 DAYS)",
                "INTERVAL '1 2:03:04' DAY TO SECOND",
                "INTERVAL '1-2' YEAR TO MONTH",
                "ts + INTERVAL 'x' DAY",
                "ts + 1");
        showExpr(ctx, strings(ctx, "x"), "TIMESTAMP'9999-12-31 23:00:00' + INTERVAL 2 HOURS",
                "TIMESTAMP'2024-01-31 10:00:00' + INTERVAL 1 MONTH");
    }

    @Case
    public static void intervalArithmeticOnDates(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, col("dt").plus(expr("INTERVAL 1 DAY")), col("dt").minus(expr("INTERVAL 1 MONTH")), col("dt").plus(1));
        showExpr(ctx, t,
                "dt + INTERVAL 1 DAY",
                "dt - INTERVAL 1 MONTH",
                "dt + INTERVAL '1-2' YEAR TO MONTH",
                "dt + INTERVAL 1 HOUR",
                "dt + INTERVAL '1 2:03:04' DAY TO SECOND",
                "dt + 1",
                "dt - 1",
                "1 + dt",
                "dt + i",
                "dt + l",
                "dt + 1.5",
                "dt + '1'");
        showExpr(ctx, strings(ctx, "x"), "DATE'2024-03-31' - INTERVAL 1 MONTH", "DATE'2024-02-29' + INTERVAL 1 YEAR",
                "DATE'2024-01-31' + INTERVAL '0-1' YEAR TO MONTH", "DATE'9999-12-31' + INTERVAL 1 DAY");
    }

    @Case
    public static void timestampMinusTimestampAndDateMinusDate(CaseContext ctx) {
        Dataset<Row> p = table(ctx, new StructType().add("a", DataTypes.TimestampType).add("b", DataTypes.TimestampType)
                        .add("x", DataTypes.DateType).add("y", DataTypes.DateType),
                new Object[] {ts("2024-03-15 10:30:45.5"), ts("2024-03-14 08:00:00"), Date.valueOf("2024-03-15"), Date.valueOf("2024-01-01")},
                new Object[] {ts("2024-01-01 00:00:00"), ts("2024-03-01 00:00:00"), Date.valueOf("2024-01-01"), Date.valueOf("2025-01-01")},
                new Object[] {ts("2024-03-15 00:00:00"), ts("2024-03-15 00:00:00"), Date.valueOf("2024-03-15"), Date.valueOf("2024-03-15")},
                new Object[] {null, ts("2024-03-15 00:00:00"), null, Date.valueOf("2024-03-15")});
        show(ctx, p, col("a").minus(col("b")), col("x").minus(col("y")), col("a").minus(col("x")));
        showExpr(ctx, p, "a - b", "x - y", "a - x", "x - a", "typeof(a - b)", "typeof(x - y)", "a - b > INTERVAL 1 DAY",
                "(a - b) / 2", "(a - b) * 2", "b + (a - b)", "x + (x - y)", "a - '2024-03-15'", "x - '2024-03-01'", "a + b");
    }

    @Case
    public static void makeIntervalConstructors(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        show(ctx, one, make_dt_interval(lit(1), lit(2), lit(3), lit(new BigDecimal("4.5"))), make_dt_interval(lit(1)),
                make_ym_interval(lit(1), lit(2)), make_ym_interval(lit(-1)),
                make_interval(lit(1), lit(2), lit(0), lit(3), lit(4), lit(5), lit(new BigDecimal("6.5"))));
        showExpr(ctx, one, "make_dt_interval(1, 2, 3, 4.5)", "make_dt_interval()", "make_ym_interval(1, 2)",
                "make_ym_interval()", "make_interval(1, 2, 0, 3, 4, 5, 6.5)", "typeof(make_interval(0, 0, 0, 1))",
                "make_dt_interval(106751992)", "make_ym_interval(178956971)",
                "TIMESTAMP'2024-01-31 00:00:00' + make_interval(0, 1)", "DATE'2024-01-31' + make_ym_interval(0, 1)",
                "TIMESTAMP'2024-01-01 00:00:00' + make_dt_interval(1, 2, 3, 4.5)");
    }

    @Case(timeoutSeconds = 90)
    public static void windowTimeInStreamingAggregation(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "time STRING, word STRING",
                new String[] {"{\"time\":\"2024-01-01 10:00:03\",\"word\":\"a\"}", "{\"time\":\"2024-01-01 10:00:07\",\"word\":\"b\"}"},
                new String[] {"{\"time\":\"2024-01-01 10:00:12\",\"word\":\"a\"}", "{\"time\":\"2024-01-01 10:00:05\",\"word\":\"c\"}"});
        Dataset<Row> counts = in.withColumn("ts", to_timestamp(col("time")))
                .withWatermark("ts", "1 minute")
                .groupBy(window(col("ts"), "10 seconds"))
                .count()
                .select(col("window").getField("start"), col("window").getField("end"), window_time(col("window")), col("count"));
        OpsData.fields(ctx, counts);
        OpsData.run(ctx, counts, "update");
        // window_time on a batch DataFrame, and on something that is not a window
        Dataset<Row> t = table(ctx);
        Dataset<Row> w = t.where(col("ts").isNotNull()).groupBy(window(col("ts"), "1 hour")).count()
                .select(window_time(col("window")), col("count"));
        OpsData.fields(ctx, w);
        ctx.show(w);
        showExpr(ctx, t, "window_time(ts)");
    }

    @Case
    public static void parseAndFormatInStreamingQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "s STRING, n INT",
                new String[] {"{\"s\":\"15/03/2024 10:30\",\"n\":1}", "{\"s\":\"29/02/2000 23:59\",\"n\":-1}"},
                new String[] {"{\"s\":\"31/12/2023 00:00\",\"n\":31}", "{\"s\":null,\"n\":null}"});
        Dataset<Row> out = in.select(col("s"),
                to_timestamp(col("s"), "dd/MM/yyyy HH:mm").as("ts"),
                date_format(to_timestamp(col("s"), "dd/MM/yyyy HH:mm"), "EEE yyyy-MM-dd HH:mm").as("formatted"),
                date_add(to_date(col("s"), "dd/MM/yyyy HH:mm"), col("n")).as("plus_n"),
                add_months(to_date(col("s"), "dd/MM/yyyy HH:mm"), 1).as("next_month"),
                unix_timestamp(col("s"), "dd/MM/yyyy HH:mm").as("epoch"),
                date_trunc("HOUR", to_timestamp(col("s"), "dd/MM/yyyy HH:mm")).as("hour_start"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void invalidTimestampFailsStreamingQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "s STRING",
                new String[] {"{\"s\":\"2024-03-15 10:30:45\"}"},
                new String[] {"{\"s\":\"15/03/2024\"}"});
        OpsData.runFailing(ctx, in.select(col("s"), to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss")));
        Dataset<Row> again = ctx.spark().readStream().schema("s STRING").option("maxFilesPerTrigger", 1)
                .json(ctx.path("in"));
        ctx.println("with try_to_timestamp:");
        OpsData.run(ctx, again.select(col("s"), try_to_timestamp(col("s"), lit("yyyy-MM-dd HH:mm:ss"))));
    }

    @Case
    public static void wrongArgumentCountsAndTypes(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, year(col("b")), hour(col("i")), date_add(col("dt"), col("d")), months_between(col("i"), col("dt")),
                datediff(col("b"), col("dt")), last_day(col("l")), add_months(col("b"), 1), date_format(col("b"), "yyyy"),
                to_date(col("b")), next_day(col("i"), "Mon"));
        showExpr(ctx, t, "year()", "year(ts, dt)", "month(b)", "dayofweek(d)", "date_add(dt)", "date_sub(dt, 1, 2)",
                "make_date(2024, 1)", "make_timestamp(2024)", "date_format(ts)", "datediff(i, i)", "last_day(b)",
                "date_trunc(1, ts)", "trunc(dt)", "add_months(dt)", "unix_timestamp(b)", "from_unixtime(b)",
                "weekday(b)", "quarter(l)", "second(d)", "to_timestamp(ts, 1)", "timestampadd(DAY, 'x', ts)");
    }
}
