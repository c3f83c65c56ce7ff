package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A continuous query's log lines through the tests' SLF4J backend (slf4j-jdk14): Spark's start
 * and stop lines at INFO, each epoch's progress JSON at DEBUG only (at sub-second epochs INFO
 * would flood the log).
 */
class ContinuousLogLinesTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.start("io.tideway", Level.FINE);
    }

    @AfterEach
    void release() {
        log.close();
        spark.stop();
    }

    @Test
    void startAndStopAtInfoEpochProgressAtDebug(@TempDir Path dir) throws Exception {
        MemoryStream<Long> s = new MemoryStream<>(1, spark, Encoders.LONG(), 1);
        StreamingQuery q = s.toDS().select(col("value")).writeStream().format("memory").queryName("logged")
                .trigger(Trigger.Continuous(50)).option("checkpointLocation", dir.resolve("cp").toString()).start();
        s.addData(1L, 2L);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (q.recentProgress().length < 2) {
            if (System.nanoTime() > deadline || !q.isActive()) {
                fail("no epoch progress: " + q.exception());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        q.stop();

        String pretty = "[id = " + q.id() + ", runId = " + q.runId() + "]";
        assertEquals(List.of("Starting new streaming query."), log.lines(Level.INFO, "Starting new streaming query"));
        assertEquals(List.of("Query logged " + pretty + " was stopped"), log.lines(Level.INFO, "Query logged"));
        assertEquals(List.of(), log.lines(Level.INFO, "Streaming query made progress"));
        assertFalse(log.lines(Level.FINE, "Streaming query made progress: {").isEmpty(), "each epoch's progress at DEBUG");
        assertEquals(List.of(), log.lines(Level.SEVERE));
    }
}
