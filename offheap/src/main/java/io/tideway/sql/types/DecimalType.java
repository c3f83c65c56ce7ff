package io.tideway.sql.types;

/**
 * {@code decimal(precision, scale)}, mirroring Spark's {@code DecimalType}: the type exists so that
 * Spark programs naming it compile and schemas can say it, but Tideway does not compute with
 * decimals yet — a query that would produce or read one fails at analysis with
 * {@code [UNSUPPORTED_DATATYPE]}. Immutable; equal by precision and scale.
 */
public final class DecimalType extends DataType {
    private static final long serialVersionUID = 1L;
    /** Spark's largest precision. */
    public static final int MAX_PRECISION = 38;
    private final int precision;
    private final int scale;

    public DecimalType(int precision, int scale) {
        if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("Decimal precision " + precision + " and scale " + scale
                    + " are out of range: precision must be in [1, 38] and scale in [0, precision]");
        }
        this.precision = precision;
        this.scale = scale;
    }

    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    @Override
    public String typeName() {
        return simpleString();
    }

    @Override
    public String simpleString() {
        return "decimal(" + precision + "," + scale + ")";
    }

    /** An unscaled value of up to 18 digits fits a row's 8-byte slot, as in Spark's UnsafeRow. */
    @Override
    public boolean isFixedWidth() {
        return precision <= 18;
    }

    @Override
    public String toString() {
        return "DecimalType(" + precision + "," + scale + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecimalType d && d.precision == precision && d.scale == scale;
    }

    @Override
    public int hashCode() {
        return precision * 31 + scale;
    }
}
