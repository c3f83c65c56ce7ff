package io.tideway.continuous;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.OffsetSeq;
import io.tideway.checkpoint.OffsetSeqMetadata;
import io.tideway.sql.Encoders;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 4 item 6: one checkpoint, two modes. A query stopped in one mode restarts in the other
 * from the same {@code checkpointLocation} and no row is lost; continuous to micro-batch may read
 * some rows again (at-least-once). Also the files a crash leaves between writing
 * {@code offsets/E} and {@code commits/E}, read by the other mode.
 */
class CrossModeRestartTest {
    private static final long TIMEOUT_SECONDS = 30;

    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final List<StreamingQuery> started = new ArrayList<>();

    @BeforeEach
    void clear() {
        Collector.ROWS.clear();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (StreamingQuery q : started) {
            q.stop();
        }
        spark.stop();
    }

    @Test
    void memoryStreamMicroBatchToContinuousToMicroBatch(@TempDir Path dir) throws Exception {
        MemoryStream<Long> input = new MemoryStream<>(400, spark, Encoders.LONG(), 2);
        String chk = dir.toString();

        StreamingQuery first = microBatch(input, chk);
        input.addData(range(0, 10));
        await(() -> seen().containsAll(range(0, 10)), "micro-batch rows 0..9");
        stop(first);
        assertEquals("10", latestOffsets(dir), "micro-batch writes a row count");

        input.addData(range(10, 25));
        StreamingQuery second = continuous(input, chk);
        await(() -> seen().containsAll(range(0, 25)), "continuous rows 10..24 after the micro-batch run");
        stop(second);
        String continuousLine = latestOffsets(dir);
        assertTrue(continuousLine.startsWith("{\"0\":"), "continuous writes per-partition counts: " + continuousLine);

        input.addData(range(25, 40));
        StreamingQuery third = microBatch(input, chk);
        await(() -> seen().containsAll(range(0, 40)), "micro-batch rows 25..39 after the continuous run");
        stop(third);

        assertEquals(new TreeSet<>(range(0, 40)), seen(), "every row, nothing invented");
        assertEquals(first.id(), second.id());
        assertEquals(first.id(), third.id());
        assertNoFailure(first, second, third);
    }

    @Test
    void rateContinuousToMicroBatchToContinuousHasNoGap(@TempDir Path dir) throws Exception {
        String chk = dir.toString();

        StreamingQuery first = rate(chk, true);
        await(() -> max() >= 40, "continuous rate values up to 40");
        stop(first);
        long afterContinuous = max();
        assertTrue(latestOffsets(dir).contains("\"runTimeMs\""), latestOffsets(dir));

        StreamingQuery second = rate(chk, false);
        await(() -> max() >= afterContinuous + 60, "micro-batch rate values past " + afterContinuous);
        stop(second);
        long afterMicroBatch = max();
        assertTrue(latestOffsets(dir).matches("\\d+"), "micro-batch writes whole seconds: " + latestOffsets(dir));

        StreamingQuery third = rate(chk, true);
        await(() -> max() >= afterMicroBatch + 30, "continuous rate values past " + afterMicroBatch);
        stop(third);

        assertNoGap();
        assertNoFailure(first, second, third);
    }

    /**
     * A crash between {@code offsets/E} and {@code commits/E}: micro-batch re-runs batch E from
     * the continuous offsets (converted, at-least-once) and continuous drops a micro-batch's
     * uncommitted {@code offsets/N} and resumes after the last committed one.
     */
    @Test
    void eachModeRecoversTheOthersUncommittedOffsets(@TempDir Path dir) throws Exception {
        MemoryStream<Long> input = new MemoryStream<>(401, spark, Encoders.LONG(), 2);
        String chk = dir.toString();
        CheckpointDir checkpoint = CheckpointDir.open(dir);

        StreamingQuery first = continuous(input, chk);
        input.addData(range(0, 10));
        await(() -> seen().containsAll(range(0, 10)), "continuous rows 0..9");
        stop(first);
        long epoch = checkpoint.commits().getLatest().orElseThrow().batchId();
        assertEquals("{\"0\":5,\"1\":5}", checkpoint.offsets().get(epoch).orElseThrow().offsets().get(0));

        // the continuous run had read rows 10, 12, 14 and 11 of the next epoch and logged them, then died
        input.addData(range(10, 20));
        String uncommitted = "{\"0\":8,\"1\":6}";
        checkpoint.offsets().add(epoch + 1, new OffsetSeq(new OffsetSeqMetadata(0, System.currentTimeMillis(),
                pinnedConf()), List.of(uncommitted)));
        Collector.ROWS.clear();
        StreamingQuery second = microBatch(input, chk);
        await(() -> seen().containsAll(range(10, 20)), "micro-batch re-runs the uncommitted epoch and goes on");
        stop(second);
        assertEquals(Set.copyOf(range(10, 20)), seen(), "rows before the last committed epoch are not read again");
        assertTrue(Files.exists(dir.resolve("commits").resolve(Long.toString(epoch + 1))), "the re-run batch commits");
        assertEquals(uncommitted, checkpoint.offsets().get(epoch + 1).orElseThrow().offsets().get(0),
                "the re-run keeps the logged end offsets");

        // now a micro-batch run logged batch N's offsets (rows up to 25) and died before committing it
        long batch = checkpoint.commits().getLatest().orElseThrow().batchId();
        input.addData(range(20, 30));
        checkpoint.offsets().add(batch + 1, new OffsetSeq(new OffsetSeqMetadata(0, System.currentTimeMillis(),
                pinnedConf()), List.of("25")));
        Collector.ROWS.clear();
        StreamingQuery third = continuous(input, chk);
        await(() -> seen().containsAll(range(20, 30)), "continuous resumes after the last committed batch");
        stop(third);
        assertEquals(Set.copyOf(range(20, 30)), seen());
        assertFalse(checkpoint.offsets().get(batch + 1).map(o -> o.offsets().get(0)).orElse("").equals("25"),
                "continuous dropped the uncommitted micro-batch offsets");
        assertNoFailure(first, second, third);
    }

    private Map<String, String> pinnedConf() {
        return Map.of("spark.sql.shuffle.partitions", spark.conf().get("spark.sql.shuffle.partitions"));
    }

    private StreamingQuery microBatch(MemoryStream<Long> input, String chk) throws Exception {
        return track(input.toDS().writeStream().foreach(new Collector()).option("checkpointLocation", chk).start());
    }

    private StreamingQuery continuous(MemoryStream<Long> input, String chk) throws Exception {
        return track(input.toDS().writeStream().foreach(new Collector()).trigger(Trigger.Continuous(50))
                .option("checkpointLocation", chk).start());
    }

    private StreamingQuery rate(String chk, boolean continuous) throws Exception {
        var writer = spark.readStream().format("rate").option("rowsPerSecond", "50").option("numPartitions", "2").load()
                .select(col("value")).as(Encoders.LONG()).writeStream().foreach(new Collector())
                .option("checkpointLocation", chk);
        if (continuous) {
            writer = writer.trigger(Trigger.Continuous(50));
        }
        return track(writer.start());
    }

    private StreamingQuery track(StreamingQuery q) {
        started.add(q);
        return q;
    }

    private static void stop(StreamingQuery q) throws Exception {
        q.stop();
        assertTrue(q.exception().isEmpty(), () -> "query failed: " + q.exception().get());
    }

    private static void assertNoFailure(StreamingQuery... queries) {
        for (StreamingQuery q : queries) {
            assertFalse(q.isActive());
            assertTrue(q.exception().isEmpty(), () -> "query failed: " + q.exception().get());
        }
    }

    /** The source's line of the newest {@code offsets/N}. */
    private static String latestOffsets(Path dir) {
        return CheckpointDir.open(dir).offsets().getLatest().orElseThrow().value().offsets().get(0);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private static Set<Long> seen() {
        return new TreeSet<>(Collector.ROWS);
    }

    private static long max() {
        return Collector.ROWS.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    private static void assertNoGap() {
        TreeSet<Long> values = new TreeSet<>(Collector.ROWS);
        List<Long> missing = new ArrayList<>();
        for (long v = 0; v <= values.last(); v++) {
            if (!values.contains(v)) {
                missing.add(v);
            }
        }
        assertTrue(missing.isEmpty(), "values missing below " + values.last() + ": " + missing);
    }

    /** Polls {@code condition} with a 1 ms park until it holds or the timeout passes. */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + TIMEOUT_SECONDS + " s waiting for " + what + "; seen " + Collector.ROWS.size()
                        + " rows, max " + max());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Collects every value; static because the foreach sink runs serialized copies of the writer. */
    public static final class Collector extends ForeachWriter<Long> {
        static final ConcurrentLinkedQueue<Long> ROWS = new ConcurrentLinkedQueue<>();

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
}
