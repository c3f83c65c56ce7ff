package conformance.cases;

import conformance.Case;
import conformance.Canonical;
import conformance.CaseContext;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.length;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.upper;

/** Operations on static Datasets (sort, limit, distinct, joins, unions, columns, aliases, describe), the session's range, version and conf (issue 15). */
public final class OpsDataset {
    private OpsDataset() {
    }

    private static final StructType PEOPLE = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("name", DataTypes.StringType)
            .add("age", DataTypes.IntegerType)
            .add("dept", DataTypes.StringType);

    private static final StructType DEPTS = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("dept", DataTypes.StringType)
            .add("floor", DataTypes.IntegerType);

    private static Dataset<Row> people(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, "ann", 30, "eng"),
                RowFactory.create(2, "bob", null, "ops"),
                RowFactory.create(3, "cid", 25, "eng"),
                RowFactory.create(4, "dee", 30, null),
                RowFactory.create(5, "eve", 41, "ops")), PEOPLE);
    }

    /** Keyed by person id: 1, 3 and 6 (6 has no person; 2, 4, 5 have no row here). */
    private static Dataset<Row> floors(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, "eng", 3),
                RowFactory.create(3, "eng", 4),
                RowFactory.create(6, "hr", 1)), DEPTS);
    }

    /** Prints the columns then the rows in the order the Dataset returns them. */
    private static void ordered(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + " " + Arrays.toString(df.columns()));
        for (Object r : df.collectAsList()) {
            ctx.println(r);
        }
    }

    /** Prints the columns then the rows sorted. */
    private static void sorted(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + " " + Arrays.toString(df.columns()));
        ctx.show(df);
    }

    @Case
    public static void orderByAscDesc(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        ordered(ctx, "orderBy(age desc, id asc)", p.orderBy(col("age").desc(), col("id").asc()));
        ordered(ctx, "sort(\"name\")", p.sort("name"));
        ordered(ctx, "orderBy(\"dept\", \"id\")", p.orderBy("dept", "id"));
        ordered(ctx, "sort(dept desc, name desc)", p.sort(col("dept").desc(), col("name").desc()));
    }

    @Case
    public static void orderByNullsFirstLast(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        ordered(ctx, "age asc_nulls_last", p.orderBy(col("age").asc_nulls_last(), col("id")));
        ordered(ctx, "age desc_nulls_first", p.orderBy(col("age").desc_nulls_first(), col("id")));
        ordered(ctx, "age asc (nulls first)", p.orderBy(col("age").asc(), col("id")));
        ordered(ctx, "dept desc (nulls last)", p.orderBy(col("dept").desc(), col("id")));
    }

    @Case
    public static void orderByExpressionKeys(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        ordered(ctx, "age % 10, id desc", p.orderBy(expr("age % 10"), col("id").desc()));
        ordered(ctx, "length(name) desc, upper(name)", p.select("name").orderBy(length(col("name")).desc(), upper(col("name"))));
        ordered(ctx, "id * -1", p.select("id", "name").orderBy(col("id").multiply(-1)));
    }

    @Case
    public static void orderByColumnDroppedBelow(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        ordered(ctx, "select(name).orderBy(id desc)", p.select("name").orderBy(col("id").desc()));
        ordered(ctx, "select(name, dept).sort(age, id)", p.select("name", "dept").sort(col("age").asc_nulls_last(), col("id")));
        ordered(ctx, "where(age > 26).select(name).orderBy(\"id\")", p.where("age > 26").select("name").orderBy("id"));
    }

    @Case
    public static void limitOnStaticData(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        ordered(ctx, "orderBy(id).limit(2)", p.orderBy("id").limit(2));
        ordered(ctx, "orderBy(id desc).limit(10)", p.orderBy(col("id").desc()).limit(10));
        ctx.println("limit(0).count: " + p.limit(0).count());
        ctx.println("limit(3).count: " + p.limit(3).count());
        ordered(ctx, "where(id = 3).limit(1)", p.where("id = 3").limit(1));
        try {
            ctx.println("limit(-1).count: " + p.limit(-1).count());
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void distinctAndDropDuplicates(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        Dataset<Row> twice = p.union(p);
        ctx.println("union count: " + twice.count());
        sorted(ctx, "distinct", twice.distinct());
        sorted(ctx, "dropDuplicates()", twice.dropDuplicates());
        sorted(ctx, "select(dept, age).distinct", p.select("dept", "age").distinct());
        sorted(ctx, "dropDuplicates(\"dept\").select(dept)", p.dropDuplicates("dept").select("dept"));
        sorted(ctx, "dropDuplicates(age, dept).select(age, dept)", twice.dropDuplicates(new String[] {"age", "dept"}).select("age", "dept"));
        ctx.println("dropDuplicates(age).count: " + p.dropDuplicates("age").count());
    }

    @Case
    public static void joinOverloads(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).select("id", "name");
        Dataset<Row> f = floors(ctx).select("id", "floor");
        sorted(ctx, "join(right)", p.where("id < 3").join(f.where("id < 6")));
        sorted(ctx, "join(right, \"id\")", p.join(f, "id"));
        sorted(ctx, "join(right, String[]{id})", p.join(f, new String[] {"id"}));
        sorted(ctx, "join(right, String[]{id}, left_outer)", p.join(f, new String[] {"id"}, "left_outer"));
        sorted(ctx, "join(right, \"id\", right_outer)", p.join(f, "id", "right_outer"));
        sorted(ctx, "join(right, id = id)", p.join(f, p.col("id").equalTo(f.col("id"))));
    }

    @Case
    public static void joinTypesUsingColumn(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).select("id", "name");
        Dataset<Row> f = floors(ctx).select("id", "floor");
        for (String type : new String[] {"inner", "left_outer", "left", "right_outer", "right",
            "left_semi", "semi", "left_anti", "anti", "leftouter", "RIGHT_OUTER"}) {
            sorted(ctx, type, p.join(f, new String[] {"id"}, type));
        }
    }

    @Case
    public static void joinTypesOnCondition(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).select("id", "name");
        Dataset<Row> f = floors(ctx).select("id", "floor");
        Column on = p.col("id").equalTo(f.col("id"));
        for (String type : new String[] {"inner", "left_outer", "right_outer", "left_semi", "left_anti", "cross"}) {
            sorted(ctx, type, p.join(f, on, type));
        }
    }

    @Case
    public static void joinFullOuter(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).select("id", "name");
        Dataset<Row> f = floors(ctx).select("id", "floor");
        for (String type : new String[] {"full_outer", "outer", "full", "fullouter", "FULL_OUTER"}) {
            try {
                sorted(ctx, "on condition, " + type, p.join(f, p.col("id").equalTo(f.col("id")), type));
            } catch (Exception e) {
                ctx.error(e);
            }
            try {
                sorted(ctx, "using id, " + type, p.join(f, new String[] {"id"}, type));
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }

    @Case
    public static void joinUnknownType(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).select("id", "name");
        Dataset<Row> f = floors(ctx).select("id", "floor");
        try {
            ctx.show(p.join(f, "id", "middle"));
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            ctx.show(p.join(f, p.col("id").equalTo(f.col("id")), "left_outerr"));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void crossJoin(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).where("id <= 2").select("id", "name");
        Dataset<Row> f = floors(ctx).select("dept", "floor");
        sorted(ctx, "crossJoin", p.crossJoin(f));
        ctx.println("count: " + p.crossJoin(f).count());
        sorted(ctx, "crossJoin of itself", p.crossJoin(p.select(col("name").alias("other"))));
    }

    @Case
    public static void unionByName(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).where("id <= 2").select("id", "name", "dept");
        Dataset<Row> q = people(ctx).where("id >= 4").select("dept", "id", "name");
        sorted(ctx, "union (by position, same order)", p.union(q.select("id", "name", "dept")));
        sorted(ctx, "unionByName", p.unionByName(q));
        Dataset<Row> r = people(ctx).where("id = 3").select("name", "age");
        sorted(ctx, "unionByName(allowMissingColumns)", p.unionByName(r, true));
        sorted(ctx, "reverse, allowMissingColumns", r.unionByName(p, true));
        try {
            sorted(ctx, "unionByName missing", p.unionByName(r));
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            sorted(ctx, "unionByName(false) missing", p.unionByName(r, false));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void withColumnsAndRenamedMaps(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx).where("id <= 3").select("id", "name", "age");
        Map<String, Column> add = new LinkedHashMap<>();
        add.put("age2", col("age").multiply(2));
        add.put("name", upper(col("name")));
        add.put("one", lit(1));
        sorted(ctx, "withColumns", p.withColumns(add));
        Map<String, String> ren = new LinkedHashMap<>();
        ren.put("name", "who");
        ren.put("age", "years");
        ren.put("missing", "nothing");
        sorted(ctx, "withColumnsRenamed", p.withColumnsRenamed(ren));
        Map<String, Column> dup = new LinkedHashMap<>();
        dup.put("x", lit(1));
        dup.put("X", lit(2));
        try {
            sorted(ctx, "withColumns x, X", p.withColumns(dup));
        } catch (Exception e) {
            ctx.error(e);
        }
        Map<String, String> dupRen = new LinkedHashMap<>();
        dupRen.put("name", "c");
        dupRen.put("age", "c");
        try {
            sorted(ctx, "withColumnsRenamed to c, c", p.withColumnsRenamed(dupRen));
        } catch (Exception e) {
            ctx.error(e);
        }
        Map<String, String> toExisting = new LinkedHashMap<>();
        toExisting.put("name", "id");
        try {
            sorted(ctx, "withColumnsRenamed name -> id", p.withColumnsRenamed(toExisting));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void aliasQualifiedNames(CaseContext ctx) throws Exception {
        Dataset<Row> a = people(ctx).select("id", "name").alias("a");
        Dataset<Row> b = floors(ctx).as("b");
        Dataset<Row> j = a.join(b, col("a.id").equalTo(col("b.id")));
        sorted(ctx, "select(a.*, b.floor)", j.select("a.*", "b.floor"));
        sorted(ctx, "select(a.id, b.id, b.dept)", j.select(col("a.id"), col("b.id"), col("b.dept")));
        sorted(ctx, "b.*", j.select("b.*"));
        Dataset<Row> self = people(ctx).select("id", "age");
        Dataset<Row> x = self.alias("x");
        Dataset<Row> y = self.alias("y");
        sorted(ctx, "self join x.age = y.age, x.id < y.id",
                x.join(y, col("x.age").equalTo(col("y.age")).and(col("x.id").lt(col("y.id")))).select("x.id", "y.id"));
        try {
            sorted(ctx, "a.nope", j.select("a.nope"));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void describeAndSummary(CaseContext ctx) throws Exception {
        Dataset<Row> p = people(ctx);
        ordered(ctx, "describe()", p.describe());
        ordered(ctx, "describe(age)", p.describe("age"));
        ordered(ctx, "summary()", p.select("id", "age").summary());
        ordered(ctx, "summary(count, min, max)", p.summary("count", "min", "max"));
    }

    private static VoidFunction2<Dataset<Row>, Long> inOrder(CaseContext ctx) {
        return (df, id) -> {
            List<Row> rows = df.collectAsList();
            synchronized (ctx) {
                ctx.println("batch " + id + ":");
                for (Row r : rows) {
                    ctx.println(Canonical.value(r));
                }
            }
        };
    }

    private static Dataset<Row> words(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "b", "a", "b", "c", "b");
        ctx.file(in, "2.txt", "a", "d", "a", "d", "d", "d");
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    @Case
    public static void streamingOrderByLimitComplete(CaseContext ctx) throws Exception {
        Dataset<Row> counts = words(ctx).groupBy("value").count()
                .orderBy(col("count").desc(), col("value")).limit(2);
        StreamingQuery q = counts.writeStream().outputMode("complete")
                .trigger(Trigger.AvailableNow()).foreachBatch(inOrder(ctx)).start();
        q.awaitTermination();
    }

    @Case
    public static void streamingSortLimitRefusedInOtherModes(CaseContext ctx) throws Exception {
        Dataset<Row> w = words(ctx);
        try {
            w.orderBy("value").writeStream().outputMode("append").trigger(Trigger.AvailableNow())
                    .foreachBatch(ctx.<Row>batches()).start().awaitTermination();
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            w.groupBy("value").count().orderBy("value").writeStream().outputMode("update").trigger(Trigger.AvailableNow())
                    .foreachBatch(ctx.<Row>batches()).start().awaitTermination();
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            w.groupBy("value").count().limit(1).writeStream().outputMode("update").trigger(Trigger.AvailableNow())
                    .foreachBatch(ctx.<Row>batches()).start().awaitTermination();
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            w.limit(3).writeStream().outputMode("update").trigger(Trigger.AvailableNow())
                    .foreachBatch(ctx.<Row>batches()).start().awaitTermination();
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void rangeAndVersion(CaseContext ctx) throws Exception {
        ctx.println("version: " + ctx.spark().version());
        Dataset<Long> r = ctx.spark().range(5);
        ctx.println("columns: " + Arrays.toString(r.columns()) + " " + r.schema().simpleString());
        ordered(ctx, "range(5)", r.orderBy("id"));
        ordered(ctx, "range(2, 10, 3)", ctx.spark().range(2, 10, 3).orderBy("id"));
        ordered(ctx, "range(10, 0, -4)", ctx.spark().range(10, 0, -4).orderBy("id"));
        ctx.println("range(0, 100, 7, 3).count: " + ctx.spark().range(0, 100, 7, 3).count());
        ctx.println("range(5, 5).count: " + ctx.spark().range(5, 5).count());
        sorted(ctx, "range(4).select(id * 2 as d)", ctx.spark().range(4).select(col("id").multiply(2).alias("d")));
    }

    @Case
    public static void confGetSetUnset(CaseContext ctx) throws Exception {
        var conf = ctx.spark().conf();
        ctx.println("shuffle.partitions: " + conf.get("spark.sql.shuffle.partitions"));
        conf.set("spark.sql.shuffle.partitions", 5);
        ctx.println("after set 5: " + conf.get("spark.sql.shuffle.partitions"));
        conf.unset("spark.sql.shuffle.partitions");
        ctx.println("after unset: " + conf.get("spark.sql.shuffle.partitions"));
        conf.set("my.custom.key", "v1");
        ctx.println("custom: " + conf.get("my.custom.key"));
        ctx.println("custom default: " + conf.get("my.other.key", "dflt"));
        conf.set("my.bool.key", true);
        ctx.println("boolean: " + conf.get("my.bool.key"));
        conf.unset("my.custom.key");
        ctx.println("unset custom, default: " + conf.get("my.custom.key", "gone"));
        ctx.println("isModifiable shuffle.partitions: " + conf.isModifiable("spark.sql.shuffle.partitions"));
        ctx.println("isModifiable session.timeZone: " + conf.isModifiable("spark.sql.session.timeZone"));
        ctx.println("isModifiable warehouse.dir: " + conf.isModifiable("spark.sql.warehouse.dir"));
        ctx.println("isModifiable executor.memory: " + conf.isModifiable("spark.executor.memory"));
        ctx.println("isModifiable my.custom.key: " + conf.isModifiable("my.custom.key"));
    }

    @Case
    public static void confErrors(CaseContext ctx) throws Exception {
        var conf = ctx.spark().conf();
        try {
            ctx.println(conf.get("spark.sql.no.such.setting"));
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            ctx.println(conf.get("my.unset.key"));
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            conf.set("spark.executor.memory", "2g");
            ctx.println("set spark.executor.memory ok");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            conf.set("spark.sql.warehouse.dir", "/tmp/w");
            ctx.println("set spark.sql.warehouse.dir ok");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            conf.unset("spark.executor.memory");
            ctx.println("unset spark.executor.memory ok");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            conf.set("spark.sql.shuffle.partitions", "abc");
            ctx.println("set shuffle.partitions abc ok");
        } catch (Exception e) {
            ctx.error(e);
        }
    }
}
