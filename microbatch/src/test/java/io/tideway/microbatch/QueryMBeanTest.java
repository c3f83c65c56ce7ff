package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

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

        q.stop();
        assertFalse(server.isRegistered(name), "removed when the query stops");
    }

    @Test
    void offByDefault(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().writeStream().format("memory").queryName("quiet")
                .option("checkpointLocation", dir.toString()).start();
        assertFalse(server.isRegistered(new ObjectName("io.tideway:type=StreamingQuery,name=\"quiet\"")));
        q.stop();
    }
}
