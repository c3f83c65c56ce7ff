package io.tideway.examples;

import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.split;

/**
 * A {@code foreachBatch} upsert into a Parquet table, the way Spark users keep "one row per key"
 * in files: each micro-batch's readings ({@code device,reading} lines) are reduced to the highest
 * per device, merged with the table read back with {@code spark.read().parquet()} (the table's
 * rows for the devices the batch does not have, then the batch's), written with {@code df.write()}
 * to a staging directory named by the batch id and swapped in, so a replayed batch (after a crash)
 * gives the same table.
 *
 * <p>Usage: {@code bin/tideway run ParquetUpsert [dir]} (default: a temporary directory).
 */
public final class ParquetUpsert {
    private ParquetUpsert() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("tideway-upsert");
        Path table = dir.resolve("devices");
        TidewaySession spark = TidewaySession.builder().appName("ParquetUpsert").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        MemoryStream<String> lines = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> readings = lines.toDF()
                .select(split(col("value"), ",").getItem(0).as("device"),
                        split(col("value"), ",").getItem(1).cast("int").as("reading"));
        StreamingQuery q = readings.writeStream()
                .option("checkpointLocation", dir.resolve("checkpoint").toString())
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, batchId) -> upsert(spark, batch, batchId, table))
                .start();
        try {
            String[][] batches = {{"a,1", "b,5", "a,3"}, {"b,7", "c,2"}, {"a,4", "c,1", "c,9"}};
            for (String[] b : batches) {
                lines.addData(b);
                q.processAllAvailable();
                System.out.println("after batch " + q.lastProgress().batchId() + ":");
                spark.read().parquet(table.toString()).orderBy("device").show();
            }
        } finally {
            q.stop();
            spark.stop();
        }
    }

    /** The highest reading per device of this batch, merged over the table's other devices, swapped in. */
    private static void upsert(TidewaySession spark, Dataset<Row> batch, long batchId, Path table) throws IOException {
        Dataset<Row> latest = batch.groupBy("device").agg(max("reading").as("reading"));
        Dataset<Row> merged = Files.exists(table)
                ? spark.read().parquet(table.toString()).join(latest, "device", "left_anti")
                        .unionByName(latest)
                : latest;
        Path staging = table.resolveSibling(".staging-" + batchId);
        merged.write().mode("overwrite").parquet(staging.toString());
        deleteRecursively(table);
        Files.move(staging, table, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
