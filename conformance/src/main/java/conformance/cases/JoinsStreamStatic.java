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

/**
 * The guide's stream-static joins: every join type the support matrix accepts with a stream on
 * one side and a static DataFrame on the other, run over three batches (stateless: each batch's
 * rows are joined with the whole static table, and only with it). The stream is
 * {@link JoinsInput#events} ({@code id, v}; ids 5, 6 and null have no static row), the static side
 * {@link JoinsInput#names} ({@code id, name}; id 7 has no stream row).
 */
public final class JoinsStreamStatic {
    private JoinsStreamStatic() {
    }

    /** The guide's {@code streamingDf.join(staticDf, "type")}: an inner equi-join on a using column. */
    @Case
    public static void innerUsingColumn(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), "id");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    @Case
    public static void innerOnColumnCondition(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    @Case
    public static void innerUsingColumnArrayWithJoinType(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), new String[] {"id"}, "inner");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** Stream rows without a static match (ids 5, 6, null) come out with a null name, in their own batch. */
    @Case
    public static void leftOuterUsingColumnArray(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), new String[] {"id"}, "left_outer");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    @Case
    public static void leftOuterOnColumnCondition(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")), "left");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** {@code leftouter}, {@code left} and {@code left_outer} name the same join. */
    @Case
    public static void leftOuterJoinTypeSpellings(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, new String[] {"id"}, "leftouter");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** Left semi: the stream's rows that have a static match, with the stream's columns only. */
    @Case
    public static void leftSemi(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")), "left_semi");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** Left anti: the stream's rows without a static match (the null id included). */
    @Case
    public static void leftAnti(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")), "left_anti");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    @Case
    public static void leftAntiUsingColumn(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), new String[] {"id"}, "anti");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** {@code crossJoin}: every stream row with every static row. */
    @Case
    public static void crossJoin(CaseContext ctx) throws Exception {
        Dataset<Row> stream = csv(ctx, "events", "id INT, v STRING", batch("1,a"), batch("2,b", "3,c"));
        StructType schema = new StructType().add("k", DataTypes.StringType);
        Dataset<Row> joined = stream.crossJoin(rows(ctx, schema, new Object[] {"x"}, new Object[] {"y"}));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** Join type {@code cross} with a condition joins as an inner join. */
    @Case
    public static void crossJoinTypeWithCondition(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = stream.join(names, stream.col("id").equalTo(names.col("id")), "cross");
        run(ctx, joined, "append");
    }

    /** Static on the left, stream on the right: inner. */
    @Case
    public static void staticLeftInner(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = names.join(stream, names.col("id").equalTo(stream.col("id")));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** Static on the left, stream on the right: right outer keeps every stream row. */
    @Case
    public static void staticLeftRightOuter(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        Dataset<Row> joined = names.join(stream, names.col("id").equalTo(stream.col("id")), "right_outer");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** The guide's {@code join(staticDf, "type", "right_join")} spelt as Spark accepts it: the using column comes from the right (the stream). */
    @Case
    public static void staticLeftRightOuterUsingColumn(CaseContext ctx) throws Exception {
        Dataset<Row> joined = names(ctx).join(events(ctx), new String[] {"id"}, "right");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** A condition that is not an equality (a band join) with a static table. */
    @Case
    public static void innerOnRangeCondition(CaseContext ctx) throws Exception {
        Dataset<Row> stream = csv(ctx, "events", "id INT, score INT", batch("1,5", "2,15"), batch("3,25", "4,95"));
        StructType schema = new StructType().add("grade", DataTypes.StringType)
                .add("lo", DataTypes.IntegerType).add("hi", DataTypes.IntegerType);
        Dataset<Row> grades = rows(ctx, schema, new Object[] {"low", 0, 10}, new Object[] {"mid", 10, 20},
                new Object[] {"any", 0, 100});
        Dataset<Row> joined = stream.join(grades,
                stream.col("score").geq(grades.col("lo")).and(stream.col("score").lt(grades.col("hi"))));
        run(ctx, joined, "append");
    }

    /** A join on two using columns with a join type. */
    @Case
    public static void leftOuterOnTwoUsingColumns(CaseContext ctx) throws Exception {
        Dataset<Row> stream = csv(ctx, "events", "k1 STRING, k2 INT, v STRING",
                batch("a,1,x", "a,2,y"), batch("b,1,z", "a,1,w"));
        StructType schema = new StructType().add("k2", DataTypes.IntegerType).add("k1", DataTypes.StringType)
                .add("label", DataTypes.StringType);
        Dataset<Row> labels = rows(ctx, schema, new Object[] {1, "a", "a-one"}, new Object[] {1, "b", "b-one"});
        Dataset<Row> joined = stream.join(labels, new String[] {"k1", "k2"}, "left_outer");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** A static key matching several static rows gives one output row per match. */
    @Case
    public static void innerDuplicateStaticKeys(CaseContext ctx) throws Exception {
        Dataset<Row> stream = csv(ctx, "events", "id INT, v STRING", batch("1,a"), batch("2,b", "1,c"));
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("tag", DataTypes.StringType);
        Dataset<Row> tags = rows(ctx, schema, new Object[] {1, "t1"}, new Object[] {1, "t2"}, new Object[] {2, "t3"},
                new Object[] {null, "tnull"});
        run(ctx, stream.join(tags, "id"), "append");
    }

    /** Joins chain: stream with one static table, then with another. */
    @Case
    public static void chainedJoins(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("name", DataTypes.StringType).add("lang", DataTypes.StringType);
        Dataset<Row> langs = rows(ctx, schema, new Object[] {"one", "en"}, new Object[] {"two", "en"},
                new Object[] {"three", "en"});
        Dataset<Row> joined = events(ctx).join(names(ctx), "id").join(langs, new String[] {"name"}, "left_outer");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** The matrix's static-static row: any join of two static tables may sit inside a streaming query. */
    @Case
    public static void staticStaticFullOuterInsideStreamingQuery(CaseContext ctx) throws Exception {
        StructType a = new StructType().add("id", DataTypes.IntegerType).add("x", DataTypes.StringType);
        StructType b = new StructType().add("id2", DataTypes.IntegerType).add("y", DataTypes.StringType);
        Dataset<Row> left = rows(ctx, a, new Object[] {1, "x1"}, new Object[] {2, "x2"});
        Dataset<Row> right = rows(ctx, b, new Object[] {2, "y2"}, new Object[] {3, "y3"});
        Dataset<Row> both = left.join(right, left.col("id").equalTo(right.col("id2")), "full_outer");
        Dataset<Row> stream = csv(ctx, "events", "n INT", batch("1"), batch("2"));
        run(ctx, stream.crossJoin(both), "append");
    }

    /** A full outer join of two static tables on a using column (the key is coalesced from both sides), joined to a stream. */
    @Case
    public static void staticStaticFullOuterUsingColumnInsideStreamingQuery(CaseContext ctx) throws Exception {
        StructType a = new StructType().add("id", DataTypes.IntegerType).add("x", DataTypes.StringType);
        StructType b = new StructType().add("id", DataTypes.IntegerType).add("y", DataTypes.StringType);
        Dataset<Row> left = rows(ctx, a, new Object[] {1, "x1"}, new Object[] {2, "x2"});
        Dataset<Row> right = rows(ctx, b, new Object[] {2, "y2"}, new Object[] {3, "y3"});
        Dataset<Row> both = left.join(right, new String[] {"id"}, "full_outer");
        columns(ctx, both);
        Dataset<Row> stream = csv(ctx, "events", "id INT, v STRING", batch("1,a", "3,c"), batch("2,b", "4,d"));
        run(ctx, stream.join(both, "id"), "append");
    }

    /** A streaming aggregation over the result of a stream-static join, in update mode. */
    @Case
    public static void aggregationAfterJoinUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> joined = events(ctx).join(names(ctx), new String[] {"id"}, "left_outer");
        run(ctx, joined.groupBy("name").count(), "update");
    }

    /** Update output mode for a stream-static join without aggregation acts as append. */
    @Case
    public static void innerUpdateMode(CaseContext ctx) throws Exception {
        run(ctx, events(ctx).join(names(ctx), "id"), "update");
    }
}
