package io.tideway.microbatch;

import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.ExpiredTimerInfo;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StatefulProcessor;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.TTLConfig;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.TimerValues;
import io.tideway.sql.streaming.ValueState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * transformWithState on the micro-batch engine's clock: a processing-time timer a little ahead
 * fires in a later batch without data (Spark runs one after every batch in processing time), and
 * the progress names the operator as Spark does.
 */
class TransformWithStateTest {
    private static final BatchLog LOG = new BatchLog();
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("tws")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        LOG.clear();
    }

    /** Counts a word's rows and reports the count 50 ms after the word's last batch. */
    public static class CountUntilQuiet extends StatefulProcessor<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            count = getHandle().getValueState("count", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<String> rows,
                                                                 TimerValues timers) {
            long n = count.exists() ? count.get() : 0L;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            count.update(n);
            getHandle().registerTimer(timers.getCurrentProcessingTimeInMs() + 50);
            return scala.collection.Iterator$.MODULE$.empty();
        }

        @Override
        public scala.collection.Iterator<String> handleExpiredTimer(String key, TimerValues timers, ExpiredTimerInfo expired) {
            String out = key + "=" + count.get();
            count.clear();
            return scala.jdk.javaapi.CollectionConverters.asScala(List.of(out).iterator());
        }
    }

    @Test
    void processingTimeTimerFiresInALaterBatchWithoutData(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<String> quiet = words.toDS()
                .groupByKey((MapFunction<String, String>) w -> w, Encoders.STRING())
                .transformWithState(new CountUntilQuiet(), TimeMode.ProcessingTime(), OutputMode.Update(), Encoders.STRING());
        StreamingQuery q = quiet.toDF().writeStream().outputMode("update")
                .foreachBatch((batch, id) -> {
                    List<String> rows = new ArrayList<>();
                    for (Row r : batch.collectAsList()) {
                        rows.add(r.getString(0));
                    }
                    LOG.record(id, rows);
                })
                .option("checkpointLocation", dir.toString()).start();
        words.addData("x", "y", "x");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> out = new ArrayList<>();
        while (out.size() < 2 && System.nanoTime() < deadline) {
            out.addAll(LOG.newRows());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        out.sort(null);
        assertEquals(List.of("x=2", "y=1"), out);
        assertEquals("transformWithStateExec", q.lastProgress().stateOperators()[0].operatorName());
        q.stop();
    }
}
