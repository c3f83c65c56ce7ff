package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.SaveMode;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Parquet written by {@code df.write()} and by the streaming file sink, read back with
 * {@code spark.read()}: every type, codecs and file names, save modes, partitionBy, the default
 * format (issue 15).
 */
public final class SinksParquet {
    private SinksParquet() {
    }

    static final StructType ALL_TYPES = new StructType()
            .add("b", DataTypes.BooleanType).add("y", DataTypes.ByteType).add("s", DataTypes.ShortType)
            .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("f", DataTypes.FloatType)
            .add("d", DataTypes.DoubleType).add("str", DataTypes.StringType).add("bin", DataTypes.BinaryType)
            .add("dt", DataTypes.DateType).add("ts", DataTypes.TimestampType)
            .add("dec", DataTypes.createDecimalType(5, 2)).add("dec18", DataTypes.createDecimalType(18, 3))
            .add("dec30", DataTypes.createDecimalType(30, 4))
            .add("arr", DataTypes.createArrayType(DataTypes.IntegerType, true))
            .add("st", new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType));

    static Dataset<Row> allTypes(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(true, (byte) -7, (short) 300, 42, 4_000_000_000L, 1.5f, -2.25, "h\u00e9llo", new byte[]{1, 2, 3},
                        Date.valueOf("2024-02-29"), Timestamp.valueOf("2024-01-01 12:34:56.123456"),
                        new BigDecimal("-123.45"), new BigDecimal("123456789012345.678"),
                        new BigDecimal("-12345678901234567890123456.7891"), Arrays.asList(1, null, 3), RowFactory.create(7, "x")),
                RowFactory.create(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                RowFactory.create(false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, "", new byte[0], Date.valueOf("1969-12-31"),
                        Timestamp.valueOf("1969-12-31 23:59:59.999999"), new BigDecimal("0.01"), BigDecimal.ZERO,
                        new BigDecimal("1.0000"), List.of(), RowFactory.create(null, null))), ALL_TYPES);
    }

    private static Dataset<Row> people(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, "ann", "eng"),
                RowFactory.create(2, "bob", "ops"),
                RowFactory.create(3, "cid", "eng"),
                RowFactory.create(4, "dee", null)),
                new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType).add("dept", DataTypes.StringType));
    }

    static void show(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.schema().simpleString());
        ctx.show(df);
    }

    /** Relative paths of the visible files under a directory, sorted, the part number and UUID masked. */
    static void listing(CaseContext ctx, Path dir) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> names.add(Canonical.maskIds(dir.relativize(p).toString())
                            .replaceAll("part-\\d{5}-", "part-N-")));
        }
        for (String n : names) {
            ctx.println("  " + n);
        }
    }

    @Case
    public static void writeEveryTypeAndReadBack(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out").resolve("all");
        allTypes(ctx).write().parquet(out.toString());
        listing(ctx, out);
        show(ctx, "read back", ctx.spark().read().parquet(out.toString()));
        show(ctx, "columns by name", ctx.spark().read().parquet(out.toString()).select("st", "dec30", "ts", "y"));
    }

    @Case
    public static void codecsNameTheFiles(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out");
        for (String codec : new String[] {"none", "uncompressed", "snappy", "gzip", "zstd"}) {
            Path dir = out.resolve(codec);
            people(ctx).write().option("compression", codec).parquet(dir.toString());
            ctx.println(codec + ": " + ctx.spark().read().parquet(dir.toString()).count() + " rows");
            listing(ctx, dir);
        }
        ctx.spark().conf().set("spark.sql.parquet.compression.codec", "gzip");
        people(ctx).write().parquet(out.resolve("session").toString());
        ctx.println("spark.sql.parquet.compression.codec=gzip:");
        listing(ctx, out.resolve("session"));
    }

    @Case
    public static void timestampOutputTypes(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out");
        Dataset<Row> df = ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, Timestamp.valueOf("2024-01-01 00:00:05.123456")),
                RowFactory.create(2, Timestamp.valueOf("1900-06-01 12:00:00")),
                RowFactory.create(3, null)), new StructType().add("id", DataTypes.IntegerType).add("ts", DataTypes.TimestampType));
        for (String type : new String[] {"INT96", "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS"}) {
            ctx.spark().conf().set("spark.sql.parquet.outputTimestampType", type);
            df.write().parquet(out.resolve(type).toString());
            show(ctx, type, ctx.spark().read().parquet(out.resolve(type).toString()));
        }
    }

    @Case
    public static void saveModes(CaseContext ctx) throws Exception {
        String out = ctx.dir("out").resolve("people").toString();
        Dataset<Row> p = people(ctx);
        p.write().parquet(out);
        ctx.println("first write: " + ctx.spark().read().parquet(out).count());
        try {
            p.write().mode(SaveMode.ErrorIfExists).parquet(out);
        } catch (Exception e) {
            ctx.println("ErrorIfExists: " + Canonical.error(e).replace(out, "<out>"));
        }
        p.where("id = 1").write().mode(SaveMode.Append).parquet(out);
        ctx.println("after Append: " + ctx.spark().read().parquet(out).count());
        p.where("id > 2").write().mode(SaveMode.Ignore).parquet(out);
        ctx.println("after Ignore: " + ctx.spark().read().parquet(out).count());
        p.where("id > 2").write().mode(SaveMode.Overwrite).format("parquet").save(out);
        show(ctx, "after Overwrite", ctx.spark().read().format("parquet").load(out));
    }

    @Case
    public static void partitionByWritesDirectories(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out").resolve("byDept");
        people(ctx).write().partitionBy("dept").parquet(out.toString());
        listing(ctx, out);
        show(ctx, "read back", ctx.spark().read().parquet(out.toString()));
        show(ctx, "one directory", ctx.spark().read().parquet(out.resolve("dept=eng").toString()));
    }

    @Case
    public static void defaultFormatIsParquet(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out").resolve("default");
        people(ctx).write().save(out.toString());
        listing(ctx, out);
        show(ctx, "load() without format", ctx.spark().read().load(out.toString()));
    }

    @Case
    public static void streamingSinkThenReadBack(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\",\"ts\":\"2024-01-01T00:00:05Z\",\"x\":2.5}",
                "{\"id\":2,\"name\":null,\"ts\":\"2024-01-01T00:00:06.5Z\",\"x\":null}");
        ctx.file(in, "2.json", "{\"id\":3,\"name\":\"c\",\"ts\":null,\"x\":-1}");
        StreamingQuery q = ctx.spark().readStream().schema("id INT, name STRING, ts TIMESTAMP, x DOUBLE")
                .option("maxFilesPerTrigger", 1).json(in.toString())
                .writeStream()
                .format("parquet")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        SinksFile.printOutput(ctx, out, false);
        show(ctx, "read back", ctx.spark().read().parquet(out.toString()));
        // a restart from the checkpoint writes nothing again: exactly-once through _spark_metadata
        ctx.file(in, "3.json", "{\"id\":4,\"name\":\"d\",\"ts\":null,\"x\":0}");
        StreamingQuery again = ctx.spark().readStream().schema("id INT, name STRING, ts TIMESTAMP, x DOUBLE")
                .option("maxFilesPerTrigger", 1).json(in.toString())
                .writeStream()
                .format("parquet")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
        show(ctx, "after restart", ctx.spark().read().parquet(out.toString()));
    }

    @Case
    public static void streamingSinkPartitionBy(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"country\":\"kr\"}", "{\"id\":2,\"country\":\"us\"}",
                "{\"id\":3,\"country\":\"kr\"}");
        ctx.file(in, "2.json", "{\"id\":4,\"country\":null}", "{\"id\":5,\"country\":\"a b/c\"}");
        StreamingQuery q = ctx.spark().readStream().schema("id INT, country STRING").option("maxFilesPerTrigger", 1)
                .json(in.toString())
                .writeStream()
                .format("parquet")
                .partitionBy("country")
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start(out.toString());
        q.awaitTermination();
        SinksFile.printOutput(ctx, out, false);
        show(ctx, "read back", ctx.spark().read().parquet(out.toString()));
    }

    /**
     * A batch read of a streaming file sink's output reads the files its {@code _spark_metadata}
     * committed: a part file the log does not name (an attempt that failed before its commit) is
     * not read, unless a glob bypasses the log.
     */
    @Case
    public static void batchReadOfSinkOutputGoesThroughTheLog(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1}", "{\"id\":2}");
        StreamingQuery q = ctx.spark().readStream().schema("id INT").json(in.toString())
                .writeStream().format("parquet").option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow()).start(out.toString());
        q.awaitTermination();
        try (Stream<Path> s = Files.list(out)) {
            Path part = s.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            Files.copy(part, out.resolve("part-00099-00000000-0000-0000-0000-000000000000-c000.snappy.parquet"));
        }
        show(ctx, "the directory", ctx.spark().read().parquet(out.toString()));
        show(ctx, "a glob", ctx.spark().read().parquet(out.resolve("*.parquet").toString()));
    }
}
