package io.tideway.sql;

import io.tideway.api.java.function.FilterFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.tideway.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

class DatasetBatchTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("name", "string").add("v", DataTypes.LongType)
            .add("line", DataTypes.StringType);
    private final Dataset<Row> df = spark.createDataFrame(List.of(
            RowFactory.create("a", 1L, "the cat"),
            RowFactory.create("b", 2L, "the dog sat"),
            RowFactory.create("c", null, "")), schema);

    @Test
    void selectComputesAndNamesColumnsAsSpark() {
        Dataset<Row> out = df.select(col("name"), col("v").multiply(2), col("v").divide(2), col("v").plus(1).as("inc"));
        assertArrayEquals(new String[]{"name", "(v * 2)", "(v / 2)", "inc"}, out.columns());
        assertEquals("[[a,2,0.5,2], [b,4,1.0,3], [c,null,null,null]]", out.collectAsList().toString());
        assertEquals(DataTypes.DoubleType, out.schema().apply(2).dataType());
    }

    @Test
    void whereKeepsOnlyTrueRowsAndNullIsNotTrue() {
        assertEquals(1, df.where(col("v").gt(1)).count());
        assertEquals(2, df.filter(col("v").isNotNull()).count());
        assertEquals(1, df.filter(not(col("v").leq(1)).and(col("name").notEqual("zz"))).count());
    }

    /** Spark's ResolveMissingReferences: the projection is widened by v, filtered, then projected back. */
    @Test
    void whereResolvesAColumnTheSelectBelowDropped() {
        Dataset<Row> out = df.select("name").where("v > 1");
        assertArrayEquals(new String[]{"name"}, out.columns());
        assertEquals("[[b]]", out.collectAsList().toString());
        assertEquals("[[b]]", df.select(col("name").as("n")).where(col("v").geq(2)).collectAsList().toString());
        assertThrows(AnalysisException.class, () -> df.select("name").where("w > 1"));
    }

    @Test
    void splitAndExplodeMakeOneRowPerWord() {
        Dataset<Row> words = df.select(explode(split(col("line"), " ")).as("word"));
        List<String> got = words.collectAsList().stream().map(r -> r.getString(0)).toList();
        assertEquals(List.of("the", "cat", "the", "dog", "sat", ""), got);
        Dataset<Row> regex = df.select(explode(split(col("line"), "\\s+")));
        assertArrayEquals(new String[]{"col"}, regex.columns());
    }

    @Test
    void groupByAggregatesWithSparkNamesAndTypes() {
        Dataset<Row> words = df.select(explode(split(col("line"), " ")).as("word"), col("v"));
        Dataset<Row> agg = words.groupBy("word").agg(count(col("*")), sum("v"), avg("v"), min("v"), max("v"));
        assertArrayEquals(new String[]{"word", "count(1)", "sum(v)", "avg(v)", "min(v)", "max(v)"}, agg.columns());
        assertEquals(DataTypes.LongType, agg.schema().apply("sum(v)").dataType());
        Row the = agg.collectAsList().stream().filter(r -> "the".equals(r.getString(0))).findFirst().orElseThrow();
        assertEquals("[the,2,3,1.5,1,2]", the.toString());
        Row empty = agg.collectAsList().stream().filter(r -> "".equals(r.getString(0))).findFirst().orElseThrow();
        assertEquals("[,1,null,null,null,null]", empty.toString());
        assertEquals("[[3]]", df.groupBy().count().collectAsList().toString());
    }

    @Test
    void castFollowsNonAnsiRulesWithAnsiOff() {
        TidewaySession legacy = spark.newSession();
        legacy.conf().set("spark.sql.ansi.enabled", "false");
        Dataset<Row> out = legacy.createDataFrame(List.of(RowFactory.create("12", "x", "2.9")),
                new StructType().add("a", "string").add("b", "string").add("c", "string"))
                .select(col("a").cast("int"), col("b").cast("bigint"), col("c").cast("double"), col("c").cast("int"),
                        lit(5L).cast("string"), lit(true).cast("int"));
        assertEquals("[[12,null,2.9,2,5,1]]", out.collectAsList().toString());
        assertEquals("a", out.columns()[0]); // Spark names a cast of a column after the column
    }

    @Test
    void castOfAMalformedStringFailsUnderAnsiAsInSpark4() {
        Dataset<Row> out = spark.createDataFrame(List.of(RowFactory.create("x")), new StructType().add("b", "string"))
                .select(col("b").cast("bigint"));
        io.tideway.SparkNumberFormatException e = assertThrows(io.tideway.SparkNumberFormatException.class, out::collectAsList);
        assertEquals("CAST_INVALID_INPUT", e.getCondition());
        assertEquals("22018", e.getSqlState());
    }

    @Test
    void withColumnDropUnionAndTypedOperations() {
        Dataset<Row> wc = df.withColumn("v2", col("v").plus(10)).drop("line");
        assertArrayEquals(new String[]{"name", "v", "v2"}, wc.columns());
        assertEquals(6, df.union(df).count());
        Dataset<String> names = df.select("name").as(Encoders.STRING())
                .filter((FilterFunction<String>) s -> !s.equals("b"))
                .map((MapFunction<String, String>) s -> s.toUpperCase(), Encoders.STRING());
        assertEquals(List.of("A", "C"), names.collectAsList());
    }

    @Test
    void beanEncoderOrdersColumnsByName() {
        Dataset<Person> people = df.select(col("name"), col("v").as("age")).as(Encoders.bean(Person.class));
        assertArrayEquals(new String[]{"age", "name"}, Encoders.bean(Person.class).schema().fieldNames());
        Person first = people.collectAsList().get(0);
        assertEquals("a", first.getName());
        assertEquals(1L, first.getAge());
    }

    @Test
    void unresolvedColumnAndTypeMismatchFailWhenTheQueryIsBuilt() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.select(col("nope")));
        assertTrue(e.getMessage().contains("`nope` cannot be resolved"), e.getMessage());
        assertTrue(e.getMessage().contains("[`name`, `v`, `line`]"), e.getMessage());
        assertThrows(AnalysisException.class, () -> df.select(col("line").and(col("v"))));
        assertThrows(AnalysisException.class, () -> df.where(col("v").plus(1)));
    }

    @Test
    void printSchemaAndExplainUseSparkLayout() {
        String schemaText = capture(() -> df.select(col("name"), split(col("line"), " ").as("words"), col("v")).printSchema());
        assertEquals("root\n |-- name: string (nullable = true)\n |-- words: array (nullable = true)\n"
                + " |    |-- element: string (containsNull = false)\n |-- v: long (nullable = true)\n\n", schemaText,
                "Spark prints the tree with println: an empty line follows");
        String plan = capture(() -> df.where(col("v").gt(1)).select("name").explain());
        assertTrue(plan.contains("Project [name]\n+- Filter (v > 1)\n   +- LocalRelation"), plan);
    }

    @Test
    void batchActionsOnAStreamFailWithSparkMessage() {
        assertFalse(df.isStreaming());
        AnalysisException e = assertThrows(AnalysisException.class, df::writeStream);
        assertEquals("[WRITE_STREAM_NOT_ALLOWED] `writeStream` can be called only on streaming Dataset/DataFrame. "
                + "SQLSTATE: 42601", e.getMessage());
    }

    static String capture(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A bean with a primitive and a string property. */
    public static class Person implements java.io.Serializable {
        private String name;
        private long age;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public long getAge() {
            return age;
        }

        public void setAge(long age) {
            this.age = age;
        }
    }

    @Test
    void unionOfTwoFramesOfOneSourceReadsItOncePerBranch() {
        Dataset<Row> u = df.where(col("v").gt(1)).select("name").union(df.where(col("v").lt(2)).select("name"));
        assertEquals("[[b], [a]]", u.collectAsList().toString());
        assertEquals(6, df.union(df).count());
    }
}
