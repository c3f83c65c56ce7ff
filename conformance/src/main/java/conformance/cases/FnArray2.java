package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnArray.arrays;
import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Array functions, part 2: searching (array_contains, array_position, array_remove), sets
 * (array_distinct, array_union/intersect/except, arrays_overlap), order (array_max/min, sort_array,
 * array_sort, reverse) and shape (slice, flatten, concat, sequence, array_repeat, array_join).
 */
public final class FnArray2 {
    private FnArray2() {
    }

    @Case
    public static void searching(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, array_contains(col("a"), 1), array_contains(col("s"), "x"), array_position(col("a"), 1),
                array_position(col("s"), "c"), array_remove(col("a"), 1), array_remove(col("s"), "x"),
                array_contains(col("a"), col("n")));
        showExpr(ctx, df, "array_contains(a, 4)", "array_contains(a, 9)", "array_contains(a, n)", "array_contains(a, 1.0)",
                "array_contains(a, NULL)", "array_contains(a, 'x')", "array_contains(n, 1)", "array_position(a, 4)",
                "array_position(b, n)", "array_position(a, NULL)", "array_remove(a, n)", "array_remove(b, 4)",
                "array_remove(a, NULL)", "array_contains(array(1.5, 2.5), 2.5)", "array_contains(array(1, 2), 2L)",
                "array_contains(array(CAST('NaN' AS DOUBLE)), CAST('NaN' AS DOUBLE))");
    }

    @Case
    public static void sets(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, array_distinct(col("a")), array_distinct(col("s")), array_union(col("a"), col("b")),
                array_intersect(col("a"), col("b")), array_except(col("a"), col("b")), arrays_overlap(col("a"), col("b")));
        showExpr(ctx, df, "array_distinct(b)", "array_union(b, a)", "array_intersect(b, a)", "array_except(b, a)",
                "arrays_overlap(b, a)", "arrays_overlap(a, array())", "array_union(a, array(1.5))",
                "array_union(a, s)", "array_intersect(a, NULL)", "array_distinct(array(1, NULL, 1, NULL))",
                "array_distinct(n)", "arrays_overlap(array(1, NULL), array(2))", "arrays_overlap(array(1), array(NULL))",
                "array_except(array(1, NULL, 2), array(2))", "array_intersect(array(NULL, 1), array(NULL))");
    }

    @Case
    public static void ordering(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, array_max(col("a")), array_min(col("a")), array_max(col("s")), sort_array(col("a")),
                sort_array(col("a"), false), array_sort(col("a")), sort_array(col("s")), reverse(col("a")), reverse(col("s")));
        showExpr(ctx, df, "array_max(b)", "array_min(s)", "sort_array(b, false)", "array_sort(s)", "reverse(b)",
                "array_max(n)", "sort_array(n)", "sort_array(array(2.5, CAST('NaN' AS DOUBLE), -1.0, NULL))",
                "array_sort(array(array(2, 1), array(1, 5), array(1)))", "array_max(array(map(1, 2)))",
                "reverse(array())", "array_min(array(NULL))");
    }

    @Case
    public static void shaping(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, slice(col("a"), 2, 2), slice(col("a"), -2, 5), flatten(array(col("a"), col("b"))),
                concat(col("a"), col("b")), array_repeat(col("n"), 2), array_join(col("s"), ","),
                array_join(col("s"), "-", "?"), sequence(lit(1), col("n")));
        showExpr(ctx, df, "slice(a, 1, 2)", "slice(a, -1, 1)", "slice(a, 5, 1)", "slice(a, 0, 1)", "slice(a, 1, -1)",
                "flatten(array(a, b, NULL))", "flatten(array(array(1), array(2, 3)))", "flatten(a)",
                "concat(a, b, a)", "concat(a, NULL)", "concat(a, array(1.5))", "concat(a, 'x')", "a || b",
                "sequence(1, 5)", "sequence(5, 1)", "sequence(1, 10, 3)", "sequence(10, 1, -4)", "sequence(1L, 3L)",
                "sequence(1, n)", "sequence(1, 5, -1)", "sequence(1, 2.5)", "array_repeat('x', 3)", "array_repeat(NULL, 2)",
                "array_repeat(n, n)", "array_repeat(1, -1)", "array_join(a, '+')", "array_join(s, ',', 'null')",
                "array_join(n, ',')", "array_join(array('a', NULL), '')");
    }

    @Case
    public static void explodeAndExplodeOuter(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        for (Dataset<Row> out : java.util.List.of(df.select(col("n"), explode(col("a"))),
                df.select(col("n"), explode_outer(col("a"))), df.selectExpr("n", "explode_outer(s) AS e"),
                df.selectExpr("explode_outer(b)"))) {
            OpsData.fields(ctx, out);
            for (String line : Canonical.sortedRows(out.collectAsList())) {
                ctx.println(line);
            }
        }
    }

    @Case
    public static void arraysZip(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, arrays_zip(col("a"), col("b")), arrays_zip(col("a"), col("s"), col("b")), arrays_zip(col("s")));
        showExpr(ctx, df, "arrays_zip(a, b)", "arrays_zip(array(1, 2), array('x'))", "arrays_zip(a, NULL)",
                "arrays_zip(b, array())", "arrays_zip(a, n)", "size(arrays_zip(a, b))", "arrays_zip(a, b)[0]");
    }
}
