package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.runFailing;
import static conformance.cases.OpsData.strings;
import static conformance.cases.OpsData.types;
import static io.tideway.sql.functions.col;

/**
 * {@code Column.cast} between the common types on a streaming DataFrame. Spark 4 runs with ANSI
 * mode on by default: a value that does not convert fails the query instead of becoming null.
 */
public final class OpsCast {
    private OpsCast() {
    }

    @Case
    public static void castStringToNumbers(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "42", " 7 ", "-3", "+5", "007", null);
        run(ctx, df.select(col("s"), col("s").cast(DataTypes.IntegerType), col("s").cast(DataTypes.LongType),
                col("s").cast(DataTypes.DoubleType)));
    }

    @Case
    public static void castStringToDouble(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "1.5", "-0.25", "1e3", "2.5E-3", ".5", "NaN", "Infinity", "-Infinity");
        run(ctx, df.select(col("s"), col("s").cast("double")));
    }

    @Case
    public static void castStringWithFractionToInt(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "3.9").select(col("s").cast("int")));
    }

    @Case
    public static void castMalformedStringToIntFails(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "12", "abc").select(col("s").cast("int")));
    }

    @Case
    public static void castOutOfRangeStringToIntFails(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "3000000000").select(col("s").cast("int")));
    }

    @Case
    public static void castMalformedStringToDoubleFails(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "1.5x").select(col("s").cast("double")));
    }

    @Case
    public static void castStringToBoolean(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "true", "FALSE", "t", "f", "yes", "no", "y", "n", "1", "0", " True ", null);
        run(ctx, df.select(col("s"), col("s").cast("boolean")));
    }

    @Case
    public static void castMalformedStringToBooleanFails(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "maybe").select(col("s").cast("boolean")));
    }

    @Case
    public static void castStringToTimestamp(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "2024-01-01 10:00:00", "2024-01-01T10:00:05", "2024-01-01T10:00:00Z",
                "2024-01-01 10:00:00.123", "2024-02-29", "2024-01-01 12:00:00+02:00", null);
        run(ctx, df.select(col("s"), col("s").cast("timestamp")));
    }

    @Case
    public static void castStringToDate(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "2024-01-01", "2024-02-29", "2024-3-5", "2024-01-01 23:59:59", "2024-01", null);
        run(ctx, df.select(col("s"), col("s").cast("date")));
    }

    @Case
    public static void castMalformedStringToTimestampFails(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "yesterday").select(col("s").cast("timestamp")));
    }

    @Case
    public static void castInvalidDateFails(CaseContext ctx) throws Exception {
        runFailing(ctx, strings(ctx, "2023-02-29").select(col("s").cast("date")));
    }

    @Case
    public static void castValuesToString(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "i INT, l BIGINT, d DOUBLE, b BOOLEAN", new String[] {
            "{\"i\":7,\"l\":10000000000,\"d\":1.5,\"b\":true}",
            "{\"i\":-3,\"l\":-4,\"d\":0.1,\"b\":false}",
            "{\"i\":0,\"l\":0,\"d\":1.0E10,\"b\":false}",
            "{\"i\":1,\"l\":1,\"d\":1.0E-5,\"b\":true}",
            "{\"i\":2,\"l\":2,\"d\":100.0,\"b\":true}",
            "{\"i\":null,\"l\":null,\"d\":null,\"b\":null}"});
        run(ctx, df.select(col("i").cast("string"), col("l").cast("string"), col("d").cast("string"),
                col("b").cast("string")));
    }

    @Case
    public static void castTimestampAndDateToString(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "2024-01-01 10:00:00", "2024-01-01 10:00:00.5", "2024-03-05 00:00:00");
        run(ctx, df.select(col("s").cast("timestamp").cast("string").as("ts"),
                col("s").cast("date").cast("string").as("dt")));
    }

    @Case
    public static void castDoubleToIntegralTruncates(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "d DOUBLE", new String[] {
            "{\"d\":3.9}", "{\"d\":-3.9}", "{\"d\":0.5}", "{\"d\":-0.5}", "{\"d\":1.0E10}", "{\"d\":null}"});
        run(ctx, df.select(col("d"), col("d").cast("long"), col("d").cast("bigint")));
    }

    @Case
    public static void castDoubleOutOfRangeToIntFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "d DOUBLE", new String[] {"{\"d\":3.9}"}, new String[] {"{\"d\":1.0E10}"});
        runFailing(ctx, df.select(col("d").cast("int")));
    }

    @Case
    public static void castNaNToLongFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "NaN");
        runFailing(ctx, df.select(col("s").cast("double").cast("long")));
    }

    @Case
    public static void castLongOutOfRangeToIntFails(CaseContext ctx) throws Exception {
        runFailing(ctx, types(ctx).select(col("l").cast("int")));
    }

    @Case
    public static void castBetweenNumbers(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        Dataset<Row> out = df.select(col("i").cast("bigint"), col("i").cast("double"), col("l").cast("double"),
                col("d").cast("int"));
        fields(ctx, out);
        run(ctx, out);
    }

    @Case
    public static void castBetweenBooleanAndNumbers(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "i INT, d DOUBLE, b BOOLEAN", new String[] {
            "{\"i\":0,\"d\":0.0,\"b\":true}", "{\"i\":5,\"d\":-0.1,\"b\":false}", "{\"i\":-1,\"d\":2.0,\"b\":null}"});
        run(ctx, df.select(col("i"), col("i").cast("boolean"), col("d").cast("boolean"), col("b").cast("int"),
                col("b").cast("double")));
    }

    @Case
    public static void castTimestampToNumbersAndDate(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "2024-01-01 10:00:00", "2024-01-01 10:00:00.75", "1969-12-31 23:59:59");
        Dataset<Row> ts = df.select(col("s").cast("timestamp").as("ts"));
        run(ctx, ts.select(col("ts"), col("ts").cast("long"), col("ts").cast("double"), col("ts").cast("date")));
    }

    @Case
    public static void castDateToTimestamp(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "2024-01-01", "1970-01-01");
        run(ctx, df.select(col("s").cast("date").cast("timestamp")));
    }

    @Case
    public static void castLongToTimestampIsSeconds(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "long", () -> run(ctx, df.select(col("l").cast("timestamp"))));
    }

    @Case
    public static void castDateToNumberRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, "2024-01-01");
        error(ctx, "date->int", () -> df.select(col("s").cast("date").cast("int")));
        error(ctx, "boolean->timestamp", () -> df.select(col("s").cast("boolean").cast("timestamp")));
    }

    @Case
    public static void castNullToEveryType(CaseContext ctx) throws Exception {
        Dataset<Row> df = strings(ctx, (String) null);
        Dataset<Row> out = df.select(col("s").cast("int"), col("s").cast("bigint"), col("s").cast("double"),
                col("s").cast("boolean"), col("s").cast("timestamp"), col("s").cast("date"));
        run(ctx, out);
    }

    @Case
    public static void castByTypeNameSchema(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        fields(ctx, df.select(col("i").cast("integer"), col("i").cast("int"), col("i").cast("long"), col("i").cast("bigint"),
                col("i").cast("string"), col("i").cast("double"), col("i").cast("boolean"), col("s").cast("date"),
                col("s").cast("timestamp"), col("i").cast(DataTypes.StringType), col("i").cast("STRING")));
    }

    @Case
    public static void castUnknownTypeName(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "cast(\"numbr\")", () -> df.select(col("i").cast("numbr")));
    }
}
