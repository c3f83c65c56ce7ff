package io.tideway.microbatch;

import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two stateful operators in one query: each batch shuffles twice, and both states survive a restart. */
class ChainedStatefulTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("chains")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private Map<String, Long> table(String name) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : spark.table(name).collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    @Test
    void countOfDistinctEventsIgnoresRedeliveriesAcrossARestart(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        // an event is (timestamp, word): redelivered duplicates must not be counted twice
        Dataset<Row> perWord = events.toDS().dropDuplicates("timestamp", "word").groupBy("word").count();
        StreamingQuery q = perWord.writeStream().outputMode("complete").format("memory").queryName("distinct_counts")
                .option("checkpointLocation", dir.toString()).start();
        events.addData(new WindowedAggregationTest.Event("12:00", "a"), new WindowedAggregationTest.Event("12:00", "a"),
                new WindowedAggregationTest.Event("12:01", "a"), new WindowedAggregationTest.Event("12:00", "b"));
        q.processAllAvailable();
        assertEquals(Map.of("a", 2L, "b", 1L), table("distinct_counts"));
        q.stop();

        q = perWord.writeStream().outputMode("complete").format("memory").queryName("distinct_counts")
                .option("checkpointLocation", dir.toString()).start();
        events.addData(new WindowedAggregationTest.Event("12:01", "a"), new WindowedAggregationTest.Event("12:02", "b"));
        q.processAllAvailable();
        assertEquals(Map.of("a", 2L, "b", 2L), table("distinct_counts"), "12:01 a is a redelivery seen before the restart");
        assertEquals(List.of("dedupe", "stateStoreSave"), java.util.Arrays.stream(q.lastProgress().stateOperators())
                .map(o -> o.operatorName()).toList(), "both operators report, bottom-up");
        assertTrue(Files.isDirectory(dir.resolve("state/1")), "the aggregation keeps its state under operator 1");
        q.stop();
    }

    @Test
    void aggregationAboveAnAppendModeFlatMapGroupsWithState(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        // emits a word the first time it has been seen twice, then never again
        FlatMapGroupsWithStateFunction<String, String, Long, String> secondSighting = (word, values, state) -> {
            long before = state.getOption().getOrElse(() -> 0L);
            long n = before;
            while (values.hasNext()) {
                values.next();
                n++;
            }
            state.update(n);
            return before < 2 && n >= 2 ? List.of(word.substring(0, 1)).iterator() : List.<String>of().iterator();
        };
        Dataset<Row> perInitial = words.toDS()
                .groupByKey((MapFunction<String, String>) w -> w, Encoders.STRING())
                .flatMapGroupsWithState(secondSighting, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout())
                .groupBy("value").count();
        StreamingQuery q = perInitial.writeStream().outputMode("complete").format("memory").queryName("initials")
                .option("checkpointLocation", dir.toString()).start();
        words.addData("apple", "avocado", "apple", "banana");
        q.processAllAvailable();
        assertEquals(Map.of("a", 1L), table("initials"));
        words.addData("avocado", "banana", "apple");
        q.processAllAvailable();
        assertEquals(Map.of("a", 2L, "b", 1L), table("initials"), "apple's third sighting does not count again");
        q.stop();
    }

    @Test
    void aggregationAboveMapGroupsWithStateInUpdateMode() throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        // each call says whether the word was seen in an earlier call or batch too
        MapGroupsWithStateFunction<String, String, Long, String> seenBefore = (word, values, state) -> {
            long n = state.getOption().getOrElse(() -> 0L);
            while (values.hasNext()) {
                values.next();
                n++;
            }
            state.update(n);
            return n > 1 ? "repeat" : "new";
        };
        Dataset<Row> perKind = words.toDS()
                .groupByKey((MapFunction<String, String>) w -> w, Encoders.STRING())
                .mapGroupsWithState(seenBefore, Encoders.LONG(), Encoders.STRING())
                .groupBy("value").count();
        StreamingQuery q = perKind.writeStream().outputMode("update").format("memory").queryName("kinds").start();
        words.addData("apple", "avocado", "apple", "banana");
        q.processAllAvailable();
        assertEquals(List.of("new=2", "repeat=1"), rows("kinds"), "one row per word's call, counted by the aggregation");
        words.addData("banana", "cherry");
        q.processAllAvailable();
        assertEquals(List.of("new=2", "new=3", "repeat=1", "repeat=2"), rows("kinds"),
                "update mode appends the counts the batch changed; both states carried over");
        assertEquals(List.of("flatMapGroupsWithState", "stateStoreSave"), java.util.Arrays.stream(q.lastProgress().stateOperators())
                .map(o -> o.operatorName()).toList(), "both operators report, bottom-up");
        q.stop();
    }

    /** Every row of a memory table as {@code value=count}, sorted: update mode appends each batch's changed rows. */
    private List<String> rows(String name) {
        return spark.table(name).collectAsList().stream().map(r -> r.getString(0) + "=" + r.getLong(1)).sorted().toList();
    }

    @Test
    void withoutAWatermarkAnyChainWithNoAggregationBelowTheTopRuns(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<String> lower = words.toDS().dropDuplicates();
        Dataset<String> firstLetters = lower.map((MapFunction<String, String>) w -> w.substring(0, 1), Encoders.STRING())
                .dropDuplicates();
        StreamingQuery q = firstLetters.writeStream().format("memory").queryName("letters")
                .option("checkpointLocation", dir.toString()).start();
        words.addData("apple", "avocado", "banana");
        q.processAllAvailable();
        words.addData("apple", "cherry", "blueberry");
        q.processAllAvailable();
        assertEquals(List.of("a", "b", "c"), spark.table("letters").collectAsList().stream().map(r -> r.getString(0))
                .sorted().toList(), "each first letter once, across batches");
        assertEquals(List.of("dedupe", "dedupe"), java.util.Arrays.stream(q.lastProgress().stateOperators())
                .map(o -> o.operatorName()).toList(), "both operators report, bottom-up");
        q.stop();
    }

    @Test
    void otherChainsFailAtStart(@TempDir Path dir) {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        Dataset<Row> watermarked = events.toDF().withWatermark("timestamp", "10 minutes");
        AnalysisException e = assertThrows(AnalysisException.class, () -> watermarked.dropDuplicates("word", "timestamp")
                .dropDuplicates("timestamp").writeStream().format("console").start());
        assertTrue(e.getMessage().startsWith("Tideway chains stateful operators only as an aggregation above dropDuplicates"),
                e.getMessage());
        MemoryStream<String> left = MemoryStream.create(Encoders.STRING(), spark);
        MemoryStream<String> right = MemoryStream.create(Encoders.STRING(), spark);
        AnalysisException sideBySide = assertThrows(AnalysisException.class, () -> left.toDF().dropDuplicates()
                .join(right.toDF().dropDuplicates().withColumnRenamed("value", "other"), io.tideway.sql.functions.expr("value = other"))
                .writeStream().format("console").start());
        assertTrue(sideBySide.getMessage().startsWith("Tideway runs stateful operators one above another"), sideBySide.getMessage());
    }
}
