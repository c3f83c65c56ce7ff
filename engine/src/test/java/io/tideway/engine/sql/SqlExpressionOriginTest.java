package io.tideway.engine.sql;

import io.tideway.engine.expr.sql.SqlExpressionParser;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Origin;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.functions;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Expressions parsed from text remember where they were written, and analysis errors for them end
 * with Spark's {@code ; line L pos P}; positions as Spark 4.0.4 printed them in the goldens.
 */
class SqlExpressionOriginTest {
    private static final StructType SCHEMA = new StructType()
            .add("i", DataTypes.IntegerType)
            .add("s", DataTypes.StringType)
            .add("b", DataTypes.BooleanType)
            .add("d", DataTypes.DoubleType);

    private static String error(String text) {
        Expression e = SqlExpressionParser.parseColumn(text).expr();
        return assertThrows(AnalysisException.class, () -> Resolver.resolve(e, SCHEMA)).getMessage();
    }

    @Test
    void aBinaryOperatorStartsAtItsLeftOperandWithItsParentheses() {
        assertEquals(new Origin(1, 6), errorOrigin("(not ((13 - i) = cast(s as boolean)))"));
        assertEquals(new Origin(1, 2), errorOrigin("(((d / -4) = (not b)) is not null)"));
        assertEquals(new Origin(1, 1), errorOrigin("(cast(2.5 as double) > b)"));
        assertEquals(new Origin(1, 6), errorOrigin("cast(((i % cast(7 as bigint)) = (not b)) as double)"));
    }

    @Test
    void positionsCountWithinTheirLine() {
        assertEquals(new Origin(2, 3), errorOrigin("i +\n  (b = 1)"), "the comparison starts at b, not at its own parenthesis");
    }

    @Test
    void theMessageEndsWithThePosition() {
        assertEquals("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(i = b)\" due to data type mismatch: the "
                + "left and right operands of the binary operator have incompatible types (\"INT\" and \"BOOLEAN\"). "
                + "SQLSTATE: 42K09; line 1 pos 5", error("1 + (i = b)"));
        // equally distant names in Spark's order: its input attribute set lists them by name
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` "
                + "cannot be resolved. Did you mean one of the following? [`b`, `d`, `i`, `s`]. SQLSTATE: 42703; line 1 pos 4",
                error("i + nope"));
    }

    @Test
    void theColumnApiHasNoOrigin() {
        Expression e = functions.col("i").equalTo(functions.col("b")).expr();
        AnalysisException a = assertThrows(AnalysisException.class, () -> Resolver.resolve(e, SCHEMA));
        assertNull(a.origin());
        assertEquals("SQLSTATE: 42K09", a.getMessage().substring(a.getMessage().length() - 15));
    }

    @Test
    void resolutionKeepsTheOriginOfRewrittenNodes() {
        Expression resolved = Resolver.resolve(SqlExpressionParser.parseColumn("d + (i * 2)").expr(), SCHEMA);
        assertEquals(new Origin(1, 0), resolved.sqlOrigin(), "the cast-inserting copy keeps the node's origin");
        Expression cast = resolved.children().get(1);
        assertEquals(new Origin(1, 0), cast.sqlOrigin(), "as in Spark, what a rule builds takes the origin of the node it rewrites");
        assertEquals(new Origin(1, 5), cast.children().get(0).sqlOrigin());
    }

    private static Origin errorOrigin(String text) {
        Expression e = SqlExpressionParser.parseColumn(text).expr();
        return assertThrows(AnalysisException.class, () -> Resolver.resolve(e, SCHEMA)).origin();
    }
}
