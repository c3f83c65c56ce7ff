package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.StreamingQueryStatus;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.window;

/**
 * Monitoring (guide: reading metrics interactively): lastProgress / recentProgress JSON shapes
 * with every run-dependent value masked, and status().
 */
public final class QueriesProgress {
    private QueriesProgress() {
    }

    // ---- a minimal JSON reader (objects keep their field order) ----

    private static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing text at " + p.i + ": " + text);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    i++; // ':'
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String tok = s.substring(start, i);
            return switch (tok) {
                case "null" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> new Num(tok);
            };
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }
    }

    /** A JSON number as its text. */
    private record Num(String text) {
    }

    /** Fields whose values depend on the run: timing, rates, sizes. */
    private static final Set<String> MASKED = Set.of("batchDuration", "inputRowsPerSecond",
            "processedRowsPerSecond", "allUpdatesTimeMs", "allRemovalsTimeMs", "commitTimeMs", "memoryUsedBytes");

    /**
     * The JSON's shape, one field per line with its path: values of run-dependent fields (the
     * top-level wall-clock timestamp, durations, rates, sizes, and every field under durationMs,
     * customMetrics and metrics) print as {@code <number>} / {@code <string>}, ids as
     * {@code <uuid>} (by the runner), object hashes as {@code @<hash>}.
     */
    static void printShape(CaseContext ctx, String json) {
        List<String> lines = new ArrayList<>();
        shape(Json.parse(json), "", false, lines);
        lines.forEach(ctx::println);
    }

    private static void shape(Object v, String path, boolean mask, List<String> out) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.add(path + " = {}");
            }
            String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            boolean maskChildren = mask || last.equals("durationMs") || last.equals("customMetrics")
                    || last.equals("metrics");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                boolean wallClock = path.isEmpty() && k.equals("timestamp");
                shape(e.getValue(), path.isEmpty() ? k : path + "." + k, maskChildren || wallClock || MASKED.contains(k), out);
            }
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                out.add(path + " = []");
            }
            for (int i = 0; i < l.size(); i++) {
                shape(l.get(i), path + "[" + i + "]", mask, out);
            }
        } else if (v == null) {
            out.add(path + " = null");
        } else if (v instanceof String s) {
            out.add(path + " = " + (mask ? "<string>" : "\"" + s.replaceAll("@[0-9a-f]{4,}", "@<hash>") + "\""));
        } else if (v instanceof Num n) {
            out.add(path + " = " + (mask ? "<number>" : n.text()));
        } else {
            out.add(path + " = " + v);
        }
    }

    private static Dataset<Row> text(CaseContext ctx, Path in) {
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    @Case
    public static void lastProgressShapeStateless(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "c");
        StreamingQuery q = text(ctx, in).writeStream()
                .queryName("stateless")
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printShape(ctx, q.lastProgress().json());
    }

    @Case
    public static void lastProgressShapeAggregation(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        ctx.file(in, "2.txt", "c", "a");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .outputMode("update")
                .format("memory")
                .queryName("agg")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printShape(ctx, q.lastProgress().json());
    }

    @Case
    public static void lastProgressShapeWatermark(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"ts\":\"2024-01-01T00:00:01Z\",\"k\":\"a\"}", "{\"ts\":\"2024-01-01T00:00:07Z\",\"k\":\"b\"}");
        ctx.file(in, "2.json", "{\"ts\":\"2024-01-01T00:00:21Z\",\"k\":\"a\"}");
        Dataset<Row> events = ctx.spark().readStream().schema("ts TIMESTAMP, k STRING").option("maxFilesPerTrigger", 1)
                .json(in.toString());
        StreamingQuery q = events.withWatermark("ts", "5 seconds")
                .groupBy(window(col("ts"), "10 seconds"), col("k")).count()
                .writeStream()
                .outputMode("append")
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        for (StreamingQueryProgress p : q.recentProgress()) {
            ctx.println("-- progress of batch " + p.batchId() + " --");
            printShape(ctx, p.json());
        }
    }

    @Case
    public static void prettyJsonSameShapeAsJson(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .outputMode("complete")
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        StreamingQueryProgress p = q.lastProgress();
        List<String> compact = new ArrayList<>();
        List<String> pretty = new ArrayList<>();
        shape(Json.parse(p.json()), "", false, compact);
        shape(Json.parse(p.prettyJson()), "", false, pretty);
        ctx.println("same fields and values: " + compact.equals(pretty));
        ctx.println("toString is prettyJson: " + p.toString().equals(p.prettyJson()));
        ctx.println("prettyJson indents with two spaces and ' : ': " + p.prettyJson().contains("\n  \"batchId\" : "));
        ctx.println("sink.json: " + p.sink().json());
        ctx.println("sink.prettyJson:");
        ctx.println(p.sink().prettyJson());
        ctx.println("sources[0].json shape:");
        printShape(ctx, p.sources()[0].json());
        ctx.println("stateOperators[0].json shape:");
        printShape(ctx, p.stateOperators()[0].json());
    }

    @Case
    public static void recentProgressOffsetsPerBatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "c");
        ctx.file(in, "3.txt", "d", "e", "f");
        StreamingQuery q = text(ctx, in).writeStream()
                .format("memory")
                .queryName("offsets")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        StreamingQueryProgress[] recent = q.recentProgress();
        ctx.println("recentProgress: " + recent.length);
        for (StreamingQueryProgress p : recent) {
            SourceProgress s = p.sources()[0];
            ctx.println("batch " + p.batchId() + ": numInputRows=" + p.numInputRows()
                    + " start=" + s.startOffset() + " end=" + s.endOffset() + " latest=" + s.latestOffset()
                    + " source.numInputRows=" + s.numInputRows() + " sink.numOutputRows=" + p.sink().numOutputRows());
        }
        ctx.println("last is lastProgress: " + (recent[recent.length - 1].batchId() == q.lastProgress().batchId()));
    }

    @Case
    public static void progressAccessorsOfStateOperator(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        ctx.file(in, "2.txt", "c", "a");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .outputMode("complete")
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        for (StreamingQueryProgress p : q.recentProgress()) {
            StateOperatorProgress op = p.stateOperators()[0];
            ctx.println("batch " + p.batchId() + ": operators=" + p.stateOperators().length
                    + " name=" + op.operatorName() + " numRowsTotal=" + op.numRowsTotal()
                    + " numRowsUpdated=" + op.numRowsUpdated() + " numRowsRemoved=" + op.numRowsRemoved()
                    + " numRowsDroppedByWatermark=" + op.numRowsDroppedByWatermark()
                    + " customMetrics=" + new TreeSet<>(op.customMetrics().keySet()));
            ctx.println("  durationMs keys=" + new TreeSet<>(p.durationMs().keySet())
                    + " eventTime=" + p.eventTime() + " sink=" + p.sink().description().replaceAll("@[0-9a-f]+", "@<hash>"));
        }
    }

    @Case
    public static void sinkDescriptions(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        String[] formats = {"memory", "console", "foreachBatch", "foreach", "json"};
        for (String f : formats) {
            var w = text(ctx, in).writeStream().trigger(Trigger.AvailableNow());
            switch (f) {
                case "memory" -> w = w.format("memory").queryName("described");
                case "console" -> w = w.format("console");
                case "foreachBatch" -> {
                    VoidFunction2<Dataset<Row>, Long> nothing = (df, id) -> { };
                    w = w.foreachBatch(nothing);
                }
                case "foreach" -> w = w.foreach(new conformance.CollectingWriter<>("sinkDescriptions"));
                default -> w = w.format("json").option("path", ctx.path("out")).option("checkpointLocation", ctx.path("cp"));
            }
            StreamingQuery q = w.start();
            q.awaitTermination();
            ctx.println(f + ": sink.description=" + q.lastProgress().sink().description().replaceAll("@[0-9a-f]+", "@<hash>")
                    + " numOutputRows=" + q.lastProgress().sink().numOutputRows()
                    + " source.description=" + q.lastProgress().sources()[0].description());
        }
    }

    @Case
    public static void statusAfterStop(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        q.stop();
        StreamingQueryStatus s = q.status();
        ctx.println("json: " + s.json());
        ctx.println("prettyJson:");
        ctx.println(s.prettyJson());
        ctx.println("toString is prettyJson: " + s.toString().equals(s.prettyJson()));
    }

    @Case
    public static void statusAfterAvailableNowEnds(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        ctx.file(in, "2.txt", "b");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("status: " + q.status().json());
    }

    @Case
    public static void statusWhileWaitingForData(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        String wanted = "Waiting for data to arrive";
        StreamingQueryStatus seen = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            StreamingQueryStatus s = q.status();
            if (s.message().equals(wanted)) {
                seen = s;
                break;
            }
            Thread.sleep(1);
        }
        ctx.println(seen == null ? "never saw '" + wanted + "' within 10 s" : "seen: " + seen.json());
        q.stop();
    }

    @Case
    public static void statusAfterFailure(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        VoidFunction2<Dataset<Row>, Long> fail = (df, id) -> {
            throw new IllegalStateException("status check failure");
        };
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(fail)
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            q.awaitTermination();
        } catch (Exception e) {
            ctx.println("failed: " + e.getClass().getSimpleName());
        }
        StreamingQueryStatus s = q.status();
        String msg = s.message();
        int nl = msg.indexOf('\n');
        ctx.println("message: " + SinksForeach.mask(nl >= 0 ? msg.substring(0, nl) : msg));
        ctx.println("isDataAvailable: " + s.isDataAvailable() + " isTriggerActive: " + s.isTriggerActive());
    }

    @Case
    public static void lastProgressShapeRateMicroBatchSource(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate-micro-batch")
                .option("rowsPerBatch", 3)
                .option("numPartitions", 1)
                .option("startTimestamp", 0)
                .option("advanceMillisPerBatch", 1000)
                .load();
        StreamingQuery q = rate.writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        printShape(ctx, q.lastProgress().json());
    }
}
