package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import conformance.CollectingWriter;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** foreach and foreachBatch (guide: using foreach and foreachBatch). */
public final class SinksForeach {
    private SinksForeach() {
    }

    private static Dataset<Row> text(CaseContext ctx, Path in) {
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    /**
     * Engine-run numbers in a failure message: stage, task and TID numbers, the host, and which
     * state store partition failed first.
     */
    static String mask(String s) {
        return s.replaceAll("part=\\d+", "part=<n>")
                .replaceAll("/state/(\\d+)/\\d+", "/state/$1/<n>")
                .replaceAll("stage \\d+\\.\\d+", "stage <n>")
                .replaceAll("stage \\d+", "stage <n>")
                .replaceAll("task \\d+\\.\\d+", "task <n>")
                .replaceAll("Task \\d+", "Task <n>")
                .replaceAll("TID \\d+", "TID <n>")
                .replaceAll("\\([^()]* executor driver\\)", "(<host> executor driver)");
    }

    /** The error and its causes, one per line, with engine-run numbers masked. */
    static void maskedChain(CaseContext ctx, Throwable t) {
        ctx.println(mask(Canonical.error(t)));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            ctx.println("caused by: " + mask(Canonical.error(c)));
        }
    }

    /**
     * A writer that records its calls per (epoch, partition), in call order; it can refuse
     * partitions (open returns false) and fail on a given row.
     */
    static final class EventWriter extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;
        static final Map<String, Map<String, List<String>>> EVENTS = new ConcurrentHashMap<>();

        private final String name;
        private final boolean accept;
        private final String failOn;
        private String key;

        EventWriter(String name, boolean accept, String failOn) {
            this.name = name;
            this.accept = accept;
            this.failOn = failOn;
            EVENTS.put(name, new TreeMap<>());
        }

        private void record(String event) {
            Map<String, List<String>> all = EVENTS.get(name);
            synchronized (all) {
                all.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
            }
        }

        @Override
        public boolean open(long partitionId, long epochId) {
            key = "epoch " + epochId + " partition " + partitionId;
            record("open -> " + accept);
            return accept;
        }

        @Override
        public void process(Row value) {
            if (failOn != null && failOn.equals(value.getString(0))) {
                throw new IllegalStateException("cannot write " + failOn);
            }
            record("process " + Canonical.value(value));
        }

        @Override
        public void close(Throwable errorOrNull) {
            record("close " + (errorOrNull == null ? "null" : Canonical.error(errorOrNull)));
        }

        static void print(CaseContext ctx, String name) {
            Map<String, List<String>> all = EVENTS.get(name);
            synchronized (all) {
                all.forEach((k, events) -> events.forEach(e -> ctx.println(k + ": " + e)));
            }
        }
    }

    @Case
    public static void foreachWriterCollectsEveryRow(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "c");
        CollectingWriter<Row> writer = new CollectingWriter<>("foreachWriterCollectsEveryRow");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreach(writer)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        writer.printTo(ctx);
    }

    @Case
    public static void foreachWriterOnTypedDataset(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x", "y");
        CollectingWriter<String> writer = new CollectingWriter<>("foreachWriterOnTypedDataset");
        StreamingQuery q = text(ctx, in).as(Encoders.STRING()).writeStream()
                .foreach(writer)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        writer.printTo(ctx);
    }

    @Case
    public static void foreachWriterCompleteModeGetsWholeTable(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        ctx.file(in, "2.txt", "c");
        CollectingWriter<Row> writer = new CollectingWriter<>("foreachWriterCompleteModeGetsWholeTable");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .outputMode("complete")
                .foreach(writer)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        writer.printTo(ctx);
    }

    @Case
    public static void foreachWriterLifecyclePerEpochAndPartition(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "c");
        String name = "foreachWriterLifecyclePerEpochAndPartition";
        StreamingQuery q = text(ctx, in).writeStream()
                .foreach(new EventWriter(name, true, null))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        EventWriter.print(ctx, name);
    }

    @Case
    public static void foreachWriterOpenFalseSkipsProcess(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        String name = "foreachWriterOpenFalseSkipsProcess";
        StreamingQuery q = text(ctx, in).writeStream()
                .foreach(new EventWriter(name, false, null))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        EventWriter.print(ctx, name);
    }

    @Case
    public static void foreachWriterProcessThrowsFailsQuery(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "ok");
        ctx.file(in, "2.txt", "bad");
        String name = "foreachWriterProcessThrowsFailsQuery";
        StreamingQuery q = text(ctx, in).writeStream()
                .foreach(new EventWriter(name, true, "bad"))
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            q.awaitTermination();
            ctx.println("terminated normally");
        } catch (Exception e) {
            maskedChain(ctx, e);
        }
        ctx.println("isActive: " + q.isActive());
        EventWriter.print(ctx, name);
    }

    @Case
    public static void foreachWriterNullRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        text(ctx, in).writeStream().foreach(null);
    }

    @Case
    public static void foreachBatchGetsBatchDatasetAndId(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "c");
        VoidFunction2<Dataset<Row>, Long> f = (df, id) -> {
            long n = df.count();
            ctx.println("batch " + id + ": isStreaming=" + df.isStreaming() + " count=" + n);
            ctx.show(df);
        };
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(f)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void foreachBatchFunctionThrowsFailsQuery(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        ctx.file(in, "2.txt", "b");
        VoidFunction2<Dataset<Row>, Long> f = (df, id) -> {
            if (id == 1) {
                throw new IllegalStateException("batch function failed on batch " + id);
            }
            ctx.println("batch " + id + ":");
            ctx.show(df);
        };
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(f)
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            q.awaitTermination();
            ctx.println("terminated normally");
        } catch (Exception e) {
            maskedChain(ctx, e);
        }
        ctx.println("isActive: " + q.isActive());
        ctx.println("lastProgress batchId: " + (q.lastProgress() == null ? "none" : q.lastProgress().batchId()));
    }

    @Case
    public static void foreachBatchIdsContinueAfterRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.txt", "a");
        ctx.file(in, "2.txt", "b");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("-- restart --");
        ctx.file(in, "3.txt", "c");
        StreamingQuery again = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
    }

    @Case
    public static void foreachBatchFailedBatchReplayedWithSameId(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.txt", "a");
        ctx.file(in, "2.txt", "b");
        VoidFunction2<Dataset<Row>, Long> failOnSecond = (df, id) -> {
            if (id == 1) {
                throw new IllegalStateException("failing batch " + id);
            }
            ctx.println("first run, batch " + id + ":");
            ctx.show(df);
        };
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(failOnSecond)
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            q.awaitTermination();
        } catch (Exception e) {
            ctx.println("first run failed: " + e.getClass().getSimpleName());
        }
        ctx.file(in, "3.txt", "c");
        StreamingQuery again = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
    }
}
