package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.rows;
import static conformance.cases.JoinsInput.run;

/**
 * {@code except}, {@code exceptAll}, {@code intersect}, {@code intersectAll} on static Datasets
 * (nulls equal, duplicates, widened column types, Spark's errors) and on streams, where Spark
 * refuses a streaming right side of {@code except} and any streaming {@code intersect} (issue 15).
 */
public final class OpsSetOps {
    private OpsSetOps() {
    }

    private static final StructType KV = new StructType()
            .add("k", DataTypes.IntegerType)
            .add("v", DataTypes.StringType);

    /** (1,a) twice, (2,b) three times, (null,c) twice, (3,null), (4,d). */
    private static Dataset<Row> left(CaseContext ctx) {
        return rows(ctx, KV, new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {1, "a"}, new Object[] {null, "c"},
                new Object[] {2, "b"}, new Object[] {3, null}, new Object[] {null, "c"}, new Object[] {2, "b"},
                new Object[] {4, "d"});
    }

    /** (2,b) twice, (null,c) once, (3,null), (5,e). */
    private static Dataset<Row> right(CaseContext ctx) {
        return rows(ctx, KV, new Object[] {2, "b"}, new Object[] {null, "c"}, new Object[] {3, null},
                new Object[] {2, "b"}, new Object[] {5, "e"});
    }

    private static void print(CaseContext ctx, String label, Dataset<Row> df) {
        ctx.println(label + " " + Arrays.toString(df.columns()) + " count=" + df.count());
        ctx.show(df);
    }

    @Case
    public static void exceptDistinct(CaseContext ctx) throws Exception {
        print(ctx, "except", left(ctx).except(right(ctx)));
        print(ctx, "right except left", right(ctx).except(left(ctx)));
    }

    @Case
    public static void exceptAllKeepsDuplicates(CaseContext ctx) throws Exception {
        print(ctx, "exceptAll", left(ctx).exceptAll(right(ctx)));
        print(ctx, "self exceptAll", left(ctx).exceptAll(left(ctx)));
    }

    @Case
    public static void intersectDistinct(CaseContext ctx) throws Exception {
        print(ctx, "intersect", left(ctx).intersect(right(ctx)));
        print(ctx, "self intersect", left(ctx).intersect(left(ctx)));
    }

    @Case
    public static void intersectAllKeepsDuplicates(CaseContext ctx) throws Exception {
        print(ctx, "intersectAll", left(ctx).intersectAll(right(ctx)));
        print(ctx, "self intersectAll", left(ctx).intersectAll(left(ctx)));
    }

    /** Columns keep the left side's names; the result's rows compose with other operations. */
    @Case
    public static void namesFromLeftAndChained(CaseContext ctx) throws Exception {
        Dataset<Row> renamed = right(ctx).toDF("key", "value");
        print(ctx, "except renamed", left(ctx).except(renamed));
        Dataset<Row> chained = left(ctx).intersectAll(right(ctx)).where("k > 1").union(left(ctx).except(right(ctx)));
        print(ctx, "chained", chained);
        print(ctx, "grouped", left(ctx).exceptAll(right(ctx)).groupBy("k").count());
    }

    /** An INT column against a BIGINT or a DOUBLE one is widened, as union does. */
    @Case
    public static void widenedTypes(CaseContext ctx) throws Exception {
        Dataset<Row> ints = ctx.spark().range(1, 6).selectExpr("CAST(id AS INT) AS n");
        Dataset<Row> longs = ctx.spark().range(3, 9).toDF("m");
        Dataset<Row> doubles = ctx.spark().range(2, 4).selectExpr("CAST(id AS DOUBLE) AS d");
        Dataset<Row> e = ints.except(longs);
        ctx.println(Arrays.toString(e.dtypes()));
        print(ctx, "int except bigint", e);
        Dataset<Row> i = ints.intersect(doubles);
        ctx.println(Arrays.toString(i.dtypes()));
        print(ctx, "int intersect double", i);
    }

    /** An intersection's column is nullable only when it is on both sides. */
    @Case
    public static void nullability(CaseContext ctx) throws Exception {
        Dataset<Row> nonNull = ctx.spark().range(0, 3).toDF("k");
        Dataset<Row> nullable = ctx.spark().range(0, 3).selectExpr("IF(id = 1, NULL, id) AS k");
        nullable.intersect(nonNull).printSchema();
        nullable.intersectAll(nonNull).printSchema();
        nullable.except(nonNull).printSchema();
        nonNull.exceptAll(nullable).printSchema();
    }

    @Case
    public static void columnCountMismatch(CaseContext ctx) throws Exception {
        Dataset<Row> one = left(ctx).select("k");
        for (String op : new String[] {"except", "exceptAll", "intersect", "intersectAll"}) {
            try {
                switch (op) {
                    case "except" -> left(ctx).except(one);
                    case "exceptAll" -> left(ctx).exceptAll(one);
                    case "intersect" -> left(ctx).intersect(one);
                    default -> left(ctx).intersectAll(one);
                }
                ctx.println(op + " accepted");
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }

    @Case
    public static void incompatibleColumnType(CaseContext ctx) throws Exception {
        Dataset<Row> flags = left(ctx).selectExpr("k", "v IS NULL AS v");
        Dataset<Row> arrays = left(ctx).selectExpr("array(k) AS k", "v");
        for (String op : new String[] {"except", "exceptAll", "intersect", "intersectAll"}) {
            try {
                switch (op) {
                    case "except" -> left(ctx).except(flags);
                    case "exceptAll" -> left(ctx).exceptAll(arrays);
                    case "intersect" -> left(ctx).intersect(arrays);
                    default -> left(ctx).intersectAll(flags);
                }
                ctx.println(op + " accepted");
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }

    private static Dataset<Row> stream(CaseContext ctx) throws Exception {
        return csv(ctx, "in", "k INT, v STRING", batch("1,a", "2,b", "2,b"), batch("3,x", "4,d"));
    }

    @Case
    public static void streamingExceptOnRightRefused(CaseContext ctx) throws Exception {
        refused(ctx, left(ctx).except(stream(ctx)), "append");
    }

    @Case
    public static void streamingIntersectRefused(CaseContext ctx) throws Exception {
        refused(ctx, stream(ctx).intersect(right(ctx)), "append");
        refused(ctx, left(ctx).intersectAll(stream(ctx)), "append");
    }

    @Case
    public static void streamingExceptAllOnRightRefused(CaseContext ctx) throws Exception {
        refused(ctx, left(ctx).exceptAll(stream(ctx)), "append");
    }

    /** A streaming left side against a static right side: Spark's checker lets it through. */
    @Case
    public static void streamingExceptStaticRight(CaseContext ctx) throws Exception {
        try {
            run(ctx, stream(ctx).except(right(ctx)), "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void batchActionOnStreamingExcept(CaseContext ctx) throws Exception {
        stream(ctx).except(right(ctx)).collectAsList();
    }
}
