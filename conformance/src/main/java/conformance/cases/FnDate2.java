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
 * Date and time functions, part 2: formatting with {@code date_format} (pattern letter by pattern
 * letter, and the patterns Spark refuses) and the fields of a date or timestamp ({@code year} ...
 * {@code second}, {@code extract}, {@code date_part}). Every run is in UTC.
 */
public final class FnDate2 {
    private FnDate2() {
    }

    /** Days around the ends of weeks and years (ISO weeks start on Monday). */
    private static Dataset<Row> calendar(CaseContext ctx) {
        return table(ctx, new StructType().add("dt", DataTypes.DateType),
                new Object[] {Date.valueOf("2024-03-15")}, // Friday
                new Object[] {Date.valueOf("2024-03-17")}, // Sunday
                new Object[] {Date.valueOf("2024-03-18")}, // Monday
                new Object[] {Date.valueOf("2021-01-01")}, // Friday in ISO week 53 of 2020
                new Object[] {Date.valueOf("2024-12-30")}, // Monday in ISO week 1 of 2025
                new Object[] {Date.valueOf("2024-12-31")}, // day 366
                new Object[] {Date.valueOf("2023-01-01")}, // Sunday in ISO week 52 of 2022
                new Object[] {null});
    }

    private static void formats(CaseContext ctx, Dataset<Row> t, String column, String... patterns) {
        for (String p : patterns) {
            show(ctx, t, date_format(col(column), p));
        }
    }

    @Case
    public static void dateFormatDateAndTimeLetters(CaseContext ctx) {
        formats(ctx, table(ctx), "ts",
                "yyyy", "yy", "y", "yyyyy", "MM", "M", "MMM", "MMMM", "LLL", "dd", "d", "D", "DDD",
                "HH", "H", "hh", "h", "kk", "KK", "mm", "m", "ss", "s", "SSS", "S", "SSSSSS", "SSSSSSSSS",
                "a", "G", "GGGG", "Q", "QQ", "QQQ", "QQQQ", "q");
    }

    @Case
    public static void dateFormatWeekdayZoneAndLiteralLetters(CaseContext ctx) {
        formats(ctx, table(ctx), "ts",
                "E", "EEE", "EEEE", "z", "zzzz", "XXX", "XX", "X", "xxx", "Z", "ZZZZZ", "O", "VV",
                "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy-MM-dd HH:mm:ss", "EEE, dd MMM yyyy HH:mm:ss z",
                "'quarter' Q 'of' yyyy", "''yy''", "yyyy/MM/dd hh:mm a", "[yyyy]", "");
    }

    @Case
    public static void dateFormatInputsAndNames(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, date_format(col("ts"), "yyyy-MM-dd"), date_format(col("dt"), "yyyy-MM-dd HH:mm:ss EEE"),
                date_format(lit("2024-03-15 10:30:45"), "HH:mm"), date_format(lit((String) null), "yyyy"));
        showExpr(ctx, t, "date_format(ts, 'yyyy-MM-dd')", "date_format(dt, 'D')", "date_format(ts, t)",
                "date_format(ts, NULL)", "date_format('2024-03-15', 'EEEE')", "date_format(s, 'yyyy')",
                "date_format(i, 'yyyy')", "date_format(l, 'yyyy')");
    }

    @Case
    public static void dateFormatRefusedPatterns(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, date_format(col("ts"), "YYYY"), date_format(col("ts"), "w"), date_format(col("ts"), "u"),
                date_format(col("ts"), "e"), date_format(col("ts"), "c"), date_format(col("ts"), "A"),
                date_format(col("ts"), "n"), date_format(col("ts"), "N"), date_format(col("ts"), "B"),
                date_format(col("ts"), "yyyy-MM-dd bb"), date_format(col("ts"), "'unterminated"),
                date_format(col("ts"), "EEEEEE"), date_format(col("ts"), "MMMMMM"), date_format(col("ts"), "aa"),
                date_format(col("ts"), "{yyyy}"));
        showExpr(ctx, t, "date_format(ts)", "date_format(ts, 'y', 'M')", "date_format(b, 'yyyy')");
    }

    @Case
    public static void yearQuarterMonthDayOfMonth(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, year(col("ts")), quarter(col("ts")), month(col("ts")), dayofmonth(col("ts")), day(col("ts")),
                year(col("dt")), quarter(col("dt")), month(col("dt")), dayofmonth(col("dt")), day(col("dt")));
        showExpr(ctx, t, "year(ts)", "quarter(dt)", "month(ts)", "dayofmonth(dt)", "day(ts)", "year(s)", "year(i)");
        Dataset<Row> s = strings(ctx, "2024-03-15", "2024-11-02 10:30:45", "0001-01-01", "9999-12-31", null);
        show(ctx, s, year(col("s")), quarter(col("s")), month(col("s")), day(col("s")));
        showExpr(ctx, strings(ctx, "x"), "year('bad')", "year(DATE'2024-03-15')", "year(TIMESTAMP'2024-03-15 10:00:00')",
                "year(NULL)", "year()");
    }

    @Case
    public static void dayOfWeekWeekdayDayOfYearWeekOfYear(CaseContext ctx) {
        Dataset<Row> c = calendar(ctx);
        show(ctx, c, date_format(col("dt"), "EEE"), dayofweek(col("dt")), weekday(col("dt")), dayofyear(col("dt")),
                weekofyear(col("dt")));
        showExpr(ctx, c, "dayofweek(dt)", "weekday(dt)", "dayofyear(dt)", "weekofyear(dt)");
        show(ctx, table(ctx), dayofweek(col("ts")), weekday(col("ts")), dayofyear(col("ts")), weekofyear(col("ts")));
        showExpr(ctx, strings(ctx, "x"), "dayofweek('2024-03-15')", "weekday('2024-03-17 23:59:59')",
                "dayofyear('2024-12-31')", "weekofyear('2021-01-03')", "weekofyear(1)", "dayofweek()");
    }

    @Case
    public static void hourMinuteSecond(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, hour(col("ts")), minute(col("ts")), second(col("ts")), hour(col("dt")), second(col("dt")));
        showExpr(ctx, t, "hour(ts)", "minute(ts)", "second(ts)", "hour(dt)", "minute(s)");
        Dataset<Row> s = strings(ctx, "2024-03-15 10:30:45.999", "2024-03-15", "2024-03-15T23:59:59Z", null);
        show(ctx, s, hour(col("s")), minute(col("s")), second(col("s")));
        showExpr(ctx, strings(ctx, "x"), "hour('10:30:45')", "second(TIMESTAMP'2024-03-15 10:30:59.999999')",
                "hour(1)", "hour()", "minute(TIMESTAMP_NTZ'2024-03-15 10:30:45')");
    }

    @Case
    public static void extractFieldsFromTimestamp(CaseContext ctx) {
        String[] fields = {"YEAR", "Y", "YEARS", "YEAROFWEEK", "QUARTER", "QTR", "MONTH", "MON", "WEEK", "W",
            "DAY", "D", "DAYOFWEEK", "DOW", "DAYOFWEEK_ISO", "DOW_ISO", "DOY", "HOUR", "H", "MINUTE", "M",
            "SECOND", "S", "SECONDS"};
        Dataset<Row> t = table(ctx);
        for (String f : fields) {
            showExpr(ctx, t, "extract(" + f + " FROM ts)");
        }
        showExpr(ctx, t, "extract(year FROM ts)", "extract(SECOND FROM dt)", "extract(DAY FROM s)", "extract(DAY FROM i)",
                "extract(EPOCH FROM ts)", "extract(CENTURY FROM ts)", "extract(MILLISECONDS FROM ts)", "extract(foo FROM ts)");
    }

    @Case
    public static void extractDatePartJavaAndSql(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, extract(lit("YEAR"), col("ts")), extract(lit("second"), col("ts")), date_part(lit("MONTH"), col("ts")),
                date_part(lit("doy"), col("dt")), datepart(lit("day"), col("dt")), datepart(lit("DOW"), col("ts")));
        showExpr(ctx, t, "date_part('year', ts)", "date_part('SECONDS', ts)", "date_part('week', dt)",
                "datepart('hour', ts)", "date_part('day', '2024-03-15')", "date_part(s, ts)", "date_part('foo', ts)",
                "date_part(NULL, ts)", "date_part('year')");
        show(ctx, t, date_part(col("s"), col("ts")));
    }

    @Case
    public static void extractFromIntervals(CaseContext ctx) {
        showExpr(ctx, strings(ctx, "x"),
                "extract(DAY FROM INTERVAL '1 2:03:04.5' DAY TO SECOND)",
                "extract(HOUR FROM INTERVAL '1 2:03:04.5' DAY TO SECOND)",
                "extract(MINUTE FROM INTERVAL '1 2:03:04.5' DAY TO SECOND)",
                "extract(SECOND FROM INTERVAL '1 2:03:04.5' DAY TO SECOND)",
                "extract(YEAR FROM INTERVAL '3-11' YEAR TO MONTH)",
                "extract(MONTH FROM INTERVAL '3-11' YEAR TO MONTH)",
                "extract(MONTH FROM INTERVAL '-3-11' YEAR TO MONTH)",
                "extract(DAY FROM INTERVAL '3-11' YEAR TO MONTH)",
                "extract(YEAR FROM INTERVAL 1 DAY)",
                "date_part('hour', INTERVAL '26' HOUR)",
                "extract(DAY FROM TIMESTAMP'2024-03-16 00:00:00' - TIMESTAMP'2024-03-14 12:00:00')");
    }

    @Case
    public static void dayNameMonthName(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, dayname(col("dt")), monthname(col("ts")), dayname(col("ts")), monthname(col("dt")));
        showExpr(ctx, t, "dayname(dt)", "monthname(ts)", "dayname('2024-03-17')", "monthname(s)", "dayname(i)");
    }
}
