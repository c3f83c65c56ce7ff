package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.SinkContext;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

class ChronicleSinkTest {
    private static final StructType VALUE = new StructType().add("value", DataTypes.StringType);
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private static List<String> strings(List<byte[]> excerpts) {
        List<String> out = new ArrayList<>();
        excerpts.forEach(b -> out.add(new String(b, StandardCharsets.UTF_8)));
        return out;
    }

    private static List<String> plain(ChronicleQueue q) {
        List<byte[]> out = new ArrayList<>();
        try (ExcerptTailer t = q.createTailer()) {
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        return strings(out);
                    }
                    out.add(dc.wire().bytes().toByteArray());
                }
            }
        }
    }

    private static CommitMessage write(PartitionWriter w, String... values) {
        try (GrowableBuffer buf = new GrowableBuffer(64)) {
            RowWriter row = new RowWriter(1);
            for (String v : values) {
                row.wrap(buf.buffer(), 0, buf);
                row.putString(0, v);
                w.accept(buf.buffer(), 0, row.finish());
            }
        }
        return w.commit();
    }

    @Test
    void reRunBatchIsSkippedAndCutShortAttemptIsInvisibleToCommittedReaders(@TempDir Path dir) {
        Path qdir = dir.resolve("out");
        SinkContext ctx = new SinkContext(new Options(Map.of("path", qdir.toString())), VALUE, OutputMode.Append(), null, dir, null, false);
        ChronicleSinkProvider provider = new ChronicleSinkProvider();
        ChronicleStreamSink first = (ChronicleStreamSink) provider.create(ctx);
        first.commit(0, List.of(write(first.createWriter(0, 0), "a", "b"), write(first.createWriter(1, 0), "c")));
        first.stop();

        ChronicleStreamSink restarted = (ChronicleStreamSink) provider.create(ctx);
        assertEquals(0, restarted.lastCommittedBatchId(), "the last batch id is recorded in the queue itself");
        restarted.commit(0, List.of(write(restarted.createWriter(0, 0), "a", "b", "c")));
        restarted.stop();

        // a crash in the middle of batch 1's appends: its begin marker and one row, no end marker
        try (ChronicleQueue q = TestQueues.open(qdir); ExcerptAppender a = q.createAppender()) {
            BatchMarkers.write(a, BatchMarkers.BEGIN, 1);
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().bytes().write("d".getBytes(StandardCharsets.UTF_8));
            }
        }
        ChronicleStreamSink afterCrash = (ChronicleStreamSink) provider.create(ctx);
        assertEquals(0, afterCrash.lastCommittedBatchId(), "a begin without an end is not committed");
        afterCrash.commit(1, List.of(write(afterCrash.createWriter(0, 1), "d", "e")));
        afterCrash.stop();

        try (ChronicleQueue q = TestQueues.open(qdir)) {
            assertEquals(List.of("a", "b", "c", "d", "d", "e"), plain(q), "a plain tailer sees the cut-short attempt");
            assertEquals(List.of("a", "b", "c", "d", "e"), strings(ChronicleSinkReader.committedExcerpts(q)),
                    "committed readers see every row exactly once");
        }
    }

    @Test
    void microBatchQueryReRunAfterCrashIsNotDuplicated(@TempDir Path dir) throws Exception {
        MemoryStream<String> input = new MemoryStream<>(700, spark, Encoders.STRING(), 1);
        Path qdir = dir.resolve("out");
        Path chk = dir.resolve("chk");
        StreamingQuery q = start(input, qdir, chk);
        input.addData("x1", "x2");
        q.processAllAvailable();
        input.addData("x3");
        q.processAllAvailable();
        q.stop();
        // as if the process died after the sink appended batch 1 but before commits/1 was written
        Files.delete(chk.resolve("commits/1"));
        StreamingQuery again = start(input, qdir, chk);
        again.processAllAvailable();
        input.addData("x4");
        again.processAllAvailable();
        again.stop();
        try (ChronicleQueue out = TestQueues.open(qdir)) {
            assertEquals(List.of("x1", "x2", "x3", "x4"), plain(out), "the re-run of batch 1 was skipped");
            assertEquals(List.of("x1", "x2", "x3", "x4"), strings(ChronicleSinkReader.committedExcerpts(out)));
        }
    }

    private StreamingQuery start(MemoryStream<String> input, Path qdir, Path chk) throws Exception {
        return input.toDF().writeStream().format("chronicle").option("path", qdir.toString())
                .option("checkpointLocation", chk.toString()).start();
    }

    @Test
    void continuousChronicleToChronicleDeliversEveryRowAtLeastOnce(@TempDir Path dir) throws Exception {
        int n = 5_000;
        try (ChronicleQueue in = TestQueues.open(dir.resolve("in")); ExcerptAppender a = in.createAppender()) {
            StreamingQuery q = spark.readStream().format("chronicle").option("path", dir.resolve("in").toString())
                    .option("format", "wire").schema(new StructType().add("seq", DataTypes.LongType)
                            .add("sentNanos", DataTypes.LongType).add("price", DataTypes.DoubleType)).load()
                    .select(col("seq"), col("sentNanos"), col("price").multiply(2).as("px2"))
                    .writeStream().format("chronicle").option("path", dir.resolve("out").toString()).option("format", "wire")
                    .trigger(Trigger.Continuous(100)).option("checkpointLocation", dir.resolve("chk").toString()).start();
            for (long i = 0; i < n; i++) {
                ChronicleContinuousSourceTest.appendTick(a, i);
            }
            try (ChronicleQueue out = TestQueues.open(dir.resolve("out"))) {
                Set<Long> seen = new HashSet<>();
                try (ExcerptTailer t = out.createTailer()) {
                    TestQueues.await(() -> {
                        while (true) {
                            try (DocumentContext dc = t.readingDocument()) {
                                if (!dc.isPresent()) {
                                    return seen.size() == n;
                                }
                                long seq = dc.wire().read("seq").int64();
                                assertEquals(2 * (100 + seq % 7), dc.wire().read("px2").float64());
                                seen.add(seq);
                            }
                        }
                    }, "every tick in the output queue");
                }
                q.stop();
                assertTrue(q.exception().isEmpty(), () -> q.exception().get().toString());
            }
        }
    }
}
