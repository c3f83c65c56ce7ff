package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;

import static conformance.cases.JoinsInput.rows;

/**
 * {@code sample} and {@code randomSplit} with a seed pick Spark's rows: Spark draws per partition
 * from its XORShiftRandom seeded {@code seed + partition}, so the cases use ranges with explicit
 * partitions and local relations, whose partitions Tideway cuts as Spark (issue 15).
 */
public final class OpsSample {
    private OpsSample() {
    }

    private static void print(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.collectAsList());
    }

    @Case
    public static void sampleRange(CaseContext ctx) throws Exception {
        print(ctx, "range(0,40,1,1) 0.3 seed 7", ctx.spark().range(0, 40, 1, 1).sample(0.3, 7));
        print(ctx, "range(0,40,1,3) 0.3 seed 7", ctx.spark().range(0, 40, 1, 3).sample(0.3, 7));
        print(ctx, "range(0,40,1,2) 0.5 seed 42", ctx.spark().range(0, 40, 1, 2).sample(false, 0.5, 42));
        print(ctx, "range(0,20,1,2) 0.0", ctx.spark().range(0, 20, 1, 2).sample(0.0, 1));
        print(ctx, "range(0,20,1,2) 1.0", ctx.spark().range(0, 20, 1, 2).sample(1.0, 1));
    }

    @Case
    public static void sampleAfterProjectAndFilter(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(0, 60, 1, 2).selectExpr("id", "id * 2 AS twice").where("id % 3 <> 0");
        print(ctx, "filtered", df.sample(0.4, 11));
    }

    @Case
    public static void sampleLocalRelation(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("v", DataTypes.StringType);
        Object[][] data = new Object[15][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new Object[] {i, "v" + i};
        }
        print(ctx, "local 0.5 seed 3", rows(ctx, schema, data).sample(0.5, 3));
    }

    @Case
    public static void sampleFractionOutOfRange(CaseContext ctx) throws Exception {
        try {
            ctx.spark().range(10).sample(1.5, 1);
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            ctx.spark().range(10).sample(-0.1, 1);
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void randomSplitRange(CaseContext ctx) throws Exception {
        Dataset<Row>[] parts = ctx.spark().range(0, 30, 1, 2).toDF("n").randomSplit(new double[] {1, 2}, 5);
        for (Dataset<Row> p : parts) {
            print(ctx, "split", p);
        }
        List<Dataset<Row>> list = ctx.spark().range(0, 30, 1, 3).toDF("n").randomSplitAsList(new double[] {0.2, 0.3, 0.5}, 9);
        for (Dataset<Row> p : list) {
            print(ctx, "list split", p);
        }
    }

    /** randomSplit sorts each partition first: an unsorted local relation splits by its sorted rows. */
    @Case
    public static void randomSplitSortsPartitions(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("v", DataTypes.StringType);
        Object[][] data = new Object[12][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new Object[] {(i * 7) % 12, i % 2 == 0 ? null : "s" + i};
        }
        for (Dataset<Row> p : rows(ctx, schema, data).randomSplit(new double[] {0.5, 0.5}, 21)) {
            print(ctx, "split", p);
        }
    }

    @Case
    public static void randomSplitBadWeights(CaseContext ctx) throws Exception {
        try {
            ctx.spark().range(10).randomSplit(new double[] {0.5, -1}, 1);
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            ctx.spark().range(10).randomSplit(new double[] {0, 0}, 1);
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** Spark samples a stream batch by batch (each batch's partitions drawn with seed + partition). */
    @Case
    public static void sampleStream(CaseContext ctx) throws Exception {
        Dataset<Row> s = JoinsInput.csv(ctx, "in", "k INT", JoinsInput.batch("1", "2", "3", "4"), JoinsInput.batch("5", "6"));
        try {
            JoinsInput.run(ctx, s.sample(1.0, 3), "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }
}
