package io.tideway.microbatch;

import io.tideway.SparkException;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How a foreachBatch query fails, as in Spark 4.0: the function still runs for a batch whose read
 * fails (Spark's batch is lazy) and meets the error in its action; its own errors are wrapped in
 * {@code FOREACH_BATCH_USER_FUNCTION_ERROR}; a restart on an active run's checkpoint stops that run.
 */
class ForeachBatchFailureTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        spark.stop();
        spark.streams().resetTerminated();
    }

    private StreamingQuery failFastCsv(VoidFunction2<Dataset<Row>, Long> f) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("1.csv"), List.of("a,1", "b,two"));
        return spark.readStream().option("mode", "FAILFAST").schema("k STRING, n INT").csv(in.toString())
                .writeStream().foreachBatch(f).trigger(Trigger.AvailableNow()).start();
    }

    @Test
    void aFailFastReadFailsInsideTheFunctionsActionWithSparksChain() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        StreamingQuery q = failFastCsv((df, id) -> {
            events.add("called " + id);
            try {
                df.collectAsList();
            } catch (Exception e) {
                events.add("action failed: " + ((SparkException) e).getCondition());
                throw e;
            }
        });
        StreamingQueryException e = assertThrows(StreamingQueryException.class, q::awaitTermination);
        assertEquals(List.of("called 0", "action failed: FAILED_READ_FILE.NO_HINT"), events);
        String file = dir.resolve("in/1.csv").toUri().toString();
        assertEquals("[STREAM_FAILED] Query [id = " + q.id() + ", runId = " + q.runId() + "] terminated with exception: "
                + "[FAILED_READ_FILE.NO_HINT] Encountered error while reading file " + file + ".  SQLSTATE: KD001 SQLSTATE: XXKST",
                e.message());
        SparkException read = (SparkException) e.getCause();
        assertEquals("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", ((SparkException) read.getCause()).getCondition());
        assertTrue(read.getCause().getMessage().startsWith("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records "
                + "are detected in record parsing: [b,null]."), read.getCause().getMessage());
        assertEquals(NumberFormatException.class, read.getCause().getCause().getClass());
    }

    @Test
    void aFunctionThatIgnoresAFailedBatchStillFailsTheQuery() throws Exception {
        StreamingQuery q = failFastCsv((df, id) -> { });
        StreamingQueryException e = assertThrows(StreamingQueryException.class, q::awaitTermination);
        assertEquals("FAILED_READ_FILE.NO_HINT", ((SparkException) e.getCause()).getCondition(),
                "Tideway read the batch already: an incomplete batch must not commit");
    }

    @Test
    void theFunctionsOwnErrorIsWrappedInTheMessageAndUnwrappedAsTheCause() throws Exception {
        Path in = Files.createDirectories(dir.resolve("text"));
        Files.write(in.resolve("1.txt"), List.of("a"));
        StreamingQuery q = spark.readStream().text(in.toString()).writeStream()
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (df, id) -> {
                    throw new IllegalStateException("boom " + id);
                })
                .trigger(Trigger.AvailableNow()).start();
        StreamingQueryException e = assertThrows(StreamingQueryException.class, q::awaitTermination);
        String wrapped = "[FOREACH_BATCH_USER_FUNCTION_ERROR] An error occurred in the user provided function in foreach batch "
                + "sink. Reason: boom 0 SQLSTATE: 39000";
        assertEquals("[STREAM_FAILED] Query [id = " + q.id() + ", runId = " + q.runId() + "] terminated with exception: "
                + wrapped + " SQLSTATE: XXKST", e.message());
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertEquals("Terminated with exception: " + wrapped, q.status().message());
    }

    @Test
    void restartingAnActiveRunsCheckpointStopsThatRunUnlessConfiguredNotTo() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("1.txt"), List.of("a"));
        String cp = dir.resolve("cp").toString();
        VoidFunction2<Dataset<Row>, Long> none = (df, id) -> { };
        StreamingQuery first = spark.readStream().text(in.toString()).writeStream().foreachBatch(none)
                .option("checkpointLocation", cp).start();
        first.processAllAvailable();
        StreamingQuery second = spark.readStream().text(in.toString()).writeStream().foreachBatch(none)
                .option("checkpointLocation", cp).start();
        assertEquals(first.id(), second.id());
        assertFalse(first.isActive(), "the earlier run was stopped");
        assertTrue(second.isActive());
        assertArrayEquals(new StreamingQuery[]{second}, spark.streams().active());

        spark.conf().set("spark.sql.streaming.stopActiveRunOnRestart", "false");
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> spark.readStream()
                    .text(in.toString()).writeStream().foreachBatch(none).option("checkpointLocation", cp).start());
            assertTrue(refused.getMessage().startsWith("Cannot start query with id " + second.id()
                    + " as another query with same id is already active."), refused.getMessage());
            assertTrue(second.isActive());
        } finally {
            spark.conf().unset("spark.sql.streaming.stopActiveRunOnRestart");
            second.stop();
        }
    }
}
