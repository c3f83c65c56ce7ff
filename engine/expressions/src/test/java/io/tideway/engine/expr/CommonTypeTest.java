package io.tideway.engine.expr;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The types Spark's coercion picks for set operations and comparisons, with and without ANSI. */
class CommonTypeTest {
    private static void ansi(boolean on) {
        SessionConf.activate(key -> key.equals("spark.sql.ansi.enabled") ? String.valueOf(on) : null);
    }

    @AfterEach
    void noSession() {
        SessionConf.activate(null);
    }

    @Test
    void setOperationsWidenAsAnsiFindWiderTypeForTwo() {
        ansi(true);
        assertEquals(DataTypes.LongType, CommonType.forSetOperation(DataTypes.IntegerType, DataTypes.LongType));
        assertEquals(DataTypes.DoubleType, CommonType.forSetOperation(DataTypes.LongType, DataTypes.DoubleType));
        assertEquals(DataTypes.LongType, CommonType.forSetOperation(DataTypes.IntegerType, DataTypes.StringType));
        assertEquals(DataTypes.DoubleType, CommonType.forSetOperation(DataTypes.StringType, new DecimalType(5, 2)));
        assertEquals(DataTypes.DateType, CommonType.forSetOperation(DataTypes.StringType, DataTypes.DateType));
        assertEquals(new DecimalType(12, 2), CommonType.forSetOperation(DataTypes.IntegerType, new DecimalType(5, 2)));
        assertNull(CommonType.forSetOperation(DataTypes.IntegerType, DataTypes.BooleanType));
    }

    @Test
    void withoutAnsiAStringWinsASetOperation() {
        ansi(false);
        assertEquals(DataTypes.StringType, CommonType.forSetOperation(DataTypes.IntegerType, DataTypes.StringType));
        assertEquals(DataTypes.StringType, CommonType.forSetOperation(DataTypes.DateType, DataTypes.StringType));
        assertNull(CommonType.forSetOperation(DataTypes.StringType, DataTypes.BooleanType));
    }

    @Test
    void withoutAnsiAStringIsComparedAsTheOtherSidesType() {
        assertEquals(DataTypes.IntegerType, CommonType.forComparisonWithoutAnsi(DataTypes.StringType, DataTypes.IntegerType));
        assertEquals(DataTypes.DoubleType, CommonType.forComparisonWithoutAnsi(new DecimalType(5, 2), DataTypes.StringType));
        assertEquals(DataTypes.StringType, CommonType.forComparisonWithoutAnsi(DataTypes.NullType, DataTypes.StringType));
        assertNull(CommonType.forComparisonWithoutAnsi(DataTypes.StringType, DataTypes.StringType));
        assertNull(CommonType.forComparisonWithoutAnsi(DataTypes.LongType, DataTypes.IntegerType));
    }
}
