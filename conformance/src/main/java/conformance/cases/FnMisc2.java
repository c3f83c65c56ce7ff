package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * Functions Spark 4.0 added to {@code functions} late: typeof, char, the timestamp constructors
 * (make_timestamp_ltz, the try_ forms, to_timestamp_ltz) in the session time zone, the file block
 * functions and the untyped udf.
 */
public final class FnMisc2 {
    private FnMisc2() {
    }

    private static Dataset<Row> parts(CaseContext ctx) {
        StructType schema = new StructType().add("y", DataTypes.IntegerType).add("mo", DataTypes.IntegerType)
                .add("d", DataTypes.IntegerType).add("h", DataTypes.IntegerType).add("mi", DataTypes.IntegerType)
                .add("sec", DataTypes.createDecimalType(8, 6)).add("tz", DataTypes.StringType).add("s", DataTypes.StringType);
        return table(ctx, schema,
                new Object[] {2024, 3, 15, 10, 30, new java.math.BigDecimal("45.123456"), "America/New_York", "2024-03-15 10:30:45"},
                new Object[] {2023, 2, 29, 1, 2, new java.math.BigDecimal("3.000000"), "UTC", "2023-02-29"},
                new Object[] {2020, 12, 31, 23, 59, new java.math.BigDecimal("60.000000"), "+05:30", "not a time"},
                new Object[] {2021, 13, 1, 0, 0, new java.math.BigDecimal("0.000000"), "Asia/Tokyo", "2021-06-01T12:00:00Z"},
                new Object[] {null, 1, 1, 0, 0, new java.math.BigDecimal("1.500000"), null, null});
    }

    @Case
    public static void typeofAndChar(CaseContext ctx) {
        Dataset<Row> t = FnSupport.table(ctx);
        show(ctx, t, typeof(col("i")), typeof(col("ts")), typeof(array(col("l"), lit(1))), typeof(lit(null)),
                typeof(struct(col("s"), col("dt"))), typeof(map(col("s"), col("d"))), typeof(lit(new java.math.BigDecimal("1.50"))));
        showExpr(ctx, t, "typeof(i + l)", "typeof(d)", "typeof(named_struct('a', 1, 'b', 'x'))", "typeof(INTERVAL '1' DAY)",
                "typeof(CAST(NULL AS TIMESTAMP_NTZ))", "typeof(x'01')", "char(65)", "char(i + 96)", "char(256 + 65)", "char(-1)", "typeof(char(65))");
    }

    @Case
    public static void makeTimestampLtz(CaseContext ctx) {
        Dataset<Row> t = parts(ctx);
        show(ctx, t, make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
                make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec"), col("tz")),
                try_make_timestamp(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
                try_make_timestamp(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec"), col("tz")),
                try_make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
                try_make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec"), col("tz")),
                try_make_timestamp_ntz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")));
        showExpr(ctx, t, "make_timestamp_ltz(y, mo, d, h, mi, sec)", "try_make_timestamp_ltz(y, mo, d, h, mi, sec, tz)",
                "try_make_timestamp_ntz(y, mo, d, h, mi, sec)", "try_make_timestamp(y, mo, d, h, mi, sec)",
                "try_make_timestamp_ntz(y, mo, d, h, mi, sec, tz)", "try_make_timestamp_ltz(2024, 1, 1, 0, 0, 99)");
    }

    @Case
    public static void makeTimestampLtzInSessionZone(CaseContext ctx) {
        ctx.spark().conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
        Dataset<Row> t = parts(ctx);
        show(ctx, t, make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
                try_make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
                try_make_timestamp_ntz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
                to_timestamp_ltz(col("s")), date_format(to_timestamp_ltz(col("s")), "yyyy-MM-dd HH:mm:ss"));
    }

    @Case
    public static void makeTimestampLtzAnsiErrors(CaseContext ctx) {
        Dataset<Row> t = parts(ctx);
        show(ctx, t.where("mo = 13"), make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")));
        show(ctx, t.where("y = 2023"), make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")));
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        show(ctx, t, make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")));
    }

    @Case
    public static void toTimestampLtz(CaseContext ctx) {
        Dataset<Row> t = parts(ctx);
        show(ctx, t.where("y <> 2020"), to_timestamp_ltz(col("s")), to_timestamp_ltz(col("s"), lit("yyyy-MM-dd HH:mm:ss")),
                to_timestamp_ntz(col("s")));
        show(ctx, t.where("y = 2020"), to_timestamp_ltz(col("s")), to_timestamp_ltz(col("s"), lit("yyyy-MM-dd")));
        showExpr(ctx, t.where("y <> 2020"), "to_timestamp_ltz(s)", "to_timestamp_ltz(s, 'yyyy-MM-dd')",
                "to_timestamp_ltz(DATE'2024-01-02')", "to_timestamp_ltz(TIMESTAMP_NTZ'2024-01-02 03:04:05')",
                "to_timestamp_ltz(y)", "typeof(to_timestamp_ltz(s))");
    }

    @Case
    public static void fileBlocks(CaseContext ctx) throws Exception {
        Dataset<Row> files = ctx.spark().read().schema("i INT").json(ctx.file(ctx.dir("in"), "1.json",
                "{\"i\":1}", "{\"i\":2}").toString());
        Dataset<Row> out = files.select(col("i"), input_file_block_start(), input_file_block_length(),
                expr("input_file_block_start()"), expr("input_file_block_length() AS len"));
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
        Dataset<Row> noFile = FnSupport.table(ctx).select(input_file_block_start(), input_file_block_length());
        OpsData.fields(ctx, noFile);
        ctx.rows(noFile.limit(2).collectAsList());
        OpsData.run(ctx, OpsData.strings(ctx, "a").select(col("s"), input_file_block_start(), input_file_block_length()));
    }

    @Case
    public static void untypedUdfRefused(CaseContext ctx) {
        try {
            udf((Object) "not a function", DataTypes.IntegerType);
            ctx.println("no error");
        } catch (Exception e) {
            ctx.println(OpsData.describe(e));
        }
    }

    @Case
    public static void columnStrings(CaseContext ctx) {
        io.tideway.sql.Column[] columns = {typeof(col("i")), raise_error(lit("boom")), assert_true(col("b")),
            assert_true(col("b"), lit("m")), to_number(col("s"), lit("999")), try_to_number(col("s"), lit("9.9")),
            sentences(col("s")), sentences(col("s"), lit("en"), lit("US")), collate(col("s"), "UTF8_BINARY"),
            collation(col("s")), to_variant_object(struct(col("i"))), input_file_block_start(), input_file_block_length(),
            make_timestamp_ltz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec"), col("tz")),
            try_make_timestamp(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec"), col("tz")),
            try_make_timestamp_ntz(col("y"), col("mo"), col("d"), col("h"), col("mi"), col("sec")),
            to_timestamp_ltz(col("s")), to_timestamp_ltz(col("s"), lit("yyyy"))};
        for (io.tideway.sql.Column c : columns) {
            ctx.println(c.toString());
        }
    }
}
