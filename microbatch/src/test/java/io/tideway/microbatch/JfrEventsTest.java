package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JFR recording shows each micro-batch and each checkpoint file it writes. */
class JfrEventsTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void microBatchesAndCheckpointWritesAreEvents(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable("io.tideway.MicroBatch");
            recording.enable("io.tideway.CheckpointWrite");
            recording.start();
            MemoryStream<Long> in = MemoryStream.create(Encoders.LONG(), spark);
            StreamingQuery q = in.toDS().writeStream().format("memory").queryName("jfr")
                    .option("checkpointLocation", dir.resolve("chk").toString()).start();
            in.addData(1L, 2L, 3L);
            q.processAllAvailable();
            q.stop();
            recording.stop();
            Path file = dir.resolve("events.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file);
        }
        List<RecordedEvent> batches = events.stream().filter(e -> e.getEventType().getName().equals("io.tideway.MicroBatch")).toList();
        assertEquals(1, batches.size(), "one batch ran");
        assertEquals(0L, batches.get(0).getLong("batchId"));
        assertEquals(3L, batches.get(0).getLong("inputRows"));
        assertTrue(batches.get(0).getString("query").startsWith("jfr [id = "));
        List<String> written = events.stream().filter(e -> e.getEventType().getName().equals("io.tideway.CheckpointWrite"))
                .map(e -> dir.resolve("chk").relativize(Path.of(e.getString("path"))).toString()).toList();
        assertTrue(written.containsAll(List.of("offsets/0", "commits/0")), written.toString());
    }
}
