package io.tideway.connectors.chronicle;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.util.concurrent.TimeoutException;

/**
 * Chronicle queue → {@code select(value)} → Chronicle queue (raw bytes), run in a child JVM so
 * a test can kill it mid-stream. Args: inputQueueDir outputQueueDir checkpointDir
 * {@code microbatch|continuous}. Runs until killed.
 */
public final class ChronicleChildQueryMain {
    /** Micro-batch: many small batches, so a kill lands between and inside them. */
    static final int MAX_RECORDS_PER_TRIGGER = 500;

    private ChronicleChildQueryMain() {
    }

    public static void main(String[] args) throws Exception {
        TidewaySession spark = TidewaySession.builder().getOrCreate();
        Trigger trigger = args[3].equals("continuous") ? Trigger.Continuous(200) : Trigger.ProcessingTime(0);
        start(spark, args[0], args[1], args[2], trigger);
        System.out.println("started");
        Thread.currentThread().join(); // until killed
    }

    /** The query the child runs and the test's restart runs again on the same checkpoint. */
    static StreamingQuery start(TidewaySession spark, String in, String out, String checkpoint, Trigger trigger)
            throws TimeoutException {
        return spark.readStream().format("chronicle").option("path", in)
                .option("maxRecordsPerTrigger", MAX_RECORDS_PER_TRIGGER).load()
                .select("value")
                .writeStream().format("chronicle").option("path", out).option("checkpointLocation", checkpoint)
                .trigger(trigger).start();
    }
}
