package io.tideway.microbatch;

import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The query manager, {@code exception()} as Spark's {@code scala.Option}, the noop sink and the
 * processing-time triggers; expected values are what Spark 4.0.4 printed for the same program.
 */
class QueryManagerTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("test").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void noopSinkRunsEveryModeAndTheManagerTracksTermination() throws Exception {
        MemoryStream<Integer> values = MemoryStream.create(Encoders.INT(), spark);
        StreamingQuery q = values.toDF().writeStream().format("noop").queryName("nq").start();
        values.addData(1, 2, 3);
        q.processAllAvailable();
        assertEquals("None", q.exception().toString());
        assertFalse(q.exception().isDefined());
        assertTrue(q.lastProgress().sink().description().startsWith("io.tideway.sql.execution.datasources.noop.NoopTable$@"));
        assertEquals(3, q.lastProgress().numInputRows());
        assertEquals(1, spark.streams().active().length);
        assertSame(q, spark.streams().get(q.id()));
        assertSame(q, spark.streams().get(q.id().toString()));
        assertFalse(spark.streams().awaitAnyTermination(100));
        assertFalse(spark.streams().awaitAnyTermination(-1), "a timeout of zero or less only checks, as Spark's");
        q.stop();
        assertTrue(spark.streams().awaitAnyTermination(100));
        spark.streams().awaitAnyTermination(); // returns at once: a query terminated since the last reset
        assertNull(spark.streams().get(q.id()));
        spark.streams().resetTerminated();
        assertFalse(spark.streams().awaitAnyTermination(100));

        StreamingQuery complete = values.toDF().groupBy("value").count().writeStream().outputMode("complete").format("noop").start();
        complete.processAllAvailable();
        complete.stop();
        StreamingQuery update = values.toDF().writeStream().outputMode("update").format("noop").start();
        update.processAllAvailable();
        update.stop();
        assertTrue(complete.exception().isEmpty() && update.exception().isEmpty());
    }

    @Test
    void aFailedQuerysExceptionIsAnOptionAndAwaitAnyThrowsUntilReset() throws Exception {
        List<String> terminated = new CopyOnWriteArrayList<>();
        StreamingQueryListener listener = new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent event) {
            }

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
                terminated.add(event.exception().isDefined() + " " + event.exception().getOrElse(() -> "none").isEmpty());
            }
        };
        spark.streams().addListener(listener);
        MemoryStream<Integer> values = MemoryStream.create(Encoders.INT(), spark);
        StreamingQuery q = values.toDS().map((MapFunction<Integer, Integer>) v -> {
            throw new IllegalStateException("boom " + v);
        }, Encoders.INT()).writeStream().format("noop").start();
        values.addData(5);
        assertThrows(StreamingQueryException.class, q::awaitTermination);
        assertTrue(q.exception().isDefined());
        assertSame(q.exception().get(), q.exception().getOrElse(() -> null));
        assertTrue(q.exception().toString().startsWith("Some(io.tideway.sql.streaming.StreamingQueryException"),
                q.exception().toString());
        assertThrows(StreamingQueryException.class, () -> spark.streams().awaitAnyTermination());
        assertThrows(StreamingQueryException.class, () -> spark.streams().awaitAnyTermination(10));
        spark.streams().resetTerminated();
        assertFalse(spark.streams().awaitAnyTermination(10));
        // the listener bus delivers events on its own thread: wait for the event, under a timeout
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!terminated.contains("true false") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        spark.streams().removeListener(listener);
        assertTrue(terminated.contains("true false"), terminated.toString());
    }

    @Test
    void everyProcessingTimeOverloadMakesTheSameTrigger() {
        assertEquals("ProcessingTimeTrigger(1000)", Trigger.ProcessingTime(1000).toString());
        assertEquals("ProcessingTimeTrigger(2000)", Trigger.ProcessingTime(2, TimeUnit.SECONDS).toString());
        assertEquals("ProcessingTimeTrigger(3000)", Trigger.ProcessingTime("3 seconds").toString());
    }
}
