package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A slot that reaches the sink more than 1 ms after its source time is a JFR stall event. */
class StallEventTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    /** A sink slow on one row (5 ms), as a slow downstream call would be. */
    public static final class SlowOnTwo extends ForeachWriter<Long> {
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Long value) {
            if (value == 2L) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            SEEN.incrementAndGet();
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void aLateSlotIsAStallEvent(@TempDir Path dir) throws Exception {
        SlowOnTwo.SEEN.set(0);
        List<RecordedEvent> stalls;
        try (Recording recording = new Recording()) {
            recording.enable("io.tideway.ContinuousStall");
            recording.start();
            MemoryStream<Long> in = new MemoryStream<>(1, spark, Encoders.LONG(), 1);
            StreamingQuery q = in.toDS().writeStream().foreach(new SlowOnTwo()).trigger(Trigger.Continuous(50))
                    .option("checkpointLocation", dir.resolve("chk").toString()).start();
            in.addData(1L, 2L, 3L);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (SlowOnTwo.SEEN.get() < 3) {
                if (System.nanoTime() > deadline || !q.isActive()) {
                    fail("rows did not arrive: " + q.exception());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            q.stop();
            recording.stop();
            Path file = dir.resolve("events.jfr");
            recording.dump(file);
            stalls = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("io.tideway.ContinuousStall")).toList();
        }
        assertFalse(stalls.isEmpty(), "the slot held up 5 ms by the sink is a stall");
        for (RecordedEvent e : stalls) {
            assertTrue(e.getDuration("latency").compareTo(Duration.ofMillis(1)) > 0, e.toString());
            assertTrue(e.getInt("partition") == 0 && e.getInt("rows") >= 1, e.toString());
        }
    }
}
