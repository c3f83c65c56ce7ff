package io.tideway.micrometer;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A Prometheus registry bound to a session shows each running query's meters, and drops them when it stops. */
class TidewayMetricsTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void aPrometheusScrapeShowsEachRunningQuery(@TempDir Path dir) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new TidewayMetrics(spark).bindTo(registry);
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("counts").option("checkpointLocation", dir.toString()).start();
        words.addData("a", "b", "a");
        q.processAllAvailable();
        System.gc(); // the gauges must keep what they read alive
        await(() -> registry.scrape().contains("tideway_query_state_rows{query=\"counts\"} 2.0"),
                "the query's state rows in a scrape:\n" + registry.scrape());
        String scrape = registry.scrape();
        assertTrue(scrape.contains("tideway_query_batch_id{query=\"counts\"} 0.0"), scrape);
        assertTrue(scrape.contains("tideway_query_processed_rows"), scrape);
        assertTrue(scrape.contains("tideway_query_latency_microseconds{quantile=\"p99\",query=\"counts\"} -1.0"),
                "a micro-batch query has no continuous latency: " + scrape);

        q.stop();
        await(() -> !registry.scrape().contains("query=\"counts\""), "the stopped query's meters to go");
    }
}
