package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MetadataBuilder;
import io.tideway.sql.types.StructType;

import static conformance.cases.JoinsInput.rows;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.upper;

/** {@code Dataset} overloads the API audit found missing (issue 15): {@code show(int, int)}, {@code withColumn} with metadata. */
public final class OpsAuditDataset {
    private OpsAuditDataset() {
    }

    private static final StructType IN = new StructType()
            .add("k", DataTypes.IntegerType)
            .add("a_rather_long_name", DataTypes.StringType);

    private static Dataset<Row> input(CaseContext ctx) {
        return rows(ctx, IN, new Object[] {1, "abcdefghij"}, new Object[] {22, null},
                new Object[] {333, "xy"});
    }

    @Case
    public static void showTruncateWidth(CaseContext ctx) throws Exception {
        input(ctx).show(2, 5);
        input(ctx).show(10, 3);
        input(ctx).show(10, 0);
        input(ctx).show(1, -1);
    }

    @Case
    public static void withColumnMetadata(CaseContext ctx) throws Exception {
        Dataset<Row> out = input(ctx).withColumn("u", upper(col("a_rather_long_name")),
                new MetadataBuilder().putString("comment", "upper").putLong("n", 3).build());
        ctx.println("u: " + out.schema().apply("u").metadata());
        Dataset<Row> replaced = out.withColumn("k", col("k").plus(1), new MetadataBuilder().putString("c", "k").build());
        ctx.println("k: " + replaced.schema().apply("k").metadata());
        ctx.println(java.util.Arrays.toString(replaced.columns()));
        replaced.show();
    }

    @Case
    public static void emptyDatasetOfEncoder(CaseContext ctx) throws Exception {
        Dataset<String> strings = ctx.spark().emptyDataset(Encoders.STRING());
        strings.printSchema();
        ctx.println(strings.count() + " " + strings.isEmpty());
        strings.show();
        Dataset<Long> longs = ctx.spark().emptyDataset(Encoders.LONG());
        longs.printSchema();
        ctx.println(longs.collectAsList());
    }

    @Case
    public static void aggByNameMap(CaseContext ctx) throws Exception {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("k", "MAX");
        m.put("*", "count");
        m.put("a_rather_long_name", "count");
        Dataset<Row> all = input(ctx).agg(m);
        ctx.println(java.util.Arrays.toString(all.columns()));
        all.show();
        java.util.Map<String, String> g = new java.util.LinkedHashMap<>();
        g.put("k", "mean");
        g.put("a_rather_long_name", "max");
        Dataset<Row> grouped = input(ctx).withColumn("g", col("k").gt(5)).groupBy("g").agg(g);
        grouped.printSchema();
        grouped.collectAsList().stream().map(Object::toString).sorted().forEach(ctx::println);
        Dataset<Row> std = input(ctx).agg(java.util.Map.of("k", "std"));
        ctx.println(java.util.Arrays.toString(std.columns()));
    }

    @Case
    public static void printSchemaLevels(CaseContext ctx) throws Exception {
        Dataset<Row> nested = input(ctx).selectExpr("k",
                "named_struct('a', k, 'b', named_struct('c', a_rather_long_name)) AS s",
                "array(named_struct('x', k)) AS arr", "map('m', array(k)) AS mp");
        for (int level : new int[] {1, 2, 3, 0, -1}) {
            ctx.println("level " + level);
            nested.printSchema(level);
        }
        ctx.println(nested.schema().treeString(2));
    }

    @Case
    public static void metadataDoubleBoolean(CaseContext ctx) throws Exception {
        io.tideway.sql.types.Metadata m = new MetadataBuilder().putBoolean("a", true).putDouble("b", 1.5)
                .putDouble("c", 2.0).build();
        ctx.println(m + " " + m.getBoolean("a") + " " + m.getDouble("b") + " " + m.isEmpty()
                + " " + new MetadataBuilder().build().isEmpty());
        Dataset<Row> out = input(ctx).withColumn("k", col("k"), m);
        ctx.println(out.schema().apply("k").metadata());
    }
}
