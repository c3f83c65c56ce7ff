package io.tideway.engine.expr;

import io.tideway.SparkArithmeticException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark's decimal result types and the kernels' rounding and range checks, with values from the goldens. */
class DecimalPrecisionTest {
    private static DecimalType d(int p, int s) {
        return new DecimalType(p, s);
    }

    @Test
    void resultTypesFollowSparksRulesWithPrecisionLoss() {
        assertEquals(d(14, 6), DecimalPrecision.result(BinaryArithmetic.Op.DIVIDE, d(10, 2), d(1, 0)));
        assertEquals(d(16, 5), DecimalPrecision.result(BinaryArithmetic.Op.MULTIPLY, d(10, 2), d(5, 3)));
        assertEquals(d(12, 3), DecimalPrecision.result(BinaryArithmetic.Op.ADD, d(10, 2), d(5, 3)));
        assertEquals(d(3, 2), DecimalPrecision.result(BinaryArithmetic.Op.REMAINDER, d(10, 2), d(1, 0)));
        assertEquals(d(38, 6), DecimalPrecision.result(BinaryArithmetic.Op.DIVIDE, d(38, 10), d(38, 10)));
        assertEquals(d(38, 6), DecimalPrecision.result(BinaryArithmetic.Op.MULTIPLY, d(38, 18), d(38, 18)));
        assertEquals(d(38, 34), DecimalPrecision.result(BinaryArithmetic.Op.MULTIPLY, d(38, 37), d(2, 0)));
        assertNull(DecimalPrecision.result(BinaryArithmetic.Op.DIV, d(4, 2), d(1, 1)));
    }

    @Test
    void integralOperandsTakeTheirTypesDigitsOrALiteralsOwn() {
        assertEquals(d(10, 0), DecimalPrecision.forIntegral(DataTypes.IntegerType));
        assertEquals(d(20, 0), DecimalPrecision.forIntegral(DataTypes.LongType));
        assertEquals(d(1, 0), DecimalPrecision.operandType(Literal.of(3)));
        assertEquals(d(3, 0), DecimalPrecision.operandType(Literal.of(-100L)));
    }

    @Test
    void widerTypeKeepsIntegralDigitsFirst() {
        assertEquals(d(11, 1), DecimalPrecision.wider(d(10, 0), d(2, 1)));
        assertEquals(d(38, 0), DecimalPrecision.wider(d(38, 0), d(1, 1)));
    }

    @Test
    void nullSafeCastsNeedRoomForEveryIntegralDigit() {
        assertTrue(DecimalPrecision.canNullSafeCast(d(8, 3), d(8, 2)));
        assertFalse(DecimalPrecision.canNullSafeCast(d(8, 3), d(5, 2)));
        assertFalse(DecimalPrecision.canNullSafeCast(DataTypes.IntegerType, d(1, 0)));
        assertTrue(DecimalPrecision.canNullSafeCast(DataTypes.IntegerType, d(12, 2)));
    }

    @Test
    void roundingIsHalfUpAndOverflowIsNullOrAnError() {
        assertEquals(new BigDecimal("12345.68"), DecimalKernels.toPrecision(new BigDecimal("12345.678"), 8, 2, true));
        assertEquals(new BigDecimal("0.01"), DecimalKernels.toPrecision(new BigDecimal("0.005"), 3, 2, true));
        assertNull(DecimalKernels.toPrecision(new BigDecimal("12345.678"), 5, 2, false));
        SparkArithmeticException e = assertThrows(SparkArithmeticException.class,
                () -> DecimalKernels.toPrecision(new BigDecimal("12345.678"), 5, 2, true));
        assertEquals("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", e.getCondition());
        assertEquals("12345.678", e.getMessageParameters().get("value"));
    }

    @Test
    void kernelsComputeAsSparksDecimal() {
        assertEquals(new BigDecimal("0.333333"), DecimalKernels.divide(BigDecimal.ONE, new BigDecimal("3"), 8, 6, true));
        assertEquals(new BigDecimal("0.3"), DecimalKernels.remainder(new BigDecimal("1.5"), new BigDecimal("0.4"), 1, 1, true));
        assertEquals(new BigDecimal("0.5"), DecimalKernels.pmod(new BigDecimal("-7.5"), new BigDecimal("2"), 2, 1, true));
        assertEquals(3L, DecimalKernels.div(new BigDecimal("1.5"), new BigDecimal("0.4"), true));
        assertEquals(new BigDecimal("2.2"), DecimalKernels.round(new BigDecimal("2.25"), 1, RoundingMode.HALF_EVEN, 3, 1, true));
        assertEquals(1_500_000L, DecimalKernels.secondsToMicros(new BigDecimal("1.5")));
        assertEquals(-1L, DecimalKernels.secondsToMicros(new BigDecimal("-0.000001")));
        assertEquals(7, DecimalKernels.toIntegral(new BigDecimal("7.9"), DataTypes.IntegerType, true, d(2, 1)));
    }
}
