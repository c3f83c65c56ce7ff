package io.tideway.sql;

import io.tideway.storage.StorageLevel;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** Dataset operations on static Datasets; expected rows are what Spark 4.0.4 printed for the same program. */
class DatasetOperationsTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("id", "int").add("name", "string").add("v", "double");
    private final Dataset<Row> df = spark.createDataFrame(List.of(
            RowFactory.create(3, "c", 1.5), RowFactory.create(1, "a", null),
            RowFactory.create(2, null, 2.5), RowFactory.create(1, "a", null)), schema);
    private final Dataset<Row> other = spark.createDataFrame(List.of(RowFactory.create(1, "x"), RowFactory.create(4, "y")),
            new StructType().add("id", "int").add("w", "string"));

    private static String rows(Dataset<Row> d) {
        return d.collectAsList().toString();
    }

    @Test
    void orderBySortsByColumnsDirectionsAndNulls() {
        assertEquals("[[3,c,1.5], [2,null,2.5], [1,a,null], [1,a,null]]", rows(df.orderBy(col("id").desc(), col("name"))));
        assertEquals("[[1,a,null], [1,a,null], [2,null,2.5], [3,c,1.5]]", rows(df.orderBy("id", "name")));
        assertEquals("[[2,null,2.5], [1,a,null], [1,a,null], [3,c,1.5]]", rows(df.sort(col("name").asc_nulls_first())));
        assertEquals("[[1,a,null], [1,a,null], [3,c,1.5], [2,null,2.5]]", rows(df.sort(col("id").plus(col("v")).desc_nulls_first())));
        assertArrayEquals(new String[] {"id", "name", "v"}, df.sort(col("id").plus(col("v"))).columns());
        assertEquals("[[c], [a], [a]]", rows(df.select("name").where("id > 0").orderBy(col("id").desc()).where("name is not null")));
    }

    @Test
    void limitKeepsTheFirstRowsAndRefusesANegativeCount() {
        assertEquals("[[3,c,1.5], [1,a,null]]", rows(df.limit(2)));
        assertEquals("[[1,a,null]]", rows(df.orderBy("id").limit(1)));
        assertEquals(0, df.limit(0).count());
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.limit(-1));
        assertTrue(e.getMessage().startsWith("[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression \"-1\" is "
                + "invalid. The limit expression must be equal to or greater than 0, but got -1. SQLSTATE: 42K0E;\n"
                + "GlobalLimit -1\n+- LocalLimit -1\n"), e.getMessage());
    }

    @Test
    void distinctDropsRepeatedRows() {
        assertEquals("[[1,a,null], [2,null,2.5], [3,c,1.5]]", rows(df.distinct().orderBy("id")));
        assertEquals(3, df.distinct().count());
    }

    @Test
    void joinOverloadsMatchSpark() {
        assertEquals("[[1,a,null,x], [1,a,null,x]]", rows(df.join(other, "id")));
        assertEquals("[[1,a,null,x], [1,a,null,x]]", rows(df.join(other, new String[] {"id"})));
        assertEquals("[[1,a,null,x], [1,a,null,x], [2,null,2.5,null], [3,c,1.5,null]]",
                rows(df.join(other, "id", "left_outer").orderBy("id")));
        Dataset<Row> all = df.join(other);
        assertArrayEquals(new String[] {"id", "name", "v", "id", "w"}, all.columns());
        assertEquals(8, all.count());
        assertEquals("[1,a,null,1,x]", all.orderBy(df.col("id"), other.col("id")).first().toString());
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.join(other, "id", "sideways"));
        assertEquals("UNSUPPORTED_JOIN_TYPE", e.getCondition());
    }

    @Test
    void aliasesQualifyColumnNames() {
        Dataset<Row> joined = df.as("a").join(other.alias("b"), col("a.id").equalTo(col("b.id")));
        assertEquals("[[1,x,a], [1,x,a]]", rows(joined.select("a.id", "b.w", "a.name")));
        assertEquals("[[1,x], [1,x]]", rows(joined.select("b.*")));
        assertEquals("[[1,a,null], [1,a,null]]", rows(joined.select(col("a.*"))));
        assertEquals(2, joined.where(joined.col("b.w").equalTo("x")).count());
        assertEquals("[[3], [2], [1], [1]]", rows(df.as("t").select("t.id").orderBy(col("t.id").desc())));
        assertThrows(AnalysisException.class, () -> df.as("a").select("c.id"));
    }

    @Test
    void unionByNameMatchesColumnsByName() {
        Dataset<Row> left = df.select("name", "id");
        assertEquals("[[c,3], [a,1], [null,2], [a,1], [c,3], [a,1], [null,2], [a,1]]", rows(left.unionByName(df.select("id", "name"))));
        AnalysisException e = assertThrows(AnalysisException.class, () -> left.unionByName(df.select("id")));
        assertEquals("Cannot resolve column name \"name\" among (id).", e.getMessage());
        Dataset<Row> widened = left.unionByName(df.select("id", "v"), true);
        assertArrayEquals(new String[] {"name", "id", "v"}, widened.columns());
        assertEquals("[[c,3,null], [a,1,null], [null,2,null], [a,1,null], [null,3,1.5], [null,1,null], [null,2,2.5], "
                + "[null,1,null]]", rows(widened));
    }

    @Test
    void withColumnsAndWithColumnsRenamed() {
        Map<String, Column> add = new LinkedHashMap<>();
        add.put("x", col("id").plus(1));
        add.put("id", lit(0));
        Dataset<Row> added = df.withColumns(add);
        assertArrayEquals(new String[] {"id", "name", "v", "x"}, added.columns());
        assertEquals("[0,c,1.5,4]", added.first().toString());
        Map<String, Column> dup = new LinkedHashMap<>();
        dup.put("x", lit(1));
        dup.put("X", lit(2));
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.withColumns(dup));
        assertEquals("[COLUMN_ALREADY_EXISTS] The column `x` already exists. Choose another name or rename the existing "
                + "column. SQLSTATE: 42711", e.getMessage());
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("id", "ident");
        renames.put("nope", "z");
        renames.put("v", "value");
        assertArrayEquals(new String[] {"ident", "name", "value"}, df.withColumnsRenamed(renames).columns());
        // Spark 4.0.4 lets a rename leave two columns of one name (conformance: OpsDataset.withColumnsAndRenamedMaps)
        assertArrayEquals(new String[] {"name", "name", "v"}, df.withColumnsRenamed(Map.of("id", "name")).columns());
    }

    @Test
    void describeAndSummaryPrintSparksStatistics() {
        assertEquals("[[count,4,3,2], [mean,1.75,null,2.0], [stddev,0.9574271077563381,null,0.7071067811865476], "
                + "[min,1,a,1.5], [max,3,c,2.5]]", rows(df.describe()));
        assertArrayEquals(new String[] {"summary", "id", "name"}, df.describe("id", "name").columns());
        assertEquals("[[count,4,3,2], [mean,1.75,null,2.0], [stddev,0.9574271077563381,null,0.7071067811865476], "
                + "[min,1,a,1.5], [25%,1,null,1.5], [50%,1,null,1.5], [75%,2,null,2.5], [max,3,c,2.5]]", rows(df.summary()));
        assertEquals("[[count,4,3,2], [min,1,a,1.5], [50%,1,null,1.5], [max,3,c,2.5]]",
                rows(df.summary("count", "min", "50%", "max")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> df.summary("foo"));
        assertTrue(e.getMessage().startsWith("[UNRECOGNIZED_STATISTIC] The statistic 'foo' is not recognized."));
        assertEquals("root\n |-- summary: string (nullable = true)\n |-- id: string (nullable = true)\n"
                + " |-- name: string (nullable = true)\n |-- v: string (nullable = true)\n", df.describe().schema().treeString());
    }

    @Test
    void cachingPartitioningAndHintsAreAccepted() {
        assertEquals(4, df.cache().persist().persist(StorageLevel.MEMORY_AND_DISK()).unpersist().unpersist(true).count());
        assertEquals(4, df.repartition(3).coalesce(1).repartition(col("id")).repartition(2, col("id")).hint("broadcast").count());
        assertEquals(4, df.hint("foo", 1).count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> df.repartition(0));
        assertEquals("requirement failed: Number of partitions (0) must be positive.", e.getMessage());
    }

    @Test
    void rangeAndEmptyDataFrame() {
        Dataset<Long> r = spark.range(5);
        assertArrayEquals(new String[] {"id"}, r.columns());
        assertEquals("root\n |-- id: long (nullable = false)\n", r.schema().treeString());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), r.collectAsList());
        assertEquals(List.of(10L, 7L, 4L, 1L), spark.range(10, 0, -3).collectAsList());
        assertEquals(10_000L, spark.range(0, 20_000, 2, 4).count());
        assertEquals("[[9999], [9998]]", rows(spark.range(10_000).toDF().orderBy(col("id").desc()).limit(2)));
        assertEquals(List.of(Long.MAX_VALUE - 1), spark.range(Long.MAX_VALUE - 1, Long.MAX_VALUE).collectAsList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spark.range(0, 10, 0));
        assertEquals("requirement failed: step (0) cannot be 0", e.getMessage());
        assertEquals(0, spark.emptyDataFrame().count());
        assertEquals(0, spark.emptyDataFrame().columns().length);
    }
}
