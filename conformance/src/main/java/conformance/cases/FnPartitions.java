package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;

import static io.tideway.sql.functions.*;

/**
 * The functions that read the partition a row comes from, over inputs of several partitions:
 * spark_partition_id, monotonically_increasing_id (the partition in its upper bits) and the seeded
 * random functions (one generator per partition, seeded with seed + partition index).
 */
public final class FnPartitions {
    private FnPartitions() {
    }

    @Case
    public static void rangeSlices(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 10, 1, 3).select(col("id"), spark_partition_id(),
                monotonically_increasing_id(), rand(7), randn(7));
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void rangeSqlText(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 6, 1, 2).selectExpr("id", "spark_partition_id() AS p",
                "monotonically_increasing_id() AS m", "rand(1) AS r", "randn(NULL) AS n", "uniform(0, 1000, 3) AS u");
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void filterByRandPerSlice(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 20, 1, 4).where(rand(11).lt(0.5))
                .select(col("id"), spark_partition_id().alias("p"));
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void unionOfRanges(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 4, 1, 2).union(ctx.spark().range(10, 14, 1, 2))
                .select(col("id"), spark_partition_id().alias("p"), monotonically_increasing_id().alias("m"));
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void groupByPartitionId(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 9, 1, 3).groupBy(spark_partition_id().alias("p"))
                .agg(count(lit(1)).alias("n"), min("id"), max("id"))
                .orderBy("p");
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void createDataFrameRows(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("s", DataTypes.StringType);
        List<Row> rows = List.of(RowFactory.create("a"), RowFactory.create("b"), RowFactory.create("c"),
                RowFactory.create("d"), RowFactory.create("e"));
        Dataset<Row> out = ctx.spark().createDataFrame(rows, schema).select(col("s"), spark_partition_id().alias("p"),
                monotonically_increasing_id().alias("m"), rand(7).alias("r"));
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void jsonFiles(CaseContext ctx) throws Exception {
        java.nio.file.Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"i\":1}", "{\"i\":2}", "{\"i\":3}");
        ctx.file(in, "2.json", "{\"i\":4}");
        Dataset<Row> out = ctx.spark().read().schema("i INT").json(in.toString())
                .select(col("i"), spark_partition_id().alias("p"), monotonically_increasing_id().alias("m"))
                .orderBy("i");
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void ratePartitionsToMemorySink(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate-micro-batch").option("rowsPerBatch", 6)
                .option("numPartitions", 3).load();
        StreamingQuery q = rate.select(col("value"), spark_partition_id().alias("p"),
                        rand(5).between(0.0, 1.0).alias("r"))
                .writeStream().format("memory").queryName("rate_partitions").outputMode("append")
                .trigger(Trigger.Once()).start();
        q.awaitTermination();
        ctx.rows(ctx.spark().sql("SELECT * FROM rate_partitions ORDER BY value").collectAsList());
    }

    @Case
    public static void sampleOverRandPerPartition(CaseContext ctx) throws Exception {
        ctx.rows(ctx.spark().range(0, 30, 1, 3).select(col("id"), rand(3).alias("r"), spark_partition_id().alias("p"))
                .sample(0.4, 7).collectAsList());
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(RowFactory.create("s" + i));
        }
        StructType schema = new StructType().add("s", DataTypes.StringType);
        ctx.rows(ctx.spark().createDataFrame(rows, schema).select(col("s"), rand(3).alias("r"), spark_partition_id().alias("p"))
                .sample(0.5, 7).collectAsList());
        Dataset<Row>[] parts = ctx.spark().range(0, 20, 1, 2).select(col("id"), rand(1).alias("r")).randomSplit(new double[] {1, 1}, 5);
        ctx.rows(parts[0].collectAsList());
        ctx.rows(parts[1].collectAsList());
    }

    @Case
    public static void randstrPerSlice(CaseContext ctx) throws Exception {
        ctx.rows(ctx.spark().range(0, 6, 1, 3).selectExpr("id", "randstr(6, 0) AS s", "spark_partition_id() AS p")
                .collectAsList());
    }

    @Case
    public static void seededUuidPerSlice(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 4, 1, 2).selectExpr("id", "uuid(7) AS u", "replace(uuid(7), '-', ' ') AS spaced",
                "uuid(7) = uuid(7) AS same", "uuid(-3)", "length(uuid()) AS n", "uuid(NULL) = uuid(NULL) AS unseeded");
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
        for (String bad : new String[] {"uuid(id)", "uuid('x')"}) {
            try {
                ctx.spark().range(1).selectExpr(bad).collectAsList();
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }

    @Case
    public static void seededShufflePerSlice(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 4, 1, 2).selectExpr("id", "shuffle(array(1, 2, 3, 4, 5), 7) AS s",
                "shuffle(array('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), 123456789012)",
                "size(shuffle(array(id), NULL)) AS n");
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
        for (String bad : new String[] {"shuffle(array(1), id)", "shuffle(array(1), 'x')", "shuffle(array(1), 1.5)"}) {
            try {
                ctx.spark().range(1).selectExpr(bad).collectAsList();
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }

    @Case
    public static void shuffleProperties(CaseContext ctx) throws Exception {
        Dataset<Row> out = ctx.spark().range(0, 4, 1, 2).select(col("id"),
                sort_array(shuffle(array(lit(3), lit(1), lit(2), lit(null).cast("int")))).alias("sorted"),
                size(shuffle(array(col("id"), lit(9L)))).alias("n"), shuffle(array(col("id"))),
                shuffle(lit(null).cast("array<string>")));
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
        Dataset<Row> sql = ctx.spark().range(0, 2, 1, 1).selectExpr("sort_array(shuffle(array('b', 'a')))",
                "shuffle(array())", "shuffle(NULL)");
        OpsData.fields(ctx, sql);
        ctx.rows(sql.collectAsList());
        try {
            ctx.spark().range(1).selectExpr("shuffle(1)").collectAsList();
        } catch (Exception e) {
            ctx.error(e);
        }
    }
}
