package io.tideway.continuous;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.current_timestamp;
import static org.junit.jupiter.api.Assertions.*;

class ContinuousQueryTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        spark.conf().unset(ContinuousSettings.WAIT_STRATEGY);
        spark.conf().unset(ContinuousSettings.THREADS_PER_PARTITION);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private List<Long> values(String table) {
        List<Long> out = new ArrayList<>();
        for (Row r : spark.table(table).collectAsList()) {
            out.add(r.getLong(0));
        }
        return out;
    }

    @Test
    void mapLikeQueryRunsContinuouslyAndCommitsEpochsInTheCheckpoint(@TempDir Path dir) throws Exception {
        for (String threads : List.of("2", "1"))
        for (String wait : List.of("busy-spin", "yielding", "backoff", "blocking")) {
            spark.conf().set(ContinuousSettings.WAIT_STRATEGY, wait);
            spark.conf().set(ContinuousSettings.THREADS_PER_PARTITION, threads);
            MemoryStream<Long> s = new MemoryStream<>(100, spark, Encoders.LONG(), 2);
            String table = "cont_" + wait.replace('-', '_') + "_" + threads;
            StreamingQuery q = s.toDS().select(col("value").multiply(2).as("v")).where(col("v").geq(0))
                    .as(Encoders.LONG()).map((MapFunction<Long, Long>) v -> v + 1, Encoders.LONG())
                    .writeStream().format("memory").queryName(table).trigger(Trigger.Continuous(50))
                    .option("checkpointLocation", dir.resolve(table).toString()).start();
            for (long i = 0; i < 1000; i++) {
                s.addData(i, -1 - i);
            }
            await(() -> spark.table(table).count() == 1000, "1000 rows via " + wait);
            Set<Long> got = new TreeSet<>(values(table));
            assertEquals(1000, got.size(), wait);
            assertTrue(got.contains(1L) && got.contains(1999L), wait);
            q.stop();
            assertTrue(q.exception().isEmpty(), wait);
            assertTrue(Files.exists(dir.resolve(table).resolve("commits/0")), "epochs are committed to the checkpoint");
            assertNotNull(q.lastProgress(), wait);
            assertTrue(q.lastProgress().sources()[0].metrics().containsKey("partition1.rows"), q.lastProgress().json());
            long rowsSeen = 0;
            boolean hopsReported = false;
            boolean latencyReported = false;
            for (var p : q.recentProgress()) {
                rowsSeen += p.numInputRows();
                hopsReported |= p.sources()[0].metrics().containsKey("partition0.ringHopNanos.p99")
                        || p.sources()[0].metrics().containsKey("partition1.ringHopNanos.p99");
                latencyReported |= (p.sources()[0].metrics().containsKey("partition0.latencyMicros.p99.9")
                        || p.sources()[0].metrics().containsKey("partition1.latencyMicros.p99.9"))
                        && p.sources()[0].metrics().containsKey("latencyMicros.p99.9"); // and the query's, all partitions
            }
            assertTrue(hopsReported, "an epoch with rows reports its ring hop latency (" + wait + ")");
            assertTrue(latencyReported, "and its end-to-end latency (" + wait + ")");
            assertEquals(2000, rowsSeen, "every input row is counted once in some epoch's progress (" + wait + ")");
        }
    }

    /** Higher-order functions run on the continuous path (generated chains); a generator is refused there, as Spark does. */
    @Test
    void lambdasRunContinuouslyAndGeneratorsAreRefused(@TempDir Path dir) throws Exception {
        MemoryStream<Long> s = new MemoryStream<>(103, spark, Encoders.LONG(), 2);
        StreamingQuery q = s.toDS()
                .selectExpr("value AS v", "aggregate(transform(sequence(1, 3), x -> x * value), 0L, (acc, x) -> acc + x) AS t",
                        "exists(array(value, value * 10), x -> x > 100) AS big")
                .writeStream().format("memory").queryName("cont_hof").trigger(Trigger.Continuous(20))
                .option("checkpointLocation", dir.resolve("hof").toString()).start();
        s.addData(1L, 20L);
        await(() -> spark.table("cont_hof").count() == 2, "2 rows");
        q.stop();
        assertTrue(q.exception().isEmpty());
        Set<String> rows = new TreeSet<>();
        for (Row r : spark.table("cont_hof").collectAsList()) {
            rows.add(r.toString());
        }
        assertEquals(Set.of("[1,6,false]", "[20,120,true]"), rows);
        Exception refused = assertThrows(Exception.class, () -> s.toDS()
                .selectExpr("posexplode(array(value, value)) AS (p, v)")
                .writeStream().format("memory").queryName("cont_gen").trigger(Trigger.Continuous(20))
                .option("checkpointLocation", dir.resolve("gen").toString()).start());
        assertTrue(refused.getMessage().contains("Continuous processing does not support Generate operations"),
                refused.getMessage());
    }

    @Test
    void restartResumesAfterTheLastCommittedEpoch(@TempDir Path dir) throws Exception {
        MemoryStream<Long> s = new MemoryStream<>(101, spark, Encoders.LONG(), 2);
        String chk = dir.toString();
        Collector.ROWS.clear();
        StreamingQuery q = start(s, chk);
        s.addData(1L, 2L, 3L);
        await(() -> Collector.ROWS.size() == 3, "first rows");
        q.stop();
        s.addData(4L, 5L);
        StreamingQuery again = start(s, chk);
        await(() -> Collector.ROWS.size() >= 5, "rows after restart");
        again.stop();
        List<Long> seen = new ArrayList<>(Collector.ROWS);
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), new TreeSet<>(seen));
        assertEquals(5, seen.size(), "a clean stop commits its last epoch: nothing is replayed " + seen);
        assertEquals(q.id(), again.id());
    }

    private StreamingQuery start(MemoryStream<Long> s, String chk) throws Exception {
        return s.toDS().writeStream().foreach(new Collector()).trigger(Trigger.Continuous(20))
                .option("checkpointLocation", chk).start();
    }

    /** Collects every row it processes; static because the sink runs serialized copies. */
    public static final class Collector extends io.tideway.sql.ForeachWriter<Long> {
        static final java.util.concurrent.ConcurrentLinkedQueue<Long> ROWS = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Long value) {
            ROWS.add(value);
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }

    @Test
    void aFailingTaskStopsTheQueryNamingPartitionAndEpoch(@TempDir Path dir) throws Exception {
        MemoryStream<Long> s = new MemoryStream<>(102, spark, Encoders.LONG(), 1);
        StreamingQuery q = s.toDS().map((MapFunction<Long, Long>) v -> {
            if (v == 7L) {
                throw new IllegalArgumentException("bad value 7");
            }
            return v;
        }, Encoders.LONG()).writeStream().format("memory").queryName("failing").trigger(Trigger.Continuous(20))
                .option("checkpointLocation", dir.toString()).start();
        s.addData(1L, 7L);
        StreamingQueryException e = assertThrows(StreamingQueryException.class, () -> q.awaitTermination(20_000));
        assertTrue(e.getMessage().contains("partition 0, epoch"), e.getMessage());
        assertTrue(e.getMessage().contains("bad value 7"), e.getMessage());
    }

    @Test
    void rowsThatDoNotFitASlotSpillIntoTheNextAndOversizedRowsNameTheSetting(@TempDir Path dir) throws Exception {
        spark.conf().set(ContinuousSettings.SLOT_BYTES, "96");
        try {
            MemoryStream<String> s = new MemoryStream<>(105, spark, Encoders.STRING(), 1);
            StreamingQuery q = s.toDF().writeStream().format("memory").queryName("spill").trigger(Trigger.Continuous(20))
                    .option("checkpointLocation", dir.resolve("a").toString()).start();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                sent.add("row-" + i + "-" + "x".repeat(i % 40));
            }
            s.addData(sent);
            await(() -> spark.table("spill").count() == 300, "300 rows through 96-byte slots");
            q.stop();
            List<String> got = new ArrayList<>();
            spark.table("spill").collectAsList().forEach(r -> got.add(r.getString(0)));
            assertEquals(sent, got, "every row once, in order");

            MemoryStream<String> big = new MemoryStream<>(106, spark, Encoders.STRING(), 1);
            StreamingQuery q2 = big.toDF().writeStream().format("memory").queryName("toobig").trigger(Trigger.Continuous(20))
                    .option("checkpointLocation", dir.resolve("b").toString()).start();
            big.addData("y".repeat(500));
            StreamingQueryException e = assertThrows(StreamingQueryException.class, () -> q2.awaitTermination(20_000));
            assertTrue(e.getMessage().contains(ContinuousSettings.SLOT_BYTES), e.getMessage());
        } finally {
            spark.conf().unset(ContinuousSettings.SLOT_BYTES);
        }
    }

    /** Fails the first time it sees 7, as a transient fault would. */
    static final java.util.concurrent.atomic.AtomicBoolean FAILED_ONCE = new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    void withTaskRestartsATransientFailureRestartsFromTheLastCommittedEpoch(@TempDir Path dir) throws Exception {
        spark.conf().set(ContinuousSettings.MAX_TASK_RESTARTS, "1");
        FAILED_ONCE.set(false);
        Collector.ROWS.clear();
        try {
            MemoryStream<Long> s = new MemoryStream<>(104, spark, Encoders.LONG(), 1);
            StreamingQuery q = s.toDS().map((MapFunction<Long, Long>) v -> {
                if (v == 7L && FAILED_ONCE.compareAndSet(false, true)) {
                    throw new IllegalStateException("transient");
                }
                return v;
            }, Encoders.LONG()).writeStream().foreach(new Collector()).trigger(Trigger.Continuous(20))
                    .option("checkpointLocation", dir.toString()).start();
            s.addData(1L, 2L, 3L);
            await(() -> Collector.ROWS.size() >= 3, "rows before the fault");
            s.addData(7L, 8L);
            await(() -> Collector.ROWS.contains(8L), "rows after the restart");
            assertTrue(q.isActive(), "the query survived one task failure");
            assertTrue(q.exception().isEmpty());
            q.stop();
            assertEquals(Set.of(1L, 2L, 3L, 7L, 8L), new TreeSet<>(Collector.ROWS));
        } finally {
            spark.conf().unset(ContinuousSettings.MAX_TASK_RESTARTS);
        }
    }

    @Test
    void unsupportedOperationsFailAtStartWithSparksWords(@TempDir Path dir) {
        MemoryStream<Long> s = new MemoryStream<>(103, spark, Encoders.LONG(), 1);
        Dataset<Row> df = s.toDF();
        // a file source is a V1 StreamingRelation in Spark, refused by its node name
        AnalysisException files = assertThrows(AnalysisException.class, () -> spark.readStream()
                .format("text")
                .load(dir.toString()).writeStream().format("console").trigger(Trigger.Continuous(100)).start());
        assertTrue(files.getMessage().startsWith("Continuous processing does not support StreamingRelation operations."),
                files.getMessage());
        // a V2 source that cannot read continuously
        SparkUnsupportedOperationException microBatchOnly = assertThrows(SparkUnsupportedOperationException.class,
                () -> spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 1).load()
                        .writeStream().format("console").trigger(Trigger.Continuous(100)).start());
        assertEquals("Data source rate-micro-batch does not support continuous processing.", microBatchOnly.getMessage());
        assertEquals("_LEGACY_ERROR_TEMP_2253", microBatchOnly.getCondition());
        AnalysisException fileSink = assertThrows(AnalysisException.class, () -> df.writeStream().format("json")
                .option("checkpointLocation", dir.resolve("c").toString()).trigger(Trigger.Continuous(100)).start(dir.resolve("out").toString()));
        assertEquals("Data source json does not support continuous writing", fileSink.getMessage());
        AnalysisException agg = assertThrows(AnalysisException.class, () -> df.groupBy("value").count().writeStream()
                .outputMode("complete").format("console").trigger(Trigger.Continuous(100)).start());
        assertTrue(agg.getMessage().startsWith("Continuous processing does not support Aggregate operations."), agg.getMessage());
        AnalysisException now = assertThrows(AnalysisException.class, () -> df.select(current_timestamp()).writeStream()
                .format("console").trigger(Trigger.Continuous(100)).start());
        assertTrue(now.getMessage().startsWith("Continuous processing does not support current time operations."));
        AnalysisException union = assertThrows(AnalysisException.class, () -> df.union(df).writeStream()
                .format("console").trigger(Trigger.Continuous(100)).start());
        assertTrue(union.getMessage().startsWith("Continuous processing does not support Union operations."));
        // a bad setting fails where it is set, naming key and value (and again at start(): SettingValidationTest)
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set(ContinuousSettings.WAIT_STRATEGY, "sometimes"));
        assertTrue(bad.getMessage().startsWith("'sometimes' in tideway.continuous.waitStrategy is invalid."), bad.getMessage());
        IllegalArgumentException ring = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set(ContinuousSettings.RING_SIZE, "1000"));
        assertTrue(ring.getMessage().startsWith("'1000' in tideway.continuous.ringSize is invalid."), ring.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set(ContinuousSettings.SPIN_WINDOW_MICROS, "soon"));
        assertTrue(window.getMessage().contains("tideway.continuous.spinWindowMicros"), window.getMessage());
    }
}
