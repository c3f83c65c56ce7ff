package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import conformance.Canonical;
import conformance.ExpressionFuzz;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The differential expression fuzz: expressions from {@link ExpressionFuzz} with a fixed seed per
 * case, each evaluated by {@code selectExpr} over a small table, printed with its result type and
 * its value per row (or its error). Tables: "plain" (small values, zeros, empty strings, a row of
 * nulls) and "edge" (the limits of each type, NaN and infinities), where overflow and invalid
 * casts show how each engine reports them.
 */
public final class ExprFuzz {
    private static final int EXPRESSIONS_PER_CASE = 50;
    private static final int DEPTH = 3;

    private ExprFuzz() {
    }

    private static final StructType SCHEMA = new StructType()
            .add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType)
            .add("s", DataTypes.StringType)
            .add("b", DataTypes.BooleanType);

    private static final List<Row> PLAIN = Arrays.asList(
            RowFactory.create(1, 10L, 1.5, "a", true),
            RowFactory.create(-7, -30L, -0.25, "Hello", false),
            RowFactory.create(0, 0L, 0.0, "", true),
            RowFactory.create(null, null, null, null, null),
            RowFactory.create(3, 7L, 2.0, "12", false),
            RowFactory.create(12, -1L, 100.125, " 7 ", null));

    private static final List<Row> EDGE = Arrays.asList(
            RowFactory.create(Integer.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE, "2147483648", true),
            RowFactory.create(Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, "-9223372036854775809", false),
            RowFactory.create(-1, -1L, Double.POSITIVE_INFINITY, "1e3", true),
            RowFactory.create(1, 1L, Double.NEGATIVE_INFINITY, "NaN", false),
            RowFactory.create(0, 0L, -0.0, "9.99e307", null));

    private static void fuzz(CaseContext ctx, long seed, List<Row> rows) {
        Dataset<Row> table = ctx.spark().createDataFrame(rows, SCHEMA);
        ExpressionFuzz fuzz = new ExpressionFuzz(seed);
        for (int n = 0; n < EXPRESSIONS_PER_CASE; n++) {
            String expr = fuzz.next(DEPTH);
            try {
                Dataset<Row> result = table.selectExpr(expr);
                String type = result.schema().fields()[0].dataType().simpleString();
                List<String> values = new ArrayList<>();
                for (Row r : result.collectAsList()) {
                    values.add(Canonical.value(r.get(0)));
                }
                ctx.println(expr + " :: " + type + " => " + String.join(" | ", values));
            } catch (Exception e) {
                ctx.println(expr + " => " + Canonical.error(e));
            }
        }
    }

    @Case
    public static void plain1(CaseContext ctx) {
        fuzz(ctx, 1, PLAIN);
    }

    @Case
    public static void plain2(CaseContext ctx) {
        fuzz(ctx, 2, PLAIN);
    }

    @Case
    public static void plain3(CaseContext ctx) {
        fuzz(ctx, 3, PLAIN);
    }

    @Case
    public static void plain4(CaseContext ctx) {
        fuzz(ctx, 4, PLAIN);
    }

    @Case
    public static void plain5(CaseContext ctx) {
        fuzz(ctx, 5, PLAIN);
    }

    @Case
    public static void plain6(CaseContext ctx) {
        fuzz(ctx, 6, PLAIN);
    }

    @Case
    public static void plain7(CaseContext ctx) {
        fuzz(ctx, 7, PLAIN);
    }

    @Case
    public static void plain8(CaseContext ctx) {
        fuzz(ctx, 8, PLAIN);
    }

    @Case
    public static void edge1(CaseContext ctx) {
        fuzz(ctx, 101, EDGE);
    }

    @Case
    public static void edge2(CaseContext ctx) {
        fuzz(ctx, 102, EDGE);
    }
}
