package io.tideway.microbatch;

import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch reads and writes inside streaming queries, as Spark users write them: {@code df.write()}
 * in {@code foreachBatch}, and the guide's stream-static join with its static side from
 * {@code spark.read()}.
 */
class BatchFilesInStreamsTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("batch-files")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private static Set<String> strings(List<Row> rows) {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    @Test
    void foreachBatchAppendsEachBatchAsJsonFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().selectExpr("value AS word", "length(value) AS len").writeStream()
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batchDF, batchId) ->
                        batchDF.write().mode("append").json(out.toString()))
                .option("checkpointLocation", dir.resolve("cp").toString()).start();
        words.addData("a", "bb");
        q.processAllAvailable();
        words.addData("ccc");
        q.processAllAvailable();
        q.stop();

        try (Stream<Path> files = Files.list(out)) {
            List<String> parts = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).toList();
            assertEquals(2, parts.size(), parts.toString());
            assertTrue(parts.stream().allMatch(n -> n.matches("part-00000-[0-9a-f-]{36}-c000\\.json")), parts.toString());
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        Dataset<Row> back = spark.read().json(out.toString());
        assertEquals("struct<len:bigint,word:string>", back.schema().simpleString());
        assertEquals(Set.of("[1,a]", "[2,bb]", "[3,ccc]"), strings(back.collectAsList()));

        // the streaming file source reads what the batch writer wrote
        StreamingQuery reread = spark.readStream().schema("word STRING, len INT").json(out.toString()).writeStream()
                .format("memory").queryName("reread").option("checkpointLocation", dir.resolve("cp2").toString()).start();
        reread.processAllAvailable();
        reread.stop();
        assertEquals(Set.of("[a,1]", "[bb,2]", "[ccc,3]"), strings(spark.table("reread").collectAsList()));
    }

    @Test
    void theGuidesStreamStaticJoinReadsItsStaticSideWithSparkRead(@TempDir Path dir) throws Exception {
        Path types = dir.resolve("types");
        Files.createDirectories(types);
        Files.writeString(types.resolve("types.csv"), "type,label\nclick,Click\nview,View\n");
        Dataset<Row> staticDf = spark.read().option("header", true).csv(types.toString());

        Path events = dir.resolve("events");
        Files.createDirectories(events);
        Files.writeString(events.resolve("1.json"), "{\"type\":\"click\",\"n\":1}\n{\"type\":\"scroll\",\"n\":2}\n"
                + "{\"type\":\"view\",\"n\":3}\n");
        Dataset<Row> streamingDf = spark.readStream().schema("type STRING, n INT").json(events.toString());

        StreamingQuery inner = streamingDf.join(staticDf, "type").writeStream().format("memory").queryName("inner_join")
                .option("checkpointLocation", dir.resolve("cp-inner").toString()).start();
        StreamingQuery outer = streamingDf.join(staticDf, "type", "left_outer").writeStream().format("memory")
                .queryName("outer_join").option("checkpointLocation", dir.resolve("cp-outer").toString()).start();
        inner.processAllAvailable();
        outer.processAllAvailable();
        inner.stop();
        outer.stop();
        assertEquals(Set.of("[click,1,Click]", "[view,3,View]"), strings(spark.table("inner_join").collectAsList()));
        assertEquals(Set.of("[click,1,Click]", "[scroll,2,null]", "[view,3,View]"),
                strings(spark.table("outer_join").collectAsList()));
    }
}
