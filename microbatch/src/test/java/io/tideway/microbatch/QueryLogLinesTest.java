package io.tideway.microbatch;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import io.tideway.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The log lines a real micro-batch query writes, as Spark 4.0.4 writes them (their words and
 * levels), captured from the SLF4J backend the tests bind (slf4j-jdk14): the checkpoint decision,
 * the start with id and runId, the batch's offsets, progress as JSON, the stop, and a failed
 * query's ERROR with its exception.
 */
class QueryLogLinesTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private LogCapture log;
    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        assertEquals("org.slf4j.jul.JDK14LoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName(),
                "the tests' SLF4J backend");
        log = LogCapture.start("io.tideway", Level.INFO);
    }

    @AfterEach
    void release() {
        log.close();
        spark.stop();
        spark.streams().resetTerminated();
    }

    private String line(Level level, String prefix) {
        return log.lines(level, prefix).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + level + " line starting '" + prefix + "' in " + log.lines(level)));
    }

    private StreamingQuery textToMemory(Path in, Path checkpoint) throws Exception {
        return spark.readStream().text(in.toString()).writeStream().format("json").queryName("lines")
                .option("path", dir.resolve("out").toString()).option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.AvailableNow()).start();
    }

    @Test
    void aQueryLogsItsStartBatchProgressAndStopAsSpark() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("1.txt"), List.of("a", "b"));
        Path checkpoint = dir.resolve("cp");
        StreamingQuery q = textToMemory(in, checkpoint);
        q.awaitTermination();
        q.stop();

        String pretty = "[id = " + q.id() + ", runId = " + q.runId() + "]";
        String qualified = "file:" + checkpoint.toAbsolutePath();
        assertEquals("Checkpoint root " + checkpoint + " resolved to " + qualified + ".", line(Level.INFO, "Checkpoint root"));
        assertEquals("Starting lines " + pretty + ". Use " + qualified + " to store the query checkpoint.",
                line(Level.INFO, "Starting lines"));
        assertTrue(log.lines(Level.INFO).contains("Starting new streaming query."), log.lines(Level.INFO).toString());
        assertEquals("Stream started from {}", line(Level.INFO, "Stream started from"));
        String committed = line(Level.INFO, "Committed offsets for batch 0. Metadata OffsetSeqMetadata(0,");
        assertTrue(committed.matches(".*,Map\\(spark.sql.shuffle.partitions -> \\d+, spark.sql.streaming.multipleWatermarkPolicy -> min\\)\\)"),
                committed);
        String progress = line(Level.INFO, "Streaming query made progress: ");
        assertEquals(q.recentProgress()[0].prettyJson(), progress.substring("Streaming query made progress: ".length()));
        assertTrue(progress.contains("\"numInputRows\" : 2"), progress);
        assertTrue(log.lines(Level.INFO).contains("Finished processing all available data for the trigger, terminating this"
                + " Trigger.AvailableNow query"), log.lines(Level.INFO).toString());
        assertEquals("Query lines " + pretty + " was stopped", line(Level.INFO, "Query lines"));
        assertEquals(List.of(), log.lines(Level.SEVERE));

        // a restart resumes after the committed batch
        Files.write(in.resolve("2.txt"), List.of("c"));
        log.clear();
        StreamingQuery again = textToMemory(in, checkpoint);
        again.awaitTermination();
        again.stop();
        String resumed = line(Level.INFO, "Resuming at batch ");
        assertTrue(resumed.startsWith("Resuming at batch 1 with committed offsets {"), resumed);
        assertTrue(line(Level.INFO, "Stream started from ").contains("\"logOffset\":0"), log.lines(Level.INFO).toString());
        line(Level.INFO, "Committed offsets for batch 1. ");
    }

    @Test
    void aFailedQueryLogsSparksErrorWithItsException() throws Exception {
        Path in = Files.createDirectories(dir.resolve("csv"));
        Files.write(in.resolve("1.csv"), List.of("a,1", "b,two"));
        StreamingQuery q = spark.readStream().option("mode", "FAILFAST").schema("k STRING, n INT").csv(in.toString())
                .writeStream().format("memory").queryName("failing").option("checkpointLocation", dir.resolve("cp").toString())
                .trigger(Trigger.AvailableNow()).start();
        StreamingQueryException e = assertThrows(StreamingQueryException.class, q::awaitTermination);

        List<LogRecord> errors = log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("Query failing [id = " + q.id() + ", runId = " + q.runId() + "] terminated with error",
                errors.get(0).getMessage());
        assertSame(e.getCause(), errors.get(0).getThrown(), "the error logged is the query's cause");
        assertEquals("io.tideway.engine.query.StreamExecution", errors.get(0).getLoggerName());
    }

    @Test
    void aTemporaryCheckpointIsWarnedAboutAndDeletedWithALine() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("1.txt"), List.of("a"));
        StreamingQuery q = spark.readStream().text(in.toString()).writeStream().format("memory").queryName("temp")
                .trigger(Trigger.AvailableNow()).start();
        q.awaitTermination();

        String warning = line(Level.WARNING, "Temporary checkpoint location created");
        String temp = warning.substring(warning.indexOf("didn't fail: ") + "didn't fail: ".length(), warning.indexOf(". If it's"));
        assertEquals("Temporary checkpoint location created which is deleted normally when the query didn't fail: " + temp
                + ". If it's required to delete it under any circumstances, please set"
                + " spark.sql.streaming.forceDeleteTempCheckpointLocation to true. Important to know deleting temp"
                + " checkpoint folder is best effort.", warning);
        assertTrue(Path.of(temp).getFileName().toString().startsWith("temporary-"), temp);
        assertEquals("Deleting checkpoint file:" + temp + ".", line(Level.INFO, "Deleting checkpoint"));
        assertFalse(Files.exists(Path.of(temp)));
    }
}
