package io.tideway.engine.sql;

import io.tideway.engine.expr.sql.SqlExpressionParser;

import io.tideway.engine.plan.Resolver;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsed expressions resolve against a schema to the types Spark gives them. */
class SqlExpressionResolutionTest {
    private static final StructType SCHEMA = new StructType()
            .add("v", DataTypes.LongType)
            .add("s", DataTypes.StringType)
            .add("i", DataTypes.IntegerType)
            .add("value", DataTypes.StringType)
            .add("timestamp", DataTypes.TimestampType);

    private static DataType type(String text) {
        return Resolver.resolve(SqlExpressionParser.parseColumn(text).expr(), SCHEMA).dataType();
    }

    @Test
    void arithmetic() {
        assertEquals(DataTypes.LongType, type("v * 2"));
        assertEquals(DataTypes.LongType, type("v + i"));
        assertEquals(DataTypes.IntegerType, type("i + 1"));
        assertEquals(DataTypes.DoubleType, type("v / 2"));
        assertEquals(DataTypes.createDecimalType(23, 1), type("v * 2.5"), "a bigint as decimal(20,0) times decimal(2,1)");
        assertEquals(DataTypes.DoubleType, type("v * 2.5D"));
        assertEquals(DataTypes.LongType, type("v % 3"));
        assertEquals(DataTypes.LongType, type("-v"));
        assertEquals(DataTypes.LongType, type("i + 3000000000"));
    }

    @Test
    void predicates() {
        assertEquals(DataTypes.BooleanType, type("v > 1 AND s IS NOT NULL"));
        assertEquals(DataTypes.BooleanType, type("NOT (s = 'a')"));
        assertEquals(DataTypes.BooleanType, type("v != 1 OR s IS NULL"));
    }

    @Test
    void castsAndFunctions() {
        assertEquals(DataTypes.StringType, type("cast(v as string)"));
        assertEquals(DataTypes.IntegerType, type("CAST(s AS INT)"));
        assertEquals(DataTypes.TimestampType, type("cast(value as timestamp)"));
        assertEquals(DataTypes.createArrayType(DataTypes.StringType, false), type("split(value, ' ')"));
        // a generator's type is Spark's: an array of the rows it gives
        assertEquals(DataTypes.createArrayType(new io.tideway.sql.types.StructType().add("col", DataTypes.StringType, false), false),
                type("explode(split(value, ' ')) AS word"));
        assertEquals(DataTypes.LongType, type("count(*)"));
        assertEquals(DataTypes.LongType, type("sum(v)"));
        assertEquals(DataTypes.DoubleType, type("avg(v)"));
        assertEquals(DataTypes.TimestampType, type("max(timestamp)"));
        assertEquals(DataTypes.TimestampType, type("current_timestamp()"));
        assertEquals(DataTypes.DoubleType, type("v / 2 AS halved"), "an alias keeps its child's type");
    }

    @Test
    void unknownColumnFailsAtResolution() {
        String msg = assertThrows(AnalysisException.class, () -> type("nope + 1")).getMessage();
        assertTrue(msg.startsWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION]"), msg);
        assertTrue(msg.contains("`nope`"), msg);
    }
}
