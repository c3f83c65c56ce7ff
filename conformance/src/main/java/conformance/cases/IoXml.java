package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The XML file source and sink (issue 15): {@code rowTag} records, inference, options, modes, writing, streams. */
public final class IoXml {
    private IoXml() {
    }

    private static final String[] BOOKS = {
        "<?xml version=\"1.0\"?>",
        "<catalog>",
        "  <book id=\"bk101\" lang=\"en\">",
        "    <author>Gambardella</author>",
        "    <title>XML Guide</title>",
        "    <price>44.95</price>",
        "    <published>2000-10-01</published>",
        "    <tag>xml</tag><tag>guide</tag>",
        "    <shelf row=\"3\">A</shelf>",
        "  </book>",
        "  <!-- <book id=\"ignored\"/> -->",
        "  <book id=\"bk102\">",
        "    <author>Ralls</author>",
        "    <title></title>",
        "    <price>5</price>",
        "    <available>true</available>",
        "    <tag>fiction</tag>",
        "    <dims><w>1</w><h>2.5</h></dims>",
        "  </book>",
        "  <book id=\"bk103\"/>",
        "</catalog>"};

    private static void show(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.schema().simpleString());
        ctx.show(df);
    }

    /** The error conditions of a chain ("[X] ..." messages), past Spark's job-failure wrappers. */
    private static void conditions(CaseContext ctx, Throwable t) {
        boolean any = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().startsWith("[")) {
                ctx.println(conformance.Canonical.error(c));
                any = true;
            }
        }
        if (!any) {
            ctx.error(t);
        }
    }

    /** The text of every visible part file under {@code dir}, in name order. */
    private static void files(CaseContext ctx, Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("part-"))
                    .sorted().toList()) {
                ctx.println("-- " + p.getFileName().toString().replaceAll("part-\\d{5}-[0-9a-f-]+", "part-N"));
                ctx.println(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
    }

    @Case
    public static void readInferred(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "books.xml", BOOKS);
        show(ctx, "rowTag book", ctx.spark().read().option("rowTag", "book").xml(in.toString()));
        show(ctx, "rowTag dims", ctx.spark().read().format("xml").option("rowTag", "dims").load(in.toString()));
        show(ctx, "schema", ctx.spark().read().option("rowTag", "book")
                .schema("_id STRING, price DOUBLE, tag ARRAY<STRING>, shelf STRUCT<_VALUE: STRING, _row: INT>, missing INT")
                .xml(in.toString()));
        try {
            ctx.spark().read().xml(in.toString());
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void readOptions(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "books.xml", BOOKS);
        show(ctx, "attributePrefix valueTag", ctx.spark().read().option("rowTag", "book").option("attributePrefix", "@")
                .option("valueTag", "text").xml(in.toString()).select("`@id`", "shelf"));
        show(ctx, "excludeAttribute", ctx.spark().read().option("rowTag", "book").option("excludeAttribute", true)
                .xml(in.toString()));
        show(ctx, "nullValue", ctx.spark().read().option("rowTag", "book").option("nullValue", "Ralls")
                .xml(in.toString()).select("_id", "author"));
        Path sp = ctx.dir("spaces");
        ctx.file(sp, "s.xml", "<rows><r><a>  x  </a><b> 1 </b></r></rows>");
        show(ctx, "spaces kept", ctx.spark().read().option("rowTag", "r").option("ignoreSurroundingSpaces", false)
                .xml(sp.toString()));
        show(ctx, "spaces trimmed", ctx.spark().read().option("rowTag", "r").xml(sp.toString()));
    }

    @Case
    public static void modes(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "m.xml", "<rows>", "<r><a>1</a><b>x</b></r>", "<r><a>oops</a><b>y</b></r>", "<r><a>3</a><b>z</b></r>",
                "</rows>");
        String schema = "a INT, b STRING";
        show(ctx, "permissive", ctx.spark().read().option("rowTag", "r").schema(schema).xml(in.toString()));
        show(ctx, "corrupt column", ctx.spark().read().option("rowTag", "r").schema(schema + ", _corrupt_record STRING")
                .xml(in.toString()));
        show(ctx, "renamed corrupt column", ctx.spark().read().option("rowTag", "r")
                .option("columnNameOfCorruptRecord", "bad").schema(schema + ", bad STRING").xml(in.toString()));
        show(ctx, "dropmalformed", ctx.spark().read().option("rowTag", "r").option("mode", "DROPMALFORMED").schema(schema)
                .xml(in.toString()));
        try {
            ctx.spark().read().option("rowTag", "r").option("mode", "FAILFAST").schema(schema).xml(in.toString()).collectAsList();
        } catch (Exception e) {
            conditions(ctx, e);
        }
    }

    @Case
    public static void write(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("_id", DataTypes.IntegerType).add("name", DataTypes.StringType)
                .add("tags", DataTypes.createArrayType(DataTypes.StringType))
                .add("score", DataTypes.DoubleType).add("when", DataTypes.DateType);
        Dataset<Row> df = ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, "a<b & c", List.of("x", "y"), 1.5, java.sql.Date.valueOf("2024-02-29")),
                RowFactory.create(2, null, List.of(), null, null)), schema).coalesce(1);
        Path out = ctx.dir("out");
        try {
            df.write().xml(out.resolve("none").toString());
        } catch (Exception e) {
            ctx.error(e);
        }
        df.write().option("rowTag", "ROW").xml(out.resolve("plain").toString());
        files(ctx, out.resolve("plain"));
        df.write().option("rootTag", "people").option("rowTag", "person").option("nullValue", "N/A")
                .xml(out.resolve("options").toString());
        files(ctx, out.resolve("options"));
        show(ctx, "read back", ctx.spark().read().option("rowTag", "person").option("nullValue", "N/A")
                .xml(out.resolve("options").toString()));
    }

    @Case
    public static void stream(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.xml", "<rows><r id=\"1\"><v>a</v></r><r id=\"2\"><v>b</v></r></rows>");
        ctx.file(in, "2.xml", "<rows><r id=\"3\"><v>c</v></r></rows>");
        try {
            ctx.spark().readStream().option("rowTag", "r").xml(in.toString());
        } catch (Exception e) {
            ctx.error(e);
        }
        Dataset<Row> rows = ctx.spark().readStream().schema("_id INT, v STRING").option("rowTag", "r")
                .option("maxFilesPerTrigger", 1).xml(in.toString());
        StreamingQuery q = rows.writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.batches()).start();
        q.awaitTermination();
        Path out = ctx.dir("out");
        StreamingQuery w = ctx.spark().readStream().schema("_id INT, v STRING").option("rowTag", "r")
                .format("xml").load(in.toString())
                .writeStream().format("xml").option("rowTag", "item").option("checkpointLocation", ctx.dir("cp").toString())
                .trigger(Trigger.AvailableNow()).start(out.toString());
        w.awaitTermination();
        show(ctx, "sink output", ctx.spark().read().option("rowTag", "item").xml(out.toString()));
    }

    @Case
    public static void ofStrings(CaseContext ctx) throws Exception {
        Dataset<String> xml = ctx.spark().createDataset(List.of("<r a=\"1\"><b>x</b></r>",
                "<list><r a=\"2\"><b>y</b><b>z</b></r><r/></list>"), Encoders.STRING());
        show(ctx, "inferred", ctx.spark().read().option("rowTag", "r").xml(xml));
        show(ctx, "schema", ctx.spark().read().option("rowTag", "r").schema("_a LONG").xml(xml));
    }
}
