package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.tideway.sql.functions.col;

/**
 * File sinks (guide: output sinks): json, csv, text and parquet output directories, read back
 * with plain Java: the data files' lines sorted across files, partition directories, and the
 * {@code _spark_metadata} log (one entry count per batch; its entries hold paths and sizes).
 */
public final class SinksFile {
    private SinksFile() {
    }

    private static Dataset<Row> json(CaseContext ctx, Path in, String ddl) {
        return ctx.spark().readStream().schema(ddl).option("maxFilesPerTrigger", 1).json(in.toString());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith("_") || s.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Prints the output directory's data files, partition directories, lines and metadata log. */
    static void printOutput(CaseContext ctx, Path out, boolean content) throws IOException {
        List<Path> files = new ArrayList<>();
        TreeSet<String> partitionDirs = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                Path rel = out.relativize(p);
                if (!hidden(rel)) {
                    files.add(rel);
                    if (rel.getParent() != null) {
                        partitionDirs.add(rel.getParent().toString());
                    }
                }
            });
        }
        List<String> described = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString()
                    .replaceAll("^part-\\d{5}-", "part-N-")
                    .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>");
            if (content) {
                List<String> l = Files.readAllLines(out.resolve(f), StandardCharsets.UTF_8);
                described.add(name + " (" + l.size() + " lines)");
                lines.addAll(l);
            } else {
                described.add(name);
            }
        }
        described.sort(null);
        ctx.println("data files: " + files.size());
        described.forEach(d -> ctx.println("  file " + d));
        if (!partitionDirs.isEmpty()) {
            ctx.println("partition directories: " + partitionDirs);
        }
        if (content) {
            lines.sort(null);
            ctx.println("lines:");
            lines.forEach(l -> ctx.println("  " + l));
        }
        Path log = out.resolve("_spark_metadata");
        if (!Files.isDirectory(log)) {
            ctx.println("_spark_metadata: absent");
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(log)) {
            list.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(entries::add);
        }
        entries.sort(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                .thenComparing(p -> p.getFileName().toString()));
        ctx.println("_spark_metadata:");
        for (Path e : entries) {
            List<String> l = Files.readAllLines(e, StandardCharsets.UTF_8);
            long adds = l.stream().filter(s -> s.contains("\"action\":\"add\"")).count();
            ctx.println("  " + e.getFileName() + ": " + (l.isEmpty() ? "(empty)" : l.get(0)) + ", "
                    + (l.size() - 1) + " entries, " + adds + " add");
        }
    }

    @Case
    public static void fileJsonSinkWritesPartFilesAndLog(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\",\"x\":2.5,\"ts\":\"2024-01-01T00:00:05Z\"}",
                "{\"id\":2,\"name\":\"b\",\"x\":0.00001,\"ts\":\"2024-01-01T00:00:06.5Z\"}");
        ctx.file(in, "2.json", "{\"id\":3,\"name\":\"c\",\"x\":-1.0,\"ts\":\"2024-01-02T00:00:00Z\"}");
        StreamingQuery q = json(ctx, in, "id INT, name STRING, x DOUBLE, ts TIMESTAMP").writeStream()
                .format("json")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileJsonSinkOmitsNullFields(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":null}", "{\"id\":null,\"name\":\"b\"}", "{}");
        StreamingQuery q = json(ctx, in, "id INT, name STRING").writeStream()
                .format("json")
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start(out.toString());
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileCsvSinkQuotesAndNulls(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json",
                "{\"id\":1,\"s\":\"plain\"}",
                "{\"id\":2,\"s\":\"with,comma\"}",
                "{\"id\":3,\"s\":\"say \\\"hi\\\"\"}",
                "{\"id\":4,\"s\":\"\"}",
                "{\"id\":5,\"s\":null}",
                "{\"id\":6,\"s\":\" padded \"}");
        StreamingQuery q = json(ctx, in, "id INT, s STRING").writeStream()
                .format("csv")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileCsvSinkHeaderPerFile(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"x\":1.5,\"ts\":\"2024-01-01T00:00:05Z\"}");
        ctx.file(in, "2.json", "{\"id\":2,\"x\":2.0,\"ts\":\"2024-01-01T00:00:06.123Z\"}");
        StreamingQuery q = json(ctx, in, "id INT, x DOUBLE, ts TIMESTAMP").writeStream()
                .format("csv")
                .option("header", true)
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileTextSinkSingleStringColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.txt", "line one", "line two");
        ctx.file(in, "2.txt", "line three");
        StreamingQuery q = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString())
                .writeStream()
                .format("text")
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start(out.toString());
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileTextSinkTwoColumnsRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}");
        StreamingQuery q = json(ctx, in, "id INT, name STRING").writeStream()
                .format("text")
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start(out.toString());
        try {
            q.awaitTermination();
            ctx.println("terminated normally");
        } catch (Exception e) {
            SinksForeach.maskedChain(ctx, e);
        }
    }

    @Case
    public static void fileParquetSinkWritesSnappyFiles(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}");
        ctx.file(in, "2.json", "{\"id\":2,\"name\":\"b\"}");
        StreamingQuery q = json(ctx, in, "id INT, name STRING").writeStream()
                .format("parquet")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printOutput(ctx, out, false);
    }

    @Case
    public static void filePartitionByWritesDirectories(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json",
                "{\"id\":1,\"country\":\"kr\"}",
                "{\"id\":2,\"country\":\"us\"}",
                "{\"id\":3,\"country\":\"kr\"}");
        ctx.file(in, "2.json",
                "{\"id\":4,\"country\":null}",
                "{\"id\":5,\"country\":\"a b/c\"}");
        StreamingQuery q = json(ctx, in, "id INT, country STRING").writeStream()
                .format("json")
                .partitionBy("country")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileSinkWithoutCheckpointRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"id\":1}");
        json(ctx, in, "id INT").writeStream()
                .format("json")
                .option("path", ctx.path("out"))
                .start();
    }

    @Case
    public static void fileSinkWithoutPathRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"id\":1}");
        json(ctx, in, "id INT").writeStream()
                .format("json")
                .option("checkpointLocation", ctx.path("cp"))
                .start();
    }

    @Case
    public static void fileSinkCompleteModeRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"id\":1}");
        json(ctx, in, "id INT").groupBy("id").count().writeStream()
                .format("json")
                .outputMode("complete")
                .option("path", ctx.path("out"))
                .option("checkpointLocation", ctx.path("cp"))
                .start();
    }

    @Case
    public static void fileSinkBatchWithNoRows(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1}");
        ctx.file(in, "2.json", "{\"id\":-1}", "{\"id\":-2}");
        StreamingQuery q = json(ctx, in, "id INT").where(col("id").gt(0)).writeStream()
                .format("json")
                .option("path", out.toString())
                .option("checkpointLocation", ctx.path("cp"))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printOutput(ctx, out, true);
    }

    @Case
    public static void fileSinkExactlyOnceAcrossRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"id\":1}", "{\"id\":2}");
        ctx.file(in, "2.json", "{\"id\":3}");
        StreamingQuery q = json(ctx, in, "id INT").writeStream()
                .format("json")
                .option("path", out.toString())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("-- after first run --");
        printOutput(ctx, out, true);
        ctx.file(in, "3.json", "{\"id\":4}");
        StreamingQuery again = json(ctx, in, "id INT").writeStream()
                .format("json")
                .option("path", out.toString())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
        ctx.println("-- after restart --");
        printOutput(ctx, out, true);
    }
}
