package io.tideway.connectors.chronicle;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

class ChronicleMicroBatchSourceTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @BeforeEach
    void reset() {
        LongCollector.reset();
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    private StreamingQuery start(String option, String value, Path chk, String... extra) throws Exception {
        var reader = spark.readStream().format("chronicle").option(option, value);
        for (int i = 0; i < extra.length; i += 2) {
            reader = reader.option(extra[i], extra[i + 1]);
        }
        return reader.load().writeStream().foreach(new LongCollector()).option("checkpointLocation", chk.toString()).start();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void readsEveryExcerptAndResumesAfterTheLastCommittedIndex(@TempDir Path dir) throws Exception {
        Path qdir = dir.resolve("q");
        try (ChronicleQueue q = TestQueues.open(qdir)) {
            List<Long> indices = TestQueues.appendLongs(q, 0, 100);
            StreamingQuery query = start("path", qdir.toString(), dir.resolve("chk"));
            query.processAllAvailable();
            assertEquals(range(0, 100), LongCollector.VALUES);
            assertEquals(indices, LongCollector.INDICES, "the index column is the excerpt's queue index");
            query.stop();
            String offsets = Files.readString(dir.resolve("chk/offsets/0"));
            assertTrue(offsets.contains("{\"index\":" + indices.get(99) + "}"), "the last processed index, not last+1: " + offsets);

            TestQueues.appendLongs(q, 100, 150);
            StreamingQuery again = start("path", qdir.toString(), dir.resolve("chk"));
            again.processAllAvailable();
            again.stop();
            assertEquals(range(0, 150), LongCollector.VALUES, "resumes exactly after the last committed index");
        }
    }

    @Test
    void resumesAcrossRollCyclesWithNoGapOrRepeat(@TempDir Path dir) throws Exception {
        SetTimeProvider time = new SetTimeProvider(System.currentTimeMillis() * 1_000_000L);
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q"), TestRollCycles.TEST_SECONDLY, time)) {
            ChronicleQueues.register("cycles", q);
            List<Long> cycleA = TestQueues.appendLongs(q, 0, 10);
            StreamingQuery query = start("queue", "cycles", dir.resolve("chk"), "maxRecordsPerTrigger", "4");
            query.processAllAvailable();
            query.stop();
            assertEquals(range(0, 10), LongCollector.VALUES);
            assertEquals(3, query.recentProgress().length, "maxRecordsPerTrigger 4 over 10 excerpts: 3 batches");

            time.advanceMillis(1000);
            List<Long> cycleB = TestQueues.appendLongs(q, 10, 20);
            time.advanceMillis(1000);
            TestQueues.appendLongs(q, 20, 30);
            int cA = q.rollCycle().toCycle(cycleA.get(9));
            int cB = q.rollCycle().toCycle(cycleB.get(0));
            assertNotEquals(cA, cB, "the test roll cycle rolled");
            assertEquals(0, q.rollCycle().toSequenceNumber(cycleB.get(0)), "the sequence restarts in a new cycle");

            // the checkpoint holds the last excerpt of the older cycle: moveToIndex(last)+skip, not last+1
            StreamingQuery again = start("queue", "cycles", dir.resolve("chk"), "maxRecordsPerTrigger", "7");
            again.processAllAvailable();
            again.stop();
            assertEquals(range(0, 30), LongCollector.VALUES, "no gap or repeat across cycles");

            // a new query starting at an index inside the oldest cycle
            LongCollector.reset();
            StreamingQuery fromIndex = start("queue", "cycles", dir.resolve("chk2"), "startingPosition", Long.toString(cycleA.get(5)));
            fromIndex.processAllAvailable();
            fromIndex.stop();
            assertEquals(range(5, 30), LongCollector.VALUES);
        } finally {
            ChronicleQueues.unregister("cycles");
        }
    }

    @Test
    void latestStartsAfterWhatIsThere(@TempDir Path dir) throws Exception {
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q"))) {
            TestQueues.appendLongs(q, 0, 5);
            StreamingQuery query = start("path", dir.resolve("q").toString(), dir.resolve("chk"), "startingPosition", "latest");
            query.processAllAvailable();
            TestQueues.appendLongs(q, 5, 8);
            TestQueues.await(() -> LongCollector.VALUES.size() >= 3, "new excerpts");
            query.processAllAvailable();
            query.stop();
            assertEquals(range(5, 8), LongCollector.VALUES);
        }
    }
}
