package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Managing queries (guide: managing streaming queries; asynchronous metrics with listeners). */
public final class QueriesManagement {
    private QueriesManagement() {
    }

    private static Dataset<Row> text(CaseContext ctx, Path in) {
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    /** Waits (polling) until {@code condition} holds or {@code timeoutMs} passed; returns whether it holds. */
    private static boolean waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Case
    public static void idStableAndRunIdNewAcrossRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.txt", "a");
        StreamingQuery first = text(ctx, in).writeStream()
                .queryName("counter")
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        first.awaitTermination();
        ctx.file(in, "2.txt", "b");
        StreamingQuery second = text(ctx, in).writeStream()
                .queryName("counter")
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        second.awaitTermination();
        ctx.println("name: " + first.name() + " / " + second.name());
        ctx.println("same id: " + first.id().equals(second.id()));
        ctx.println("same runId: " + first.runId().equals(second.runId()));
        ctx.println("id != runId: " + !first.id().equals(first.runId()));
    }

    @Case
    public static void idChangesWithoutCheckpoint(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        StreamingQuery first = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        first.awaitTermination();
        StreamingQuery second = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        second.awaitTermination();
        ctx.println("same id: " + first.id().equals(second.id()));
    }

    @Case
    public static void nameIsNullWhenNotSet(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        ctx.println("name: " + q.name());
        ctx.println("sparkSession is the session: " + (q.sparkSession() == ctx.spark()));
        q.stop();
    }

    @Case
    public static void isActiveAwaitTerminationAndStopTwice(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        ctx.println("isActive: " + q.isActive());
        ctx.println("awaitTermination(200) while running: " + q.awaitTermination(200));
        q.stop();
        ctx.println("isActive after stop: " + q.isActive());
        ctx.println("awaitTermination(200) after stop: " + q.awaitTermination(200));
        q.stop();
        ctx.println("second stop: no error");
        q.awaitTermination();
        ctx.println("awaitTermination() after stop returns");
    }

    @Case
    public static void activeQueriesAndGetById(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.println("active before: " + ctx.spark().streams().active().length);
        StreamingQuery a = text(ctx, in).writeStream().queryName("a").foreachBatch(ctx.<Row>batches()).start();
        StreamingQuery b = text(ctx, in).writeStream().queryName("b").foreachBatch(ctx.<Row>batches()).start();
        StreamingQuery[] active = ctx.spark().streams().active();
        List<String> names = new ArrayList<>();
        for (StreamingQuery q : active) {
            names.add(q.name());
        }
        names.sort(null);
        ctx.println("active: " + active.length + " " + names);
        StreamingQuery got = ctx.spark().streams().get(a.id());
        ctx.println("get(id).name: " + got.name());
        ctx.println("get(id) same id: " + got.id().equals(a.id()));
        ctx.println("get(id.toString()).name: " + ctx.spark().streams().get(b.id().toString()).name());
        ctx.println("get(unknown): " + ctx.spark().streams().get(UUID.fromString("00000000-0000-0000-0000-000000000000")));
        a.stop();
        ctx.println("active after stopping a: " + ctx.spark().streams().active().length);
        ctx.println("get(a.id) after stop: " + ctx.spark().streams().get(a.id()));
        b.stop();
        ctx.println("active after stopping b: " + ctx.spark().streams().active().length);
    }

    @Case
    public static void sameNameTwiceActiveRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        StreamingQuery a = text(ctx, in).writeStream().queryName("dup").foreachBatch(ctx.<Row>batches()).start();
        try {
            text(ctx, in).writeStream().queryName("dup").foreachBatch(ctx.<Row>batches()).start();
            ctx.println("second start accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        a.stop();
        StreamingQuery c = text(ctx, in).writeStream().queryName("dup").foreachBatch(ctx.<Row>batches()).start();
        ctx.println("same name after stop: " + c.name() + " active=" + c.isActive());
        c.stop();
    }

    @Case
    public static void sameCheckpointStartStopsActiveRun(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.txt", "a");
        StreamingQuery a = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .start();
        a.processAllAvailable();
        try {
            StreamingQuery b = text(ctx, in).writeStream()
                    .foreachBatch(ctx.<Row>batches())
                    .option("checkpointLocation", cp)
                    .start();
            b.processAllAvailable();
            ctx.println("second start accepted");
            ctx.println("same id: " + a.id().equals(b.id()));
            ctx.println("first isActive: " + a.isActive() + ", second isActive: " + b.isActive());
            ctx.println("active: " + ctx.spark().streams().active().length);
            ctx.file(in, "2.txt", "b");
            b.processAllAvailable();
            b.stop();
        } catch (Exception e) {
            ctx.error(e);
        }
        a.stop();
    }

    @Case
    public static void awaitAnyTerminationAndResetTerminated(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("awaitAnyTermination(100) after a query ended: " + ctx.spark().streams().awaitAnyTermination(100));
        ctx.spark().streams().resetTerminated();
        ctx.println("awaitAnyTermination(100) after resetTerminated: " + ctx.spark().streams().awaitAnyTermination(100));
        StreamingQuery running = text(ctx, ctx.dir("empty")).writeStream().foreachBatch(ctx.<Row>batches()).start();
        ctx.println("awaitAnyTermination(100) with one running: " + ctx.spark().streams().awaitAnyTermination(100));
        running.stop();
        ctx.println("awaitAnyTermination(100) after stop: " + ctx.spark().streams().awaitAnyTermination(100));
    }

    @Case
    public static void awaitAnyTerminationRethrowsFailure(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        VoidFunction2<Dataset<Row>, Long> fail = (df, id) -> {
            throw new IllegalStateException("no batch wanted");
        };
        StreamingQuery q = text(ctx, in).writeStream()
                .queryName("failing")
                .foreachBatch(fail)
                .start();
        try {
            ctx.spark().streams().awaitAnyTermination();
            ctx.println("returned normally");
        } catch (Exception e) {
            ctx.println("awaitAnyTermination threw " + e.getClass().getSimpleName());
        }
        try {
            q.awaitTermination(100);
            ctx.println("awaitTermination(100) returned normally");
        } catch (Exception e) {
            ctx.println("awaitTermination(100) threw " + e.getClass().getSimpleName());
        }
        ctx.spark().streams().resetTerminated();
        ctx.println("awaitAnyTermination(100) after reset: " + ctx.spark().streams().awaitAnyTermination(100));
    }

    /** Records a listener's events as text; the case prints them from its own thread. */
    private static final class RecordingListener extends StreamingQueryListener {
        final List<String> events = new ArrayList<>();
        final List<UUID> ids = new ArrayList<>();
        volatile boolean terminated;

        @Override
        public synchronized void onQueryStarted(QueryStartedEvent event) {
            events.add("started name=" + event.name());
            ids.add(event.id());
            ids.add(event.runId());
        }

        @Override
        public synchronized void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress p = event.progress();
            events.add("progress name=" + p.name() + " batchId=" + p.batchId() + " numInputRows=" + p.numInputRows()
                    + " sink.numOutputRows=" + p.sink().numOutputRows());
        }

        @Override
        public synchronized void onQueryTerminated(QueryTerminatedEvent event) {
            events.add("terminated");
            ids.add(event.id());
            ids.add(event.runId());
            terminated = true;
        }

        synchronized List<String> snapshot() {
            return new ArrayList<>(events);
        }
    }

    @Case
    public static void listenerSeesStartedProgressTerminated(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "c");
        RecordingListener listener = new RecordingListener();
        ctx.spark().streams().addListener(listener);
        StreamingQuery q = text(ctx, in).writeStream()
                .queryName("watched")
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("terminated event within 20 s: " + waitFor(() -> listener.terminated, 20_000));
        ctx.spark().streams().removeListener(listener);
        listener.snapshot().forEach(ctx::println);
        synchronized (listener) {
            boolean idsMatch = listener.ids.size() == 4 && listener.ids.get(0).equals(q.id())
                    && listener.ids.get(1).equals(q.runId()) && listener.ids.get(2).equals(q.id())
                    && listener.ids.get(3).equals(q.runId());
            ctx.println("event ids are the query's id and runId: " + idsMatch);
        }
    }

    @Case
    public static void listenerWithProcessAllAvailableAndStop(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        RecordingListener listener = new RecordingListener();
        ctx.spark().streams().addListener(listener);
        StreamingQuery q = text(ctx, in).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        ctx.file(in, "2.txt", "b", "c");
        q.processAllAvailable();
        q.stop();
        ctx.println("terminated event within 20 s: " + waitFor(() -> listener.terminated, 20_000));
        ctx.spark().streams().removeListener(listener);
        // idle triggers may add progress events with no batch: show the ones with input
        for (String e : listener.snapshot()) {
            if (!e.startsWith("progress") || !e.contains("numInputRows=0")) {
                ctx.println(e);
            }
        }
    }

    @Case
    public static void listenerAddListRemove(CaseContext ctx) throws Exception {
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        ctx.println("listeners at start: " + ctx.spark().streams().listListeners().length);
        ctx.spark().streams().addListener(a);
        ctx.spark().streams().addListener(b);
        ctx.println("after adding two: " + ctx.spark().streams().listListeners().length);
        ctx.println("first is a: " + (ctx.spark().streams().listListeners()[0] == a));
        ctx.spark().streams().removeListener(a);
        ctx.println("after removing one: " + ctx.spark().streams().listListeners().length);
        ctx.spark().streams().removeListener(a);
        ctx.println("after removing it again: " + ctx.spark().streams().listListeners().length);
        ctx.spark().streams().removeListener(b);
        ctx.println("after removing both: " + ctx.spark().streams().listListeners().length);
    }
}
