package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

class ChronicleContinuousSourceTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    static void appendTick(ExcerptAppender a, long seq) {
        try (DocumentContext dc = a.writingDocument()) {
            dc.wire().write("seq").int64(seq).write("sentNanos").int64(System.nanoTime()).write("price").float64(100 + seq % 7);
        }
    }

    @Test
    void continuousQueryDeliversEveryExcerptWithLowLatency(@TempDir Path dir) throws Exception {
        LatencyRecorder.SEEN.clear();
        LatencyRecorder.LATENCY.reset();
        int n = 20_000;
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q")); ExcerptAppender a = q.createAppender()) {
            ChronicleQueues.register("ticks", q);
            StreamingQuery query = spark.readStream().format("chronicle").option("queue", "ticks").option("format", "wire")
                    .schema(new StructType().add("seq", DataTypes.LongType).add("sentNanos", DataTypes.LongType)
                            .add("price", DataTypes.DoubleType))
                    .load().where(col("price").gt(0)).select(col("seq"), col("sentNanos"))
                    .writeStream().foreach(new LatencyRecorder()).trigger(Trigger.Continuous(100))
                    .option("checkpointLocation", dir.resolve("chk").toString()).start();
            appendTick(a, -1);
            TestQueues.await(() -> LatencyRecorder.SEEN.contains(-1L), "the reader is up");
            LatencyRecorder.LATENCY.reset();
            for (long i = 0; i < n; i++) {
                appendTick(a, i);
                LockSupport.parkNanos(50_000); // ~10-15k excerpts/s on this box
            }
            TestQueues.await(() -> LatencyRecorder.SEEN.size() == n + 1, "all ticks");
            query.stop();
            assertTrue(query.exception().isEmpty());
            Histogram h = LatencyRecorder.LATENCY.getIntervalHistogram();
            System.out.printf("chronicle -> continuous -> foreach, %d ticks: p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                    h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
            assertEquals(n, h.getTotalCount());
            String offsets = Files.readString(dir.resolve("chk/offsets/0"));
            assertTrue(offsets.contains("{\"0\":{\"index\":"), offsets);
        } finally {
            ChronicleQueues.unregister("ticks");
        }
    }

    @Test
    void readerDoesNotAllocatePerExcerpt(@TempDir Path dir) {
        int warm = 20_000, measured = 100_000;
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q")); ExcerptAppender a = q.createAppender()) {
            for (long i = 0; i < warm + measured; i++) {
                appendTick(a, i);
            }
            for (String format : new String[]{"bytes", "wire"}) {
                Options options = new Options(Map.of("path", dir.resolve("q").toString(), "format", format));
                StructType schema = format.equals("wire")
                        ? new StructType().add("seq", DataTypes.LongType).add("sentNanos", DataTypes.LongType).add("price", DataTypes.DoubleType)
                        : null;
                ChronicleSource source = ChronicleSource.open(new SourceContext(options, schema, dir, Map.of()));
                try (ContinuousPartitionReader reader = new ChronicleContinuousStream(source).createReader(0, ChronicleOffset.EARLIEST)) {
                    long[] sum = new long[1];
                    io.tideway.offheap.row.RowConsumer sink = (b, o, l) -> sum[0] += l;
                    for (int i = 0; i < warm; i++) {
                        assertEquals(1, reader.poll(sink, 1));
                    }
                    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long before = mx.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < measured; i++) {
                        reader.poll(sink, 1);
                    }
                    reader.poll(sink, 1); // an idle poll: nothing left
                    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
                    System.out.printf("%s reader: %d bytes allocated over %d excerpts%n", format, allocated, measured);
                    assertTrue(allocated < 65_536, format + ": " + allocated + " bytes allocated over " + measured + " excerpts");
                    assertEquals(ChronicleOffset.after(q.lastIndex()), reader.currentOffset());
                } finally {
                    source.close();
                }
            }
        }
    }
}
