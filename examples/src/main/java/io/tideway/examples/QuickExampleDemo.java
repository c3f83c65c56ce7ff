package io.tideway.examples;

import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The guide's quick example — running word count over
 * text from a socket, {@code complete} mode, console sink — fed by a bundled text served on
 * loopback, so no {@code nc} and no server are needed. It runs, stops, and restarts from its
 * checkpoint to show the counts carry over.
 *
 * <p>Usage: {@code bin/tideway run QuickExampleDemo [seconds-per-run]} (default 4).
 */
public final class QuickExampleDemo {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<String> text = bundledText();
        Path checkpoint = Files.createTempDirectory("tideway-demo-checkpoint");
        TidewaySession spark = TidewaySession.builder().appName("TidewayDemo").getOrCreate();
        try (LineServer server = new LineServer(text, 4)) {
            System.out.println("Tideway demo: word count over lines served on 127.0.0.1:" + server.port()
                    + " (checkpoint " + checkpoint + ")\n");
            runFor(spark, server.port(), checkpoint, seconds);
            System.out.println("== stopped; restarting from the same checkpoint: the counts continue ==\n");
            runFor(spark, server.port(), checkpoint, seconds);
        } finally {
            spark.stop();
        }
    }

    private static void runFor(TidewaySession spark, int port, Path checkpoint, int seconds) throws Exception {
        Dataset<Row> lines = spark.readStream().format("socket")
                .option("host", "127.0.0.1").option("port", port).load();
        Dataset<String> words = lines.as(Encoders.STRING()).flatMap(
                (FlatMapFunction<String, String>) x -> Arrays.asList(x.split(" ")).iterator(), Encoders.STRING());
        Dataset<Row> wordCounts = words.groupBy("value").count();
        StreamingQuery query = wordCounts.writeStream()
                .outputMode("complete")
                .format("console")
                .option("numRows", 10)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime("1 second"))
                .start();
        query.awaitTermination(seconds * 1000L);
        query.stop();
        System.out.println("last progress: " + query.lastProgress().json() + "\n");
    }

    private static List<String> bundledText() throws IOException {
        try (var in = QuickExampleDemo.class.getResourceAsStream("/demo/lines.txt")) {
            if (in == null) {
                throw new IOException("demo text /demo/lines.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().collect(Collectors.toList());
        }
    }
}
