package io.tideway.microbatch;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

class StreamingQueryBehaviourTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        spark.streams().resetTerminated();
    }

    @Test
    void unsupportedQueriesFailAtStartWithTheGuidesWords() {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        Dataset<Row> agg = s.toDF().groupBy("value").count();
        AnalysisException append = assertThrows(AnalysisException.class,
                () -> agg.writeStream().format("memory").queryName("x").start());
        assertEquals("[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: append. This output mode is "
                + "not supported for streaming aggregations without watermark on streaming DataFrames/DataSets. SQLSTATE: 42KDE",
                append.getMessage());
        AnalysisException complete = assertThrows(AnalysisException.class,
                () -> s.toDF().writeStream().outputMode("complete").format("memory").queryName("y").start());
        assertTrue(complete.getMessage().startsWith("[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                + "complete. This output mode is not supported for no streaming aggregations"), complete.getMessage());
        AnalysisException twoAggs = assertThrows(AnalysisException.class,
                () -> agg.groupBy("count").count().writeStream().outputMode("complete").format("memory").queryName("z").start());
        // Spark 4's check of chained stateful operators (spark.sql.streaming.statefulOperator.checkCorrectness.enabled)
        assertTrue(twoAggs.getMessage().startsWith("Detected pattern of possible 'correctness' issue due to global watermark"),
                twoAggs.getMessage());
        Dataset<Row> batch = spark.createDataFrame(List.of(), s.toDF().schema());
        AnalysisException union = assertThrows(AnalysisException.class,
                () -> s.toDF().union(batch).writeStream().format("memory").queryName("u").start());
        assertTrue(union.getMessage().startsWith("Union between streaming and batch DataFrames/Datasets is not supported"));
        assertEquals("queryName must be specified for memory sink.", assertThrows(AnalysisException.class,
                () -> s.toDF().writeStream().format("memory").start()).getMessage());
        assertTrue(assertThrows(AnalysisException.class, () -> s.toDF().writeStream().format("nosuch").start())
                .getMessage().contains("Failed to find the data source: nosuch"));
        assertEquals("[STREAMING_OUTPUT_MODE.INVALID] Invalid streaming output mode: bogus. Accepted output modes are 'Append', "
                + "'Complete', 'Update'. SQLSTATE: 42KDE",
                assertThrows(IllegalArgumentException.class, () -> s.toDF().writeStream().outputMode("bogus")).getMessage());
        assertTrue(assertThrows(AnalysisException.class, () -> s.toDF().count()).getMessage()
                .contains("Queries with streaming sources must be executed with writeStream.start()"));
    }

    @Test
    void continuousTriggerWithoutTheContinuousModuleOnTheClasspathFailsClearly() {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.toDF().writeStream().format("console")
                .trigger(Trigger.Continuous("1 second")).start());
        assertTrue(e.getMessage().contains("No executor supports trigger ContinuousTrigger(1000)"), e.getMessage());
        assertEquals("'foreachBatch' is not supported with continuous trigger.", assertThrows(AnalysisException.class,
                () -> s.toDS().writeStream().foreachBatch((ds, id) -> { }).trigger(Trigger.Continuous(1000)).start()).getMessage());
    }

    @Test
    void consoleSinkPrintsEachBatchInSparksLayout() throws Exception {
        MemoryStream<String> s = MemoryStream.create(Encoders.STRING(), spark);
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            StreamingQuery q = s.toDF().groupBy("value").count().writeStream().outputMode("complete")
                    .format("console").option("numRows", 1).start();
            s.addData("b", "a", "b");
            q.processAllAvailable();
            q.stop();
        } finally {
            System.setOut(old);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("-------------------------------------------\nBatch: 0\n-------------------------------------------\n+-----+-----+\n|value|count|\n+-----+-----+\n|"), out);
        assertTrue(out.endsWith("+-----+-----+\nonly showing top 1 row\n"), out);
    }

    @Test
    void foreachWriterSeesOpenProcessCloseAndForeachBatchSeesBatchIds() throws Exception {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        Events.LOG.clear();
        StreamingQuery q = s.toDS().writeStream().foreach(new Events()).start();
        s.addData(1L, 2L);
        q.processAllAvailable();
        q.stop();
        assertEquals(List.of("open 0 0", "process 1", "process 2", "close null"), List.copyOf(Events.LOG));

        List<String> batches = new CopyOnWriteArrayList<>();
        MemoryStream<Long> s2 = MemoryStream.create(Encoders.LONG(), spark);
        StreamingQuery q2 = s2.toDS().filter(col("value").gt(1)).writeStream()
                .foreachBatch((ds, id) -> batches.add(id + ":" + ds.collectAsList())).start();
        s2.addData(1L, 2L, 3L);
        q2.processAllAvailable();
        s2.addData(4L);
        q2.processAllAvailable();
        q2.stop();
        assertEquals(List.of("0:[2, 3]", "1:[4]"), batches);
    }

    /** Records its lifecycle; static because the sink uses serialized copies. */
    public static final class Events extends ForeachWriter<Long> {
        static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();

        @Override
        public boolean open(long partitionId, long epochId) {
            LOG.add("open " + partitionId + " " + epochId);
            return true;
        }

        @Override
        public void process(Long value) {
            LOG.add("process " + value);
        }

        @Override
        public void close(Throwable errorOrNull) {
            LOG.add("close " + errorOrNull);
        }
    }

    @Test
    void progressListenersAndStatusUseSparksFields() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        StreamingQueryListener listener = new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent e) {
                events.add("started " + e.name());
            }

            @Override
            public void onQueryProgress(QueryProgressEvent e) {
                events.add("progress " + e.progress().batchId());
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent e) {
                events.add("terminated " + e.exception().isDefined());
            }
        };
        spark.streams().addListener(listener);
        try {
            MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
            StreamingQuery q = s.toDF().writeStream().format("memory").queryName("progress_q").start();
            s.addData(1L, 2L, 3L);
            q.processAllAvailable();
            StreamingQueryProgress p = q.lastProgress();
            assertEquals(3, p.numInputRows());
            assertEquals(3, p.sink().numOutputRows());
            assertEquals("MemorySink", p.sink().description());
            assertEquals("3", p.sources()[0].endOffset());
            String json = p.prettyJson();
            assertTrue(json.contains("\"name\" : \"progress_q\""), json);
            for (String key : List.of("addBatch", "commitOffsets", "getBatch", "latestOffset", "queryPlanning", "triggerExecution", "walCommit")) {
                assertTrue(p.durationMs().containsKey(key), key);
            }
            assertTrue(p.json().startsWith("{\"id\":\"" + q.id() + "\",\"runId\":\"" + q.runId() + "\",\"name\":\"progress_q\",\"timestamp\":"), p.json());
            assertEquals(1, spark.streams().active().length);
            assertSame(q, spark.streams().get(q.id()));
            q.stop();
            assertFalse(q.isActive());
            assertEquals("Stopped", q.status().message());
            assertTrue(spark.streams().awaitAnyTermination(10_000));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!events.contains("terminated false") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals("started progress_q", events.get(0));
            assertTrue(events.contains("progress 0"), events.toString());
            assertEquals("terminated false", events.get(events.size() - 1));
        } finally {
            spark.streams().removeListener(listener);
        }
    }

    @Test
    void aFailingUserFunctionStopsTheQueryWithTheCause() throws Exception {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        StreamingQuery q = s.toDS().map((io.tideway.api.java.function.MapFunction<Long, Long>) v -> {
            if (v == 13L) {
                throw new IllegalStateException("unlucky " + v);
            }
            return v;
        }, Encoders.LONG()).writeStream().format("memory").queryName("fails").start();
        s.addData(1L, 13L);
        StreamingQueryException e = assertThrows(StreamingQueryException.class, q::awaitTermination);
        assertEquals("unlucky 13", e.getCause().getMessage());
        assertEquals("[STREAM_FAILED] Query [id = " + q.id() + ", runId = " + q.runId() + "] terminated with exception: "
                + "unlucky 13 SQLSTATE: XXKST", e.message(), "Spark 4's message");
        assertEquals("STREAM_FAILED", e.getCondition());
        assertEquals("XXKST", e.getSqlState());
        assertTrue(e.getMessage().startsWith(e.message() + "\n=== Streaming Query ===\nIdentifier: fails [id = "), e.getMessage());
        assertTrue(e.toString().startsWith("io.tideway.sql.streaming.StreamingQueryException: unlucky 13\n=== Streaming Query ==="),
                e.toString());
        assertTrue(q.exception().isDefined());
        assertTrue(q.status().message().startsWith("Terminated with exception: unlucky 13"));
        assertThrows(StreamingQueryException.class, q::processAllAvailable);
    }

    @Test
    void onceAndAvailableNowRunWhatIsThereAndStop(@TempDir Path dir) throws Exception {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        s.addData(1L, 2L);
        StreamingQuery once = s.toDF().writeStream().format("memory").queryName("once").trigger(Trigger.Once())
                .option("checkpointLocation", dir.resolve("a").toString()).start();
        assertTrue(once.awaitTermination(30_000));
        assertEquals(2, spark.table("once").count());
        StreamingQuery now = s.toDF().writeStream().format("memory").queryName("now").trigger(Trigger.AvailableNow())
                .option("checkpointLocation", dir.resolve("b").toString()).start();
        assertTrue(now.awaitTermination(30_000));
        assertEquals(2, spark.table("now").count());
        assertTrue(Files.exists(dir.resolve("b/commits/0")));
    }
}
