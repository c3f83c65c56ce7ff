package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Bitwise operators and functions: Column.bitwiseAND/OR/XOR, SQL {@code & | ^ ~}, bitwise_not,
 * shiftleft/shiftright/shiftrightunsigned (and the {@code << >> >>>} operators), bit_count,
 * getbit/bit_get, on int and bigint limits, with their result types and type errors.
 */
public final class FnCondBits {
    private FnCondBits() {
    }

    /** x INT and y BIGINT at their limits, -1, zero and null. */
    private static Dataset<Row> bits(CaseContext ctx) {
        StructType schema = new StructType()
                .add("x", DataTypes.IntegerType)
                .add("y", DataTypes.LongType);
        return table(ctx, schema,
                new Object[] {5, 3L},
                new Object[] {-1, -1L},
                new Object[] {Integer.MAX_VALUE, Long.MIN_VALUE},
                new Object[] {Integer.MIN_VALUE, Long.MAX_VALUE},
                new Object[] {0, 0L},
                new Object[] {null, 12L},
                new Object[] {-8, null});
    }

    @Case
    public static void bitwiseColumnMethods(CaseContext ctx) {
        show(ctx, bits(ctx),
                col("x").bitwiseAND(col("y")),
                col("x").bitwiseOR(lit(1)),
                col("x").bitwiseXOR(col("x")),
                col("x").bitwiseAND(0xFF),
                col("y").bitwiseOR(1),
                col("x").bitwiseXOR(null),
                col("x").bitwiseXOR(-1),
                col("y").bitwiseAND(Long.MAX_VALUE),
                bitwise_not(col("x")),
                bitwise_not(col("y")),
                bitwise_not(lit(null)),
                col("x").bitwiseAND(1.5),
                col("x").bitwiseOR("3"));
        show(ctx, table(ctx),
                col("d").bitwiseAND(1),
                col("b").bitwiseOR(true),
                col("s").bitwiseXOR(1),
                bitwise_not(col("d")),
                bitwise_not(col("s")));
    }

    @Case
    public static void bitwiseSqlOperators(CaseContext ctx) {
        showExpr(ctx, bits(ctx),
                "x & y",
                "x | y",
                "x ^ y",
                "~x",
                "~y",
                "x & 1",
                "1 | 2 & 3",
                "1 ^ 3 | 4",
                "(1 | 2) & 3",
                "~0",
                "5 & NULL",
                "~NULL",
                "CAST(7 AS TINYINT) & CAST(3 AS TINYINT)",
                "CAST(-1 AS SMALLINT) ^ 1",
                "~CAST(0 AS TINYINT)",
                "x & 1.5",
                "x | '3'",
                "~1.5",
                "~'1'",
                "x & true",
                "bitwise_not(x)");
    }

    @Case
    public static void shifts(CaseContext ctx) {
        Dataset<Row> df = bits(ctx);
        show(ctx, df,
                shiftleft(col("x"), 1),
                shiftright(col("x"), 1),
                shiftrightunsigned(col("x"), 1),
                shiftleft(col("y"), 1),
                shiftright(col("y"), 63),
                shiftrightunsigned(col("y"), 60),
                shiftleft(col("x"), 32),
                shiftleft(col("x"), 33),
                shiftleft(col("x"), -1),
                shiftright(col("y"), 64),
                shiftLeft(col("x"), 2),
                shiftRight(col("x"), 2),
                shiftRightUnsigned(col("x"), 2));
        showExpr(ctx, df,
                "shiftleft(x, 2)",
                "x << 2",
                "x >> 1",
                "x >>> 1",
                "y >>> 1",
                "y << 64",
                "shiftright(-8, 1)",
                "shiftrightunsigned(-8, 1)",
                "shiftrightunsigned(-8L, 1)",
                "shiftleft(1, 31)",
                "shiftleft(1L, 63)",
                "shiftleft(x, NULL)",
                "shiftleft(NULL, 1)",
                "shiftleft(CAST(1 AS TINYINT), 7)",
                "shiftleft(CAST(-1 AS SMALLINT), 1)",
                "1 << 2 + 1",
                "shiftleft(1.5, 1)",
                "shiftleft('8', 1)",
                "shiftleft(x, y)",
                "shiftleft(x, 1.5)",
                "shiftleft(x)");
    }

    @Case
    public static void bitCountAndGetbit(CaseContext ctx) {
        Dataset<Row> df = bits(ctx);
        show(ctx, df,
                bit_count(col("x")),
                bit_count(col("y")),
                getbit(col("x"), lit(0)),
                bit_get(col("y"), lit(63)),
                getbit(col("x"), col("x")));
        showExpr(ctx, df,
                "bit_count(x)",
                "bit_count(y)",
                "bit_count(-1)",
                "bit_count(-1L)",
                "bit_count(true)",
                "bit_count(false)",
                "bit_count(CAST(-1 AS TINYINT))",
                "bit_count(CAST(-1 AS SMALLINT))",
                "bit_count(NULL)",
                "bit_count(1.5)",
                "bit_count('7')",
                "bit_count()",
                "getbit(x, 31)",
                "getbit(y, 63)",
                "bit_get(5, 2)",
                "getbit(CAST(-1 AS TINYINT), 7)",
                "getbit(x, NULL)",
                "getbit(x, 32)",
                "getbit(x, -1)",
                "getbit(1.5, 0)",
                "getbit(x)");
    }
}
