package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Array functions, part 1: arrays as values (array, size, element_at, subscripts, getItem), their
 * element type coercion, their text, and their errors.
 */
public final class FnArray {
    private FnArray() {
    }

    /** Arrays of ints, with a null element, an empty one and a null one. */
    static Dataset<Row> arrays(CaseContext ctx) {
        StructType schema = new StructType()
                .add("a", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("b", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("s", DataTypes.createArrayType(DataTypes.StringType))
                .add("n", DataTypes.IntegerType);
        return table(ctx, schema,
                new Object[] {Arrays.asList(3, 1, 2), Arrays.asList(2, 5), Arrays.asList("b", "a", "c"), 1},
                new Object[] {Arrays.asList(1, null, 1, 4), Arrays.asList(4, 4, null), Arrays.asList("x", null, "x"), 2},
                new Object[] {Arrays.asList(), Arrays.asList(7), Arrays.asList(), -1},
                new Object[] {null, Arrays.asList(1), null, null},
                new Object[] {Arrays.asList(-5, 10, 0), Arrays.asList(), Arrays.asList("", "zz"), 3});
    }

    @Case
    public static void arrayConstruction(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, array(col("i"), col("l")), array(col("i"), col("d")), array(col("s"), col("t")),
                array(lit(1), lit(2), lit(3)), array(), array(col("i"), lit(null)), array("s", "t"),
                array(col("ts"), col("dt")), array(col("b")), array(array(col("i")), array(col("i"), lit(7))));
        showExpr(ctx, df, "array(1, 2.5)", "array(1, 2L)", "array(i, NULL)", "array()", "array(NULL)", "array(s, 1)",
                "array(1, array(1))", "array(1, 'a')", "array(ts, dt)", "array(array(1, 2), array(3))",
                "array(d, i, l)", "cast(array(1, 2) as string)", "array(b, true)",
                "cast(array(1.5, null, -2) as string)", "CAST(array(ts) AS STRING)");
    }

    @Case
    public static void arraySchemas(CaseContext ctx) {
        Dataset<Row> df = table(ctx).select(array(col("i"), col("l")).as("il"), array(lit(1), lit(2)).as("lits"),
                array(col("s"), lit(null)).as("sn"), array(array(col("d"))).as("nested"), array().as("empty"));
        df.printSchema();
        ctx.println(df.schema().simpleString());
    }

    @Case
    public static void sizeAndCardinality(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, size(col("a")), cardinality(col("s")), size(array()), size(lit(null)));
        showExpr(ctx, df, "size(a)", "cardinality(b)", "size(NULL)", "size(array(1, NULL))", "size(n)", "size('abc')",
                "size(a, b)");
    }

    /** Arrays of ints and strings, none empty, one null. */
    static Dataset<Row> nonEmpty(CaseContext ctx) {
        StructType schema = new StructType()
                .add("a", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("s", DataTypes.createArrayType(DataTypes.StringType))
                .add("n", DataTypes.IntegerType);
        return table(ctx, schema,
                new Object[] {Arrays.asList(3, 1, 2), Arrays.asList("b", "a", "c"), 1},
                new Object[] {Arrays.asList(1, null, 1, 4), Arrays.asList("x", null, "x"), 2},
                new Object[] {null, null, null},
                new Object[] {Arrays.asList(-5, 10, 0), Arrays.asList("", "zz"), 3});
    }

    @Case
    public static void elementAtAndSubscripts(CaseContext ctx) {
        Dataset<Row> df = nonEmpty(ctx);
        show(ctx, df, element_at(col("a"), 1), element_at(col("s"), -1), col("a").getItem(0), col("s").apply(1),
                try_element_at(col("a"), lit(5)), get(col("a"), lit(2)));
        showExpr(ctx, df, "element_at(a, 1)", "element_at(a, -1)", "element_at(a, 2)", "element_at(a, n)",
                "element_at(a, 5)", "element_at(a, -5)", "element_at(a, 0)", "try_element_at(a, 9)", "try_element_at(a, -9)",
                "try_element_at(a, 0)", "a[0]", "s[1]", "a[n]", "a[-1]", "a[7]", "get(a, 7)", "get(a, -1)",
                "array(1, 2, 3)[1]", "element_at(a, '1')", "element_at(a, 1.5)", "n[0]", "element_at(n, 1)",
                "s[n - 1]", "a[NULL]", "element_at(a, NULL)", "element_at(array(1, NULL), 2)");
        show(ctx, arrays(ctx), element_at(col("a"), 1), col("b").getItem(0), try_element_at(col("a"), lit(1)),
                get(col("b"), lit(0)));
    }

    @Case
    public static void withoutAnsi(CaseContext ctx) {
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        try {
            showExpr(ctx, nonEmpty(ctx), "element_at(a, 9)", "element_at(a, -9)", "a[9]", "a[-1]", "s[n]", "size(a)",
                    "element_at(a, 0)", "try_element_at(a, 9)", "array(1, 2)[5]");
        } finally {
            ctx.spark().conf().set("spark.sql.ansi.enabled", "true");
        }
    }
}
