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
}
