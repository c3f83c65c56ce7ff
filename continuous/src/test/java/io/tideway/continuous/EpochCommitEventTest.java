package io.tideway.continuous;

import io.tideway.sql.Encoders;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A JFR recording shows each continuous epoch the coordinator commits, with its rows. */
class EpochCommitEventTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void eachCommittedEpochIsAnEvent(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable("io.tideway.EpochCommit");
            recording.start();
            MemoryStream<Long> in = new MemoryStream<>(1, spark, Encoders.LONG(), 1);
            StreamingQuery q = in.toDS().writeStream().format("memory").queryName("jfr_epochs")
                    .trigger(Trigger.Continuous(20)).option("checkpointLocation", dir.resolve("chk").toString()).start();
            in.addData(1L, 2L, 3L);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (spark.table("jfr_epochs").count() < 3) {
                if (System.nanoTime() > deadline || !q.isActive()) {
                    fail("rows did not arrive: " + q.exception());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            q.stop();
            recording.stop();
            Path file = dir.resolve("events.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file);
        }
        long rows = 0;
        long previous = -1;
        for (RecordedEvent e : events) {
            if (!e.getEventType().getName().equals("io.tideway.EpochCommit")) {
                continue; // Tideway's other events are on by default in a recording
            }
            assertTrue(e.getLong("epoch") > previous, "epochs commit in order");
            previous = e.getLong("epoch");
            rows += e.getLong("inputRows");
        }
        assertEquals(3, rows, "every row in some committed epoch");
    }
}
