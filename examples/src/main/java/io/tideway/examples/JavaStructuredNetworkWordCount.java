package io.tideway.examples;

import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.sql.*;
import io.tideway.sql.streaming.StreamingQuery;

import java.util.Arrays;

/**
 * Spark's {@code JavaStructuredNetworkWordCount}, the guide's quick example, ported to Tideway by
 * changing only the imports ({@code org.apache.spark} → {@code io.tideway}) and
 * {@code SparkSession} → {@code TidewaySession}. Counts words in UTF-8 text received from a socket.
 *
 * <p>Usage: {@code bin/tideway run JavaStructuredNetworkWordCount <hostname> <port>}, e.g. with
 * {@code nc -lk 9999} in another terminal.
 */
public final class JavaStructuredNetworkWordCount {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("Usage: JavaStructuredNetworkWordCount <hostname> <port>");
      System.exit(1);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);

    TidewaySession spark = TidewaySession
      .builder()
      .appName("JavaStructuredNetworkWordCount")
      .getOrCreate();

    // Create DataFrame representing the stream of input lines from connection to host:port
    Dataset<Row> lines = spark
      .readStream()
      .format("socket")
      .option("host", host)
      .option("port", port)
      .load();

    // Split the lines into words
    Dataset<String> words = lines.as(Encoders.STRING()).flatMap(
        (FlatMapFunction<String, String>) x -> Arrays.asList(x.split(" ")).iterator(),
        Encoders.STRING());

    // Generate running word count
    Dataset<Row> wordCounts = words.groupBy("value").count();

    // Start running the query that prints the running counts to the console
    StreamingQuery query = wordCounts.writeStream()
      .outputMode("complete")
      .format("console")
      .start();

    query.awaitTermination();
  }
}
