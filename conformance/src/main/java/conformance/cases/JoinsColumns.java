package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.columns;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.events;
import static conformance.cases.JoinsInput.names;
import static conformance.cases.JoinsInput.rows;
import static conformance.cases.JoinsInput.run;
import static io.tideway.sql.functions.col;

/**
 * What the columns of a join are called and how a user picks them: both sides' columns keep
 * their names (so a condition join on {@code id} has two {@code id} columns), a using column
 * appears once, a bare name that both sides have is ambiguous, and {@code df.col(name)} picks a
 * side; outer joins make the padded side's columns nullable.
 */
public final class JoinsColumns {
    private JoinsColumns() {
    }

    @Case
    public static void duplicateNamesSchema(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")));
        columns(ctx, joined);
        ctx.println(joined.toString());
    }

    /** Selecting a name both sides have is ambiguous. */
    @Case
    public static void selectAmbiguousName(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")));
        joined.select("id");
    }

    /** {@code df.col(name)} of each input picks its side of the join. */
    @Case
    public static void selectBySideAfterJoin(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")), "left_outer")
                .select(names.col("id").as("static_id"), stream.col("id"), col("v"), col("name"));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** After a using-column join the key is one unambiguous column. */
    @Case
    public static void selectUsingColumnAfterJoin(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), "id").select("name", "id");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** A filter on a static column and a derived column after the join. */
    @Case
    public static void filterAndWithColumnAfterJoin(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), "id")
                .where(col("name").notEqual("two"))
                .withColumn("twice", col("id").multiply(2));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** Columns renamed before the join keep both sides apart. */
    @Case
    public static void renameBeforeJoin(CaseContext ctx) throws Exception {
        Dataset<Row> names = names(ctx).withColumnRenamed("id", "nid");
        Dataset<Row> joined = events(ctx).join(names, col("id").equalTo(col("nid")));
        columns(ctx, joined);
        run(ctx, joined.select("id", "nid", "name"), "append");
    }

    /** A left outer join makes the static side's non-nullable columns nullable. */
    @Case
    public static void leftOuterMakesStaticSideNullable(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false).add("name", DataTypes.StringType, false);
        Dataset<Row> names = rows(ctx, schema, new Object[] {1, "one"});
        Dataset<Row> stream = csv(ctx, "events", "id INT, v STRING", batch("1,a", "2,b"));
        ctx.println("inner:");
        ctx.println(stream.join(names, "id").schema().treeString());
        ctx.println("left_outer:");
        ctx.println(stream.join(names, new String[] {"id"}, "left_outer").schema().treeString());
        ctx.println("left_semi:");
        ctx.println(stream.join(names, new String[] {"id"}, "left_semi").schema().treeString());
    }

    /** A using column that one side lacks. */
    @Case
    public static void usingColumnMissingOnRight(CaseContext ctx) throws Exception {
        events(ctx).join(names(ctx), "v");
    }

    /** The two sides of a stream-stream join with the same column names. */
    @Case
    public static void streamStreamSameNames(CaseContext ctx) throws Exception {
        Dataset<Row> left = csv(ctx, "left", "id INT, v STRING", batch("1,a", "2,b"), batch("3,c"));
        Dataset<Row> right = csv(ctx, "right", "id INT, v STRING", batch("1,x"), batch("2,y", "3,z"));
        Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("id")))
                .select(left.col("id"), left.col("v").as("lv"), right.col("v").as("rv"));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }
}
