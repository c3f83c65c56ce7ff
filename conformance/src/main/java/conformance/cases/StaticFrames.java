package conformance.cases;

import conformance.Case;
import conformance.Canonical;
import conformance.CaseContext;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.SaveMode;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.tideway.sql.functions.col;

/** Static DataFrames: spark.read() of csv, json and text, df.write() with save modes and partitionBy (issue 15). */
public final class StaticFrames {
    private StaticFrames() {
    }

    private static final StructType PEOPLE = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("name", DataTypes.StringType)
            .add("dept", DataTypes.StringType);

    private static Dataset<Row> people(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, "ann", "eng"),
                RowFactory.create(2, "bob", "ops"),
                RowFactory.create(3, "cid", "eng"),
                RowFactory.create(4, "dee", null)), PEOPLE);
    }

    private static void show(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.schema().simpleString());
        ctx.show(df);
    }

    /** The error conditions in a chain ("[X] ..." messages), skipping Spark's job-failure wrappers. */
    private static void conditions(CaseContext ctx, Throwable t) {
        boolean any = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.startsWith("[")) {
                ctx.println(Canonical.error(c));
                any = true;
            }
        }
        if (!any) {
            ctx.error(t);
        }
    }

    /** Relative paths of the visible files under a directory, sorted, the part number and UUID masked. */
    private static void listing(CaseContext ctx, Path dir) throws Exception {
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
    public static void csvHeaderInferSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "users.csv", "id,name,score,joined", "1,ann,3.5,2024-01-02", "2,bob,,2024-02-03", "3,\"c, d\",10,2024-03-04");
        show(ctx, "header+inferSchema", ctx.spark().read().option("header", true).option("inferSchema", true).csv(in.toString()));
        show(ctx, "header only", ctx.spark().read().option("header", "true").csv(in.toString()));
        show(ctx, "format(csv).schema(DDL)", ctx.spark().read().format("csv").option("header", true)
                .schema("id INT, name STRING, score DOUBLE, joined DATE").load(in.toString()));
    }

    @Case
    public static void csvNoHeader(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.csv", "1,x,true", "2,y,false");
        show(ctx, "no header", ctx.spark().read().csv(in.toString()));
        show(ctx, "no header, inferSchema", ctx.spark().read().option("inferSchema", true).csv(in.resolve("a.csv").toString()));
        show(ctx, "sep ;", ctx.spark().read().option("sep", ";").csv(in.toString()));
    }

    @Case
    public static void jsonInference(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"name\":\"ann\",\"age\":30,\"tags\":[\"a\",\"b\"],\"addr\":{\"city\":\"x\",\"zip\":1}}",
                "{\"name\":\"bob\",\"age\":2.5,\"extra\":true}");
        ctx.file(in, "2.json", "{\"name\":null,\"age\":null}", "{\"big\":12345678901}");
        show(ctx, "json()", ctx.spark().read().json(in.toString()));
        show(ctx, "format(json).load(file)", ctx.spark().read().format("json").load(in.resolve("2.json").toString()));
        show(ctx, "schema(DDL)", ctx.spark().read().schema("name STRING, age INT").json(in.toString()));
    }

    @Case
    public static void jsonCorruptRecord(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1,\"b\":\"x\"}", "{\"a\":", "{\"a\":2,\"b\":\"y\"}", "not json");
        show(ctx, "PERMISSIVE inferred", ctx.spark().read().json(in.toString()));
        show(ctx, "DROPMALFORMED", ctx.spark().read().option("mode", "DROPMALFORMED").json(in.toString()));
        show(ctx, "columnNameOfCorruptRecord=bad", ctx.spark().read()
                .schema("a LONG, b STRING, bad STRING").option("columnNameOfCorruptRecord", "bad").json(in.toString()));
        show(ctx, "schema without corrupt column", ctx.spark().read().schema("a LONG, b STRING").json(in.toString()));
    }

    @Case
    public static void jsonFailFast(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}", "{\"a\":");
        ctx.println("FAILFAST with schema:");
        try {
            show(ctx, "FAILFAST with schema", ctx.spark().read().option("mode", "FAILFAST").schema("a LONG").json(in.toString()));
        } catch (Exception e) {
            conditions(ctx, e);
        }
        ctx.println("FAILFAST inferred:");
        try {
            show(ctx, "FAILFAST inferred", ctx.spark().read().option("mode", "FAILFAST").json(in.toString()));
        } catch (Exception e) {
            conditions(ctx, e);
        }
    }

    @Case
    public static void textAndTextFile(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "hello world", "", "tideway");
        ctx.file(in, "b.txt", "second file");
        show(ctx, "text(dir)", ctx.spark().read().text(in.toString()));
        Dataset<String> lines = ctx.spark().read().textFile(in.resolve("a.txt").toString());
        ctx.println("textFile: " + lines.schema().simpleString() + " count " + lines.count());
        ctx.show(lines);
        show(ctx, "format(text).load(two paths)", ctx.spark().read().format("text")
                .load(in.resolve("a.txt").toString(), in.resolve("b.txt").toString()));
    }

    @Case
    public static void partitionDirectories(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("year=2023").resolve("kind=a"), "1.json", "{\"v\":1}");
        ctx.file(in.resolve("year=2024").resolve("kind=b"), "2.json", "{\"v\":2}", "{\"v\":3}");
        ctx.file(in.resolve("year=2024").resolve("kind=c"), "3.json", "{\"v\":4}");
        Dataset<Row> df = ctx.spark().read().json(in.toString());
        show(ctx, "partitioned", df);
        show(ctx, "where year = 2024", df.where("year = 2024").select("v", "kind"));
        show(ctx, "one partition directory", ctx.spark().read().json(in.resolve("year=2024").toString()));
    }

    @Case
    public static void globPath(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a1.csv", "1");
        ctx.file(in, "a2.csv", "2");
        ctx.file(in, "b1.csv", "3");
        ctx.file(in.resolve("sub"), "a3.csv", "4");
        show(ctx, "a*.csv", ctx.spark().read().csv(in.resolve("a*.csv").toString()));
        show(ctx, "*/a*.csv", ctx.spark().read().csv(in.resolve("*").resolve("a*.csv").toString()));
        show(ctx, "?1.csv", ctx.spark().read().csv(in.resolve("?1.csv").toString()));
        try {
            show(ctx, "z*.csv", ctx.spark().read().csv(in.resolve("z*.csv").toString()));
        } catch (Exception e) {
            ctx.println(Canonical.error(e).replace(in.toString(), "<in>"));
        }
    }

    @Case
    public static void missingPathAndEmptyDir(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path empty = ctx.dir("empty");
        for (String fmt : new String[] {"csv", "json", "text"}) {
            try {
                show(ctx, fmt, ctx.spark().read().format(fmt).load(in.resolve("nope").toString()));
            } catch (Exception e) {
                ctx.println(fmt + " missing: " + Canonical.error(e).replace(in.toString(), "<in>"));
            }
            try {
                show(ctx, fmt + " empty dir", ctx.spark().read().format(fmt).load(empty.toString()));
            } catch (Exception e) {
                ctx.println(fmt + " empty: " + Canonical.error(e).replace(empty.toString(), "<empty>"));
            }
        }
        show(ctx, "csv empty dir with schema", ctx.spark().read().schema("a INT").csv(empty.toString()));
    }

    @Case
    public static void writeJsonSaveModes(CaseContext ctx) throws Exception {
        String out = ctx.dir("out").resolve("people").toString();
        Dataset<Row> p = people(ctx);
        p.write().json(out);
        ctx.println("first write: " + ctx.spark().read().json(out).count());
        try {
            p.write().mode(SaveMode.ErrorIfExists).json(out);
        } catch (Exception e) {
            ctx.println("ErrorIfExists: " + Canonical.error(e).replace(out, "<out>"));
        }
        try {
            p.write().mode("error").format("json").save(out);
        } catch (Exception e) {
            ctx.println("error: " + Canonical.error(e).replace(out, "<out>"));
        }
        p.where("id = 1").write().mode(SaveMode.Append).json(out);
        ctx.println("after Append: " + ctx.spark().read().json(out).count());
        p.where("id > 2").write().mode(SaveMode.Ignore).json(out);
        ctx.println("after Ignore: " + ctx.spark().read().json(out).count());
        p.where("id > 2").write().mode(SaveMode.Overwrite).json(out);
        show(ctx, "after Overwrite", ctx.spark().read().json(out));
        p.where("id = 2").write().mode("append").json(out);
        p.where("id = 4").write().mode("ignore").json(ctx.dir("out").resolve("fresh").toString());
        show(ctx, "ignore on a fresh path", ctx.spark().read().json(ctx.dir("out").resolve("fresh").toString()));
        try {
            p.write().mode("sometimes").json(out);
        } catch (Exception e) {
            ctx.println("bad mode: " + Canonical.error(e));
        }
        show(ctx, "final", ctx.spark().read().json(out));
    }

    @Case
    public static void writeCsvAndReadBack(CaseContext ctx) throws Exception {
        String out = ctx.dir("out").resolve("csv").toString();
        people(ctx).write().option("header", true).csv(out);
        show(ctx, "header+inferSchema", ctx.spark().read().option("header", true).option("inferSchema", true).csv(out));
        String plain = ctx.dir("out").resolve("plain").toString();
        people(ctx).write().mode("overwrite").csv(plain);
        show(ctx, "no header", ctx.spark().read().csv(plain));
        listing(ctx, Path.of(plain));
    }

    @Case
    public static void writeText(CaseContext ctx) throws Exception {
        String out = ctx.dir("out").resolve("text").toString();
        people(ctx).select("name").write().text(out);
        show(ctx, "text", ctx.spark().read().text(out));
        listing(ctx, Path.of(out));
        try {
            people(ctx).select("id", "name").write().mode("overwrite").text(ctx.dir("out").resolve("two").toString());
        } catch (Exception e) {
            ctx.println("two columns: " + Canonical.error(e));
        }
        try {
            people(ctx).select("id").write().mode("overwrite").text(ctx.dir("out").resolve("int").toString());
        } catch (Exception e) {
            ctx.println("int column: " + Canonical.error(e));
        }
    }

    @Case
    public static void writePartitionBy(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out").resolve("byDept");
        people(ctx).write().partitionBy("dept").json(out.toString());
        listing(ctx, out);
        show(ctx, "read back", ctx.spark().read().json(out.toString()));
        Path two = ctx.dir("out").resolve("byTwo");
        people(ctx).withColumn("odd", col("id").mod(2)).write().partitionBy("odd", "dept").mode("overwrite")
                .format("csv").option("header", true).save(two.toString());
        listing(ctx, two);
        show(ctx, "read back csv", ctx.spark().read().option("header", true).csv(two.toString()));
    }

    @Case
    public static void writeInsideForeachBatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"v\":1}", "{\"k\":\"b\",\"v\":2}");
        ctx.file(in, "2.json", "{\"k\":\"a\",\"v\":3}");
        String out = ctx.dir("out").resolve("sink").toString();
        VoidFunction2<Dataset<Row>, Long> writer = (df, id) -> df.write().mode("append").json(out);
        StreamingQuery q = ctx.spark().readStream().schema("k STRING, v INT").option("maxFilesPerTrigger", 1)
                .json(in.toString()).writeStream().trigger(Trigger.AvailableNow()).foreachBatch(writer).start();
        q.awaitTermination();
        show(ctx, "written", ctx.spark().read().json(out));
        listing(ctx, Path.of(out));
    }

    @Case
    public static void streamStaticJoinWithReadCsv(CaseContext ctx) throws Exception {
        Path users = ctx.dir("users");
        ctx.file(users, "users.csv", "userId,name,tier", "1,ann,gold", "2,bob,silver", "3,cid,gold");
        Dataset<Row> staticDf = ctx.spark().read().option("header", true).option("inferSchema", true).csv(users.toString());
        Path in = ctx.dir("events");
        ctx.file(in, "1.json", "{\"userId\":1,\"action\":\"click\"}", "{\"userId\":4,\"action\":\"view\"}");
        ctx.file(in, "2.json", "{\"userId\":2,\"action\":\"buy\"}", "{\"userId\":1,\"action\":\"view\"}");
        Dataset<Row> events = ctx.spark().readStream().schema("userId INT, action STRING")
                .option("maxFilesPerTrigger", 1).json(in.toString());
        ctx.println("inner:");
        StreamingQuery q = events.join(staticDf, "userId").writeStream().trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        q.awaitTermination();
        ctx.println("left_outer:");
        StreamingQuery q2 = events.join(staticDf, "userId", "left_outer").where("tier is null or tier = 'gold'")
                .writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        q2.awaitTermination();
    }
}
