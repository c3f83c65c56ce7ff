package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.math.BigDecimal;

/**
 * Spark's {@code DecimalPrecision} with {@code spark.sql.decimalOperations.allowPrecisionLoss=true}
 * (its default): the result type of decimal arithmetic, and the decimal an integral operand
 * becomes beside a decimal (a literal as few digits as it has, a column as many as its type can
 * hold). Stateless.
 */
public final class DecimalPrecision {
    /** Spark keeps at least this many fraction digits when a result must lose precision. */
    private static final int MINIMUM_ADJUSTED_SCALE = 6;

    private DecimalPrecision() {
    }

    /** The decimal that holds every value of an integral type, or null for another type. */
    public static DecimalType forIntegral(DataType t) {
        if (t == DataTypes.ByteType) {
            return new DecimalType(3, 0);
        }
        if (t == DataTypes.ShortType) {
            return new DecimalType(5, 0);
        }
        if (t == DataTypes.IntegerType) {
            return new DecimalType(10, 0);
        }
        if (t == DataTypes.LongType) {
            return new DecimalType(20, 0);
        }
        return t instanceof DecimalType d ? d : null;
    }

    /** The decimal {@code e} is brought to beside a decimal: an integral literal's own digits, else its type's. */
    public static DecimalType operandType(Expression e) {
        if (e instanceof Literal l && l.value() instanceof Number n && TypeCoercion.integral(e.dataType())) {
            return DecimalType.forValue(BigDecimal.valueOf(n.longValue()));
        }
        return forIntegral(e.dataType());
    }

    /** Spark's {@code adjustPrecisionScale}: a precision above 38 gives up fraction digits, keeping at least 6. */
    public static DecimalType adjust(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        int intDigits = precision - scale;
        int minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
        return new DecimalType(DecimalType.MAX_PRECISION, Math.max(DecimalType.MAX_PRECISION - intDigits, minScale));
    }

    /** The result type of {@code a op b} for two decimals; null for {@code div}, which is a bigint. */
    public static DecimalType result(BinaryArithmetic.Op op, DecimalType a, DecimalType b) {
        int p1 = a.precision();
        int s1 = a.scale();
        int p2 = b.precision();
        int s2 = b.scale();
        return switch (op) {
            case ADD, SUBTRACT -> {
                int s = Math.max(s1, s2);
                yield adjust(Math.max(p1 - s1, p2 - s2) + s + 1, s);
            }
            case MULTIPLY -> adjust(p1 + p2 + 1, s1 + s2);
            case DIVIDE -> {
                int intDigits = p1 - s1 + s2;
                int s = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
                yield adjust(intDigits + s, s);
            }
            case REMAINDER, PMOD -> {
                int s = Math.max(s1, s2);
                yield adjust(Math.min(p1 - s1, p2 - s2) + s, s);
            }
            case DIV -> null;
        };
    }

    /** Spark's {@code DecimalType.isWiderThan}: every value of {@code other} fits {@code t}. */
    public static boolean isWiderThan(DecimalType t, DataType other) {
        DecimalType o = forIntegral(other);
        return o != null && t.precision() - t.scale() >= o.precision() - o.scale() && t.scale() >= o.scale();
    }

    /** Spark's {@code Cast.canNullSafeCastToDecimal}: no value of {@code from} overflows {@code to}. */
    public static boolean canNullSafeCast(DataType from, DecimalType to) {
        if (from instanceof DecimalType d) {
            return to.precision() - to.scale() > d.precision() - d.scale();
        }
        if (from == DataTypes.BooleanType) {
            return isWiderThan(to, new DecimalType(1, 0));
        }
        return isWiderThan(to, from);
    }

    /**
     * Spark 4's {@code widerDecimalType}: room for both's integral digits and fraction digits; beyond
     * 38 digits the fraction gives way first ({@code DecimalType.boundedPreferIntegralDigits}).
     */
    public static DecimalType wider(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        int precision = range + scale;
        if (precision <= DecimalType.MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        return new DecimalType(DecimalType.MAX_PRECISION, Math.max(0, scale - (precision - DecimalType.MAX_PRECISION)));
    }
}
