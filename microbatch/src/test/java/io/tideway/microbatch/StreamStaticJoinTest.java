package io.tideway.microbatch;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stream-static joins in the guide's support matrix: which run, what they emit, which fail at start(). */
class StreamStaticJoinTest {
    private static final StructType DIM = new StructType()
            .add("name", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("weight", DataTypes.LongType);
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("joins")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    private final Dataset<Row> dim = spark.createDataFrame(List.of(
            RowFactory.create("dog", "animal", 2L),
            RowFactory.create("owl", "animal", 1L),
            RowFactory.create("oak", "plant", 3L),
            RowFactory.create(null, "unknown", 0L)), DIM);

    @AfterEach
    void stop() {
        spark.stop();
    }

    private Set<String> run(Dataset<Row> query, String mode, String table, Runnable feed, Path dir) throws Exception {
        StreamingQuery q = query.writeStream().outputMode(mode).format("memory").queryName(table)
                .option("checkpointLocation", dir.resolve(table).toString()).start();
        feed.run();
        q.processAllAvailable();
        q.stop();
        Set<String> out = new TreeSet<>();
        for (Row r : spark.table(table).collectAsList()) {
            out.add(r.toString());
        }
        return out;
    }

    @Test
    void innerJoinOnAUsingColumnEnrichesEachStreamRow(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> stream = words.toDF().withColumnRenamed("value", "name");
        Dataset<Row> joined = stream.join(dim, "name");
        assertArrayEquals(new String[] {"name", "category", "weight"}, joined.columns());
        Set<String> out = run(joined, "append", "inner", () -> words.addData("dog", "cat", "oak", "dog"), dir);
        assertEquals(Set.of("[dog,animal,2]", "[oak,plant,3]"), out, "cat has no match; dog twice is one distinct string");
    }

    @Test
    void leftOuterSemiAndAntiWithTheStreamOnTheLeft(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> stream = words.toDF();
        Runnable feed = () -> words.addData("dog", "cat", "owl");
        // A residual condition next to the key: only matches with weight > 1 count.
        var condition = stream.col("value").equalTo(dim.col("name")).and(dim.col("weight").gt(1));
        assertEquals(Set.of("[dog,dog,animal,2]", "[cat,null,null,null]", "[owl,null,null,null]"),
                run(stream.join(dim, condition, "left_outer"), "append", "outer", feed, dir));

        MemoryStream<String> more = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> s2 = more.toDF();
        assertEquals(Set.of("[dog]", "[owl]"), run(s2.join(dim, s2.col("value").equalTo(dim.col("name")), "left_semi"),
                "append", "semi", () -> more.addData("dog", "cat", "owl"), dir));
        MemoryStream<String> third = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> s3 = third.toDF();
        assertEquals(Set.of("[cat]"), run(s3.join(dim, s3.col("value").equalTo(dim.col("name")), "anti"),
                "append", "anti", () -> third.addData("dog", "cat", "owl"), dir));
    }

    @Test
    void rightOuterWithTheStreamOnTheRightThenAnAggregation(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> stream = words.toDF();
        Dataset<Row> joined = dim.join(stream, dim.col("name").equalTo(stream.col("value")), "right_outer");
        assertEquals(Set.of("[animal,dog,2,dog]", "[null,null,null,cat]"),
                run(joined.select("category", "name", "weight", "value"), "append", "right", () -> words.addData("dog", "cat"), dir));

        MemoryStream<String> counted = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> perCategory = counted.toDF().join(dim, counted.toDF().col("value").equalTo(dim.col("name")))
                .groupBy("category").count();
        assertEquals(Set.of("[animal,3]", "[plant,1]"), run(perCategory, "complete", "categories",
                () -> counted.addData("dog", "owl", "dog", "oak", "cat"), dir));
    }

    @Test
    void staticJoinsRunAsBatchesInsideForeachBatchAndOnTheirOwn() {
        Dataset<Row> sizes = spark.createDataFrame(List.of(RowFactory.create("animal", "small"), RowFactory.create("mineral", "big")),
                new StructType().add("category", DataTypes.StringType).add("size", DataTypes.StringType));
        Set<String> rows = new TreeSet<>();
        dim.join(sizes, "category").collectAsList().forEach(r -> rows.add(r.toString()));
        assertEquals(Set.of("[animal,dog,2,small]", "[animal,owl,1,small]"), rows);
        Set<String> right = new TreeSet<>();
        dim.join(sizes, new String[] {"category"}, "right_outer").collectAsList().forEach(r -> right.add(r.toString()));
        assertEquals(Set.of("[animal,dog,2,small]", "[animal,owl,1,small]", "[mineral,null,null,big]"), right);
    }

    @Test
    void unsupportedJoinsFailAtStartInSparksWords(@TempDir Path dir) {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> stream = words.toDF();
        var onName = stream.col("value").equalTo(dim.col("name"));
        AnalysisException right = assertThrows(AnalysisException.class, () -> stream.join(dim, onName, "right_outer")
                .writeStream().format("console").start());
        assertTrue(right.getMessage().startsWith("RightOuter join with a streaming DataFrame/Dataset on the left and a static "
                + "DataFrame/DataSet on the right not supported"), right.getMessage());
        AnalysisException left = assertThrows(AnalysisException.class, () -> dim.join(stream, onName, "left_outer")
                .writeStream().format("console").start());
        assertTrue(left.getMessage().startsWith("LeftOuter join with a streaming DataFrame/Dataset on the right and a static "
                + "DataFrame/Dataset on the left is not supported"), left.getMessage());
        AnalysisException full = assertThrows(AnalysisException.class, () -> stream.join(dim, onName, "full")
                .writeStream().format("console").start());
        assertTrue(full.getMessage().startsWith("FullOuter joins with streaming DataFrames/Datasets on the left"), full.getMessage());
        Dataset<Row> other = MemoryStream.create(Encoders.STRING(), spark).toDF();
        AnalysisException streams = assertThrows(AnalysisException.class, () -> stream.join(other,
                stream.col("value").equalTo(other.col("value"))).writeStream().outputMode("update").format("console").start());
        assertTrue(streams.getMessage().startsWith("Join between two streaming DataFrames/Datasets is not supported in Update "
                + "output mode, only in Append output mode"), streams.getMessage());
        AnalysisException ambiguous = assertThrows(AnalysisException.class,
                () -> stream.withColumnRenamed("value", "name").join(dim, io.tideway.sql.functions.col("name").equalTo("x")));
        assertTrue(ambiguous.getMessage().startsWith("[AMBIGUOUS_REFERENCE] Reference `name` is ambiguous"), ambiguous.getMessage());
        AnalysisException type = assertThrows(AnalysisException.class, () -> stream.join(dim, onName, "sideways"));
        assertEquals("UNSUPPORTED_JOIN_TYPE", type.getCondition());
    }
}
