package example;

import io.tideway.sql.Dataset;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user's application: a micro-batch query and a continuous query, each writing through a
 * {@code ForeachWriter<Row>}, a JSON write read back (the file formats' module, whose services
 * files a shaded jar merges with the engine's) and a JDBC read (the JDBC module's), printing one line
 * each that the embedding test checks.
 */
public final class EmbeddedApp {
    private EmbeddedApp() {
    }

    /** Counts rows in a static field, so the writer instance Tideway deserializes per partition shares it. */
    static final AtomicLong MICRO = new AtomicLong();
    static final CountDownLatch CONTINUOUS = new CountDownLatch(20);

    public static void main(String[] args) throws Exception {
        TidewaySession spark = TidewaySession.builder().appName("embedded").master("local[2]").getOrCreate();

        Dataset<Row> batches = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 5).load()
                .selectExpr("value", "upper(concat('row-', cast(value as string))) AS name");
        StreamingQuery micro = batches.writeStream().trigger(Trigger.AvailableNow()).foreach(new ForeachWriter<Row>() {
            @Override
            public boolean open(long partitionId, long epochId) {
                return true;
            }

            @Override
            public void process(Row row) {
                if (row.getString(1).startsWith("ROW-")) {
                    MICRO.incrementAndGet();
                }
            }

            @Override
            public void close(Throwable errorOrNull) {
            }
        }).start();
        micro.awaitTermination();
        System.out.println("micro-batch rows " + MICRO.get());

        Dataset<Row> stream = spark.readStream().format("rate").option("rowsPerSecond", 200).option("numPartitions", 1)
                .load().selectExpr("value * 2 AS doubled", "unix_micros(timestamp) AS micros");
        StreamingQuery continuous = stream.writeStream().trigger(Trigger.Continuous("1 second"))
                .foreach(new ForeachWriter<Row>() {
                    @Override
                    public boolean open(long partitionId, long epochId) {
                        return true;
                    }

                    @Override
                    public void process(Row row) {
                        if (row.getLong(0) % 2 == 0 && row.getLong(1) > 0) {
                            CONTINUOUS.countDown();
                        }
                    }

                    @Override
                    public void close(Throwable errorOrNull) {
                    }
                }).start();
        boolean reached = CONTINUOUS.await(60, TimeUnit.SECONDS);
        continuous.stop();
        System.out.println("continuous rows " + (reached ? ">= 20" : "missing"));

        Path json = Files.createTempDirectory("embedded-json");
        spark.createDataFrame(List.of(RowFactory.create("a"), RowFactory.create("b")), new StructType().add("s", "string"))
                .write().mode("overwrite").json(json.toString());
        System.out.println("file rows " + spark.read().json(json.toString()).count());

        // no JDBC driver is on the class path: the read fails in the JDBC module, found through the merged services files
        try {
            spark.read().option("driver", "absent.Driver").jdbc("jdbc:absent:db", "t", new java.util.Properties());
            System.out.println("jdbc read without a driver succeeded");
        } catch (IllegalStateException e) {
            System.out.println("jdbc " + e.getMessage());
        }
        spark.stop();
    }
}
