package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parquet columns of the nested and less common types, both ways (issue 15): maps (nested in
 * maps, arrays and structs), arrays of every element type, decimals of every physical layout
 * (INT32 up to precision 9, INT64 up to 18, FIXED_LEN_BYTE_ARRAY above), tinyint, smallint and
 * timestamp_ntz; null elements, null map values, empty collections. Files Spark 4.0.4 wrote (in
 * its standard layout and with {@code spark.sql.parquet.writeLegacyFormat}) are read by Tideway,
 * and files Tideway wrote are read by Spark (their goldens are Spark's reading).
 */
public final class SourcesParquetNested {
    private SourcesParquetNested() {
    }

    private static ArrayType array(DataType t) {
        return DataTypes.createArrayType(t, true);
    }

    static final StructType NESTED = new StructType()
            .add("id", DataTypes.IntegerType).add("y", DataTypes.ByteType).add("s", DataTypes.ShortType)
            .add("d1", DataTypes.createDecimalType(1, 0)).add("d9", DataTypes.createDecimalType(9, 4))
            .add("d10", DataTypes.createDecimalType(10, 2)).add("d18", DataTypes.createDecimalType(18, 0))
            .add("d19", DataTypes.createDecimalType(19, 5)).add("d38", DataTypes.createDecimalType(38, 10))
            .add("ntz", DataTypes.TimestampNTZType)
            .add("fs", array(DataTypes.FloatType)).add("dbls", array(DataTypes.DoubleType))
            .add("dts", array(DataTypes.DateType)).add("tss", array(DataTypes.TimestampType))
            .add("decs", array(DataTypes.createDecimalType(5, 2))).add("wdecs", array(DataTypes.createDecimalType(25, 3)))
            .add("bins", array(DataTypes.BinaryType)).add("ntzs", array(DataTypes.TimestampNTZType))
            .add("sts", array(new StructType().add("a", DataTypes.IntegerType)
                    .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true))))
            .add("aa", array(array(DataTypes.IntegerType)))
            .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, true))
            .add("mn", DataTypes.createMapType(DataTypes.IntegerType,
                    DataTypes.createMapType(DataTypes.StringType, array(DataTypes.DoubleType), true), true))
            .add("ms", DataTypes.createMapType(DataTypes.StringType,
                    new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.StringType), true))
            .add("st", new StructType().add("l", array(DataTypes.StringType))
                    .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true)));

    /** Collections whose elements and values cannot be null: Spark's legacy layout writes these lists in two levels. */
    static final StructType NON_NULL = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("ints", DataTypes.createArrayType(DataTypes.IntegerType, false))
            .add("tiny", DataTypes.createArrayType(DataTypes.ByteType, false))
            .add("one", DataTypes.createArrayType(new StructType().add("a", DataTypes.IntegerType), false))
            .add("two", DataTypes.createArrayType(new StructType().add("a", DataTypes.IntegerType)
                    .add("b", DataTypes.StringType), false))
            .add("lists", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType, false), false))
            .add("m", DataTypes.createMapType(DataTypes.StringType,
                    DataTypes.createArrayType(DataTypes.LongType, false), false));

    static Dataset<Row> nonNull(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, List.of(1, 2), List.of((byte) 1, (byte) -1), List.of(RowFactory.create(1), RowFactory.create((Object) null)),
                        List.of(RowFactory.create(1, "x")), List.of(List.of("a", "b"), List.of()), map("k", List.of(1L, 2L), "e", List.of())),
                RowFactory.create(2, List.of(), List.of(), List.of(), List.of(), List.of(), map()),
                RowFactory.create(3, null, null, null, null, null, null)), NON_NULL);
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Dataset<Row> nested(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, (byte) -128, (short) 32767, new BigDecimal("9"), new BigDecimal("-12345.6789"),
                        new BigDecimal("12345678.91"), new BigDecimal("-999999999999999999"),
                        new BigDecimal("12345678901234.56789"), new BigDecimal("-1234567890123456789012345678.0123456789"),
                        LocalDateTime.parse("2024-02-29T23:59:59.999999"),
                        Arrays.asList(1.5f, null, -0.25f), Arrays.asList(2.5, null), Arrays.asList(Date.valueOf("2024-02-29"), null),
                        Arrays.asList(Timestamp.valueOf("2024-01-01 00:00:05.5"), null), Arrays.asList(new BigDecimal("-1.25"), null),
                        Arrays.asList(new BigDecimal("-1234567890123456789012.345"), null), Arrays.asList(new byte[]{1, 2}, null),
                        Arrays.asList(LocalDateTime.parse("1900-01-01T00:00:00"), null),
                        Arrays.asList(RowFactory.create(1, map("k", 1L, "n", null)), null, RowFactory.create(null, map())),
                        Arrays.asList(Arrays.asList(1, null), null, List.of()),
                        map("a", 1, "b", null), map(7, map("x", Arrays.asList(1.5, null), "e", List.of(), "z", null)),
                        map("p", RowFactory.create(1, "q"), "n", null),
                        RowFactory.create(Arrays.asList("u", null), map("k", "v"))),
                RowFactory.create(2, (byte) 0, (short) 0, new BigDecimal("0"), new BigDecimal("0.0001"), new BigDecimal("0.01"),
                        new BigDecimal("0"), new BigDecimal("0.00001"), new BigDecimal("0E-10"),
                        LocalDateTime.parse("1969-12-31T23:59:59.000001"),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        map(), map(), map(), RowFactory.create(List.of(), map())),
                RowFactory.create(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, RowFactory.create(null, null))), NESTED);
    }

    private static void show(CaseContext ctx, String label, Dataset<?> df) {
        SinksParquet.show(ctx, label, df);
    }

    @Case
    public static void readsFilesSparkWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nested-types.snappy.parquet");
        show(ctx, "standard layout (Spark wrote)", ctx.spark().read().parquet(in.toString()));
    }

    /** {@code spark.sql.parquet.writeLegacyFormat=true}: two-level lists named {@code array}, maps of {@code key_value} groups, decimals as fixed bytes. */
    @Case
    public static void readsLegacyFilesSparkWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nested-legacy.snappy.parquet");
        show(ctx, "legacy layout (Spark wrote)", ctx.spark().read().parquet(in.toString()));
    }

    /** Lists of non-null elements in the legacy layout: the repeated field is the element ({@code repeated int32 array}, {@code repeated group array}). */
    @Case
    public static void readsLegacyTwoLevelListsSparkWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nonnull-legacy.snappy.parquet");
        show(ctx, "legacy layout, non-null elements (Spark wrote)", ctx.spark().read().parquet(in.toString()));
        Path std = ctx.dir("std");
        ctx.input(std, "spark-nonnull.snappy.parquet");
        show(ctx, "standard layout, non-null elements (Spark wrote)", ctx.spark().read().parquet(std.toString()));
    }

    @Case
    public static void sparkReadsNonNullElementsTidewayWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "tideway-nonnull.snappy.parquet");
        show(ctx, "non-null elements (Tideway wrote)", ctx.spark().read().parquet(in.toString()));
        Path out = ctx.dir("out").resolve("nonnull");
        nonNull(ctx).write().parquet(out.toString());
        show(ctx, "written and read back", ctx.spark().read().parquet(out.toString()));
    }

    @Case
    public static void sparkReadsFilesTidewayWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "tideway-nested-types.snappy.parquet");
        show(ctx, "Tideway wrote", ctx.spark().read().parquet(in.toString()));
    }

    @Case
    public static void writeAndReadBack(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out").resolve("nested");
        nested(ctx).write().parquet(out.toString());
        show(ctx, "read back", ctx.spark().read().parquet(out.toString()));
        show(ctx, "columns by name", ctx.spark().read().parquet(out.toString()).where("id = 1").select("mn", "ntzs", "d38", "y"));
    }

    /** A user schema asking for part of the structs inside arrays and maps, and for a nested field the file lacks. */
    @Case
    public static void nestedFieldsByUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nested-types.snappy.parquet");
        show(ctx, "a part of each struct", ctx.spark().read()
                .schema("id INT, sts ARRAY<STRUCT<m: MAP<STRING, BIGINT>>>, ms MAP<STRING, STRUCT<y: STRING>>, "
                        + "st STRUCT<m: MAP<STRING, STRING>>").parquet(in.toString()));
        show(ctx, "a nested field the file lacks", ctx.spark().read()
                .schema("id INT, sts ARRAY<STRUCT<a: INT, zz: STRING>>").parquet(in.toString()));
        try {
            ctx.spark().read().schema("id INT, m MAP<STRING, STRING>").parquet(in.toString()).collectAsList();
            ctx.println("no error");
        } catch (Exception e) {
            ctx.println("a map value of the wrong type:");
            SourcesParquet.conditions(ctx, e, ctx.dir(""));
        }
    }

    @Case
    public static void streamingSourceReadsNestedColumns(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nested-types.snappy.parquet");
        StreamingQuery q = ctx.spark().readStream().schema(NESTED).parquet(in.toString())
                .selectExpr("id", "m", "mn", "sts", "wdecs", "ntz").writeStream().trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        q.awaitTermination();
    }

    /** The streaming file sink writes the nested columns; a second query streams them back. */
    @Case
    public static void streamingSinkWritesNestedColumns(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.input(in, "spark-nested-types.snappy.parquet");
        StreamingQuery w = ctx.spark().readStream().schema(NESTED).parquet(in.toString()).writeStream().format("parquet")
                .option("checkpointLocation", ctx.path("cp")).trigger(Trigger.AvailableNow()).start(out.toString());
        w.awaitTermination();
        StreamingQuery r = ctx.spark().readStream().schema(NESTED).parquet(out.toString())
                .selectExpr("id", "aa", "ms", "st", "dts", "bins").writeStream().trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        r.awaitTermination();
    }

    /** A timestamp_ntz column asked for as a timestamp, and timestamps (INT64 micros, INT96) asked for as timestamp_ntz. */
    @Case
    public static void timestampAndTimestampNtzAskedForEachOther(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nested-types.snappy.parquet");
        Path micros = ctx.dir("micros");
        ctx.input(micros, "spark-timestamp-micros.gz.parquet");
        Path int96 = ctx.dir("int96");
        ctx.input(int96, "spark-all-types.snappy.parquet");
        String[][] reads = {{"timestamp_ntz as timestamp", in.toString(), "id INT, ntz TIMESTAMP"},
            {"TIMESTAMP_MICROS as timestamp_ntz", micros.toString(), "id INT, ts TIMESTAMP_NTZ"},
            {"INT96 as timestamp_ntz", int96.toString(), "i INT, ts TIMESTAMP_NTZ"}};
        for (String[] r : reads) {
            try {
                show(ctx, r[0], ctx.spark().read().schema(r[2]).parquet(r[1]));
            } catch (Exception e) {
                ctx.println(r[0] + ":");
                SourcesParquet.conditions(ctx, e, ctx.dir(""));
            }
        }
    }

    /** A struct of which the file holds none of the asked fields, at the top and inside an array. */
    @Case
    public static void structWithOnlyMissingFields(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nested-types.snappy.parquet");
        show(ctx, "top-level struct", ctx.spark().read().schema("id INT, st STRUCT<zz: INT>").parquet(in.toString()));
        show(ctx, "struct in an array", ctx.spark().read().schema("id INT, sts ARRAY<STRUCT<zz: INT>>").parquet(in.toString()));
    }
}
