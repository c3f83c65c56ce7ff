package io.tideway.connectors.kafka;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.util.concurrent.TimeoutException;

import static io.tideway.sql.functions.col;

/**
 * Kafka → {@code select(key, value)} → Kafka, run in a child JVM so a test can kill it
 * mid-stream. Args: bootstrapServers inputTopic outputTopic checkpointDir
 * {@code microbatch|continuous}. Runs until killed.
 */
public final class KafkaChildQueryMain {
    /** Micro-batch: many small batches, so a kill lands between and inside them. */
    static final int MAX_OFFSETS_PER_TRIGGER = 500;

    private KafkaChildQueryMain() {
    }

    public static void main(String[] args) throws Exception {
        TidewaySession spark = TidewaySession.builder().getOrCreate();
        Trigger trigger = args[4].equals("continuous") ? Trigger.Continuous(200) : Trigger.ProcessingTime(0);
        start(spark, args[0], args[1], args[2], args[3], trigger);
        System.out.println("started");
        Thread.currentThread().join(); // until killed
    }

    /** The query the child runs and the test's restart runs again on the same checkpoint. */
    static StreamingQuery start(TidewaySession spark, String bootstrap, String in, String out, String checkpoint,
                                Trigger trigger) throws TimeoutException {
        return spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap).option("subscribe", in)
                .option("startingOffsets", "earliest").option("maxOffsetsPerTrigger", MAX_OFFSETS_PER_TRIGGER).load()
                .select(col("key"), col("value"))
                .writeStream().format("kafka").option("kafka.bootstrap.servers", bootstrap).option("topic", out)
                .option("checkpointLocation", checkpoint).trigger(trigger).start();
    }
}
