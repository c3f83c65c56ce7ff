package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
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
import static io.tideway.sql.functions.col;

/**
 * Dataset methods of Spark's Java API beyond the common ones: {@code offset}, {@code
 * sortWithinPartitions}, {@code isLocal}, {@code unpivot}/{@code melt}, on static Datasets and
 * streams (issue 15).
 */
public final class OpsDatasetMore {
    private OpsDatasetMore() {
    }

    private static final StructType SCORES = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("name", DataTypes.StringType)
            .add("math", DataTypes.IntegerType)
            .add("art", DataTypes.LongType);

    private static Dataset<Row> scores(CaseContext ctx) {
        return rows(ctx, SCORES, new Object[] {1, "ann", 90, 70L}, new Object[] {2, "bob", null, 85L},
                new Object[] {3, "cid", 60, null});
    }

    private static void ordered(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + " " + Arrays.toString(df.columns()));
        for (Object r : df.collectAsList()) {
            ctx.println(r);
        }
    }

    @Case
    public static void offsetSkipsRows(CaseContext ctx) throws Exception {
        Dataset<Row> sorted = ctx.spark().range(0, 10).toDF("n").orderBy(col("n").desc());
        ordered(ctx, "offset(3)", sorted.offset(3));
        ordered(ctx, "limit(5).offset(2)", sorted.limit(5).offset(2));
        ordered(ctx, "offset(2).limit(3)", sorted.offset(2).limit(3));
        ctx.println("offset(20) count=" + sorted.offset(20).count());
        ctx.println("offset(0) count=" + sorted.offset(0).count());
    }

    @Case
    public static void offsetNegative(CaseContext ctx) throws Exception {
        try {
            ctx.spark().range(0, 3).offset(-1);
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void offsetOnStreamRefused(CaseContext ctx) throws Exception {
        Dataset<Row> s = csv(ctx, "in", "k INT, v STRING", batch("1,a", "2,b"));
        refused(ctx, s.offset(1), "append");
    }

    /** One partition (after coalesce(1)): sorting within it orders the whole Dataset. */
    @Case
    public static void sortWithinPartitionsOnePartition(CaseContext ctx) throws Exception {
        Dataset<Row> s = scores(ctx).coalesce(1);
        ordered(ctx, "by name desc", s.sortWithinPartitions(col("name").desc()));
        ordered(ctx, "by math", s.sortWithinPartitions("math", "id"));
    }

    @Case
    public static void sortWithinPartitionsOnStreamRefused(CaseContext ctx) throws Exception {
        Dataset<Row> s = csv(ctx, "in", "k INT, v STRING", batch("1,a", "2,b"));
        refused(ctx, s.sortWithinPartitions("k"), "append");
    }

    @Case
    public static void isLocal(CaseContext ctx) throws Exception {
        ctx.println("createDataFrame " + scores(ctx).isLocal());
        ctx.println("range " + ctx.spark().range(3).isLocal());
        ctx.println("select " + scores(ctx).select("id").isLocal());
    }

    @Case
    public static void unpivotValues(CaseContext ctx) throws Exception {
        Dataset<Row> u = scores(ctx).unpivot(new Column[] {col("id")}, new Column[] {col("math"), col("art")},
                "subject", "score");
        ctx.println(Arrays.toString(u.dtypes()));
        ordered(ctx, "unpivot", u);
    }

    @Case
    public static void unpivotAllOtherColumns(CaseContext ctx) throws Exception {
        Dataset<Row> u = scores(ctx).drop("name").unpivot(new Column[] {col("id")}, "subject", "score");
        ctx.println(Arrays.toString(u.dtypes()));
        ordered(ctx, "unpivot", u);
        Dataset<Row> m = scores(ctx).melt(new Column[] {col("id"), col("name")}, new Column[] {col("art")}, "k", "v");
        ordered(ctx, "melt", m);
        ordered(ctx, "melt all", scores(ctx).select("id", "math").melt(new Column[] {col("id")}, "k", "v"));
    }

    @Case
    public static void unpivotErrors(CaseContext ctx) throws Exception {
        try {
            scores(ctx).unpivot(new Column[] {col("id")}, new Column[] {col("name"), col("math")}, "k", "v");
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            scores(ctx).select("id").unpivot(new Column[] {col("id")}, "k", "v");
            ctx.println("accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void unpivotOnStream(CaseContext ctx) throws Exception {
        Dataset<Row> s = csv(ctx, "in", "k INT, a INT, b INT", batch("1,10,11", "2,20,21"), batch("3,30,31"));
        run(ctx, s.unpivot(new Column[] {col("k")}, "col", "val"), "append");
    }

    @Case
    public static void colRegexSelects(CaseContext ctx) throws Exception {
        Dataset<Row> s = scores(ctx);
        ordered(ctx, "`m.*|a.*`", s.select(s.colRegex("`m.*|a.*`")));
        ordered(ctx, "`ID|NAME`", s.select(s.colRegex("`ID|NAME`")));
        ordered(ctx, "id plain", s.select(s.colRegex("id"), s.colRegex("`x.*`")));
        Dataset<Row> t = s.as("t");
        ordered(ctx, "t.`.*a.*`", t.select(t.colRegex("t.`.*a.*`")));
    }
}
