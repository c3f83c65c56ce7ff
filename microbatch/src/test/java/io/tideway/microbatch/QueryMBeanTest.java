package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code spark.sql.streaming.metricsEnabled}, a running query is an MBean with its last progress' figures. */
class QueryMBeanTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void stop() {
        spark.stop();
        spark.conf().unset("spark.sql.streaming.metricsEnabled");
    }

    @Test
    void aRunningQueryIsAnMBeanUntilItStops(@TempDir Path dir) throws Exception {
        spark.conf().set("spark.sql.streaming.metricsEnabled", "true");
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("word counts").option("checkpointLocation", dir.toString()).start();
        ObjectName name = new ObjectName("io.tideway:type=StreamingQuery,name=\"word counts\"");
        assertTrue(server.isRegistered(name), "registered as the query starts");
        assertEquals(-1L, server.getAttribute(name, "BatchId"), "no batch yet");

        words.addData("a", "b", "a");
        q.processAllAvailable();
        assertEquals("word counts", server.getAttribute(name, "Name"));
        assertEquals(q.id().toString(), server.getAttribute(name, "Id"));
        assertEquals(true, server.getAttribute(name, "Active"));
        assertEquals(q.lastProgress().batchId(), server.getAttribute(name, "BatchId"));
        assertEquals(3L, server.getAttribute(name, "NumInputRows"));
        assertEquals(2L, server.getAttribute(name, "StateRowsTotal"), "two words in the aggregation's state");
        assertTrue((Long) server.getAttribute(name, "StateMemoryUsedBytes") > 0);
        assertTrue((Long) server.getAttribute(name, "BatchDurationMs") >= 0);
        TabularData metrics = (TabularData) server.getAttribute(name, "SourceMetrics");
        for (Object row : metrics.values()) {
            assertTrue(((String) ((CompositeData) row).get("key")).startsWith("0."), "keyed by source index");
        }
        // a memory stream knows no source time: from when its rows were read to the commit
        Map<String, String> progressMetrics = q.lastProgress().sources()[0].metrics();
        assertEquals("1", progressMetrics.get("latencyMicros.count"), "one read of three rows");
        long p50 = (Long) server.getAttribute(name, "LatencyMicrosP50");
        assertEquals(Long.parseLong(progressMetrics.get("latencyMicros.p50")), p50);
        assertTrue(p50 >= 0 && p50 <= (Long) server.getAttribute(name, "LatencyMicrosMax"));

        q.stop();
        assertFalse(server.isRegistered(name), "removed when the query stops");
    }

    /** The rate source's rows carry their intended time: the latency is measured from it, to the batch's commit. */
    @Test
    void microBatchLatencyFromTheRateSourcesIntendedTime(@TempDir Path dir) throws Exception {
        spark.conf().set("spark.sql.streaming.metricsEnabled", "true");
        long before = System.currentTimeMillis();
        StreamingQuery q = spark.readStream().format("rate").option("rowsPerSecond", "1000").option("numPartitions", "1").load()
                .writeStream().format("noop").queryName("rate latency").trigger(Trigger.ProcessingTime(200))
                .option("checkpointLocation", dir.toString()).start();
        try {
            Map<String, String> m = awaitLatency(q, 30_000);
            long sinceStartMicros = (System.currentTimeMillis() - before) * 1_000;
            long p50 = Long.parseLong(m.get("latencyMicros.p50"));
            long max = Long.parseLong(m.get("latencyMicros.max"));
            assertTrue(Long.parseLong(m.get("latencyMicros.count")) > 0);
            assertTrue(p50 > 0 && p50 <= Long.parseLong(m.get("latencyMicros.p99")) && p50 <= max);
            assertTrue(max <= sinceStartMicros, "no row is older than the query: " + m);
        } finally {
            q.stop();
        }
    }

    private static Map<String, String> awaitLatency(StreamingQuery q, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            for (StreamingQueryProgress p : q.recentProgress()) {
                if (p.numInputRows() > 0 && p.sources()[0].metrics().containsKey("latencyMicros.p50")) {
                    return p.sources()[0].metrics();
                }
            }
            q.awaitTermination(50);
        }
        throw new AssertionError("no progress with latency within " + timeoutMs + " ms: " + q.lastProgress());
    }

    @Test
    void offByDefault(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().writeStream().format("memory").queryName("quiet")
                .option("checkpointLocation", dir.toString()).start();
        assertFalse(server.isRegistered(new ObjectName("io.tideway:type=StreamingQuery,name=\"quiet\"")));
        words.addData("a");
        q.processAllAvailable();
        assertFalse(q.lastProgress().sources()[0].metrics().containsKey("latencyMicros.p50"),
                "Spark's progress has no latency; Tideway's neither, unless asked");
        q.stop();
    }
}
