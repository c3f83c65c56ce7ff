package io.tideway.sql.types;

/**
 * {@code decimal(precision, scale)}, mirroring Spark's {@code DecimalType}: a Java
 * {@link java.math.BigDecimal} of at most {@code precision} digits with exactly {@code scale}
 * of them after the point. In a row, up to 18 digits live in the slot as the unscaled long, wider
 * values as bytes (see {@code RowDescriptor}). Immutable; equal by precision and scale.
 */
public final class DecimalType extends FractionalType {
    private static final long serialVersionUID = 1L;
    /** Spark's largest precision. */
    public static final int MAX_PRECISION = 38;
    private final int precision;
    private final int scale;

    /**
     * {@code decimal(precision, scale)}; throws {@code IllegalArgumentException} unless
     * {@code 1 <= precision <= 38} and {@code 0 <= scale <= precision}.
     */
    public DecimalType(int precision, int scale) {
        if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("Decimal precision " + precision + " and scale " + scale
                    + " are out of range: precision must be in [1, 38] and scale in [0, precision]");
        }
        this.precision = precision;
        this.scale = scale;
    }

    /** Spark's {@code DecimalType.SYSTEM_DEFAULT}, decimal(38,18): a Java BigDecimal's type in an encoder. */
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(MAX_PRECISION, 18);
    /** Spark's {@code DecimalType.USER_DEFAULT}, decimal(10,0): a bare {@code DECIMAL}. */
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

    /** Spark's {@code DecimalType(precision)}: scale 0. */
    public DecimalType(int precision) {
        this(precision, 0);
    }

    /** Spark's {@code DecimalType()}: decimal(10,0). */
    public DecimalType() {
        this(10, 0);
    }

    /** Spark's {@code DecimalType.MAX_PRECISION()} as a Java caller writes it: 38. */
    public static int MAX_PRECISION() {
        return MAX_PRECISION;
    }

    /** Spark's {@code DecimalType.MAX_SCALE()}: 38. */
    public static int MAX_SCALE() {
        return MAX_PRECISION;
    }

    /** Spark's {@code DecimalType.DEFAULT_SCALE()}: 18, the scale of {@link #SYSTEM_DEFAULT}. */
    public static int DEFAULT_SCALE() {
        return 18;
    }

    /** Spark's {@code DecimalType.MINIMUM_ADJUSTED_SCALE()}: 6, the scale division keeps when precision runs out. */
    public static int MINIMUM_ADJUSTED_SCALE() {
        return 6;
    }

    /** Spark's {@code DecimalType.SYSTEM_DEFAULT()} as a Java caller writes it. */
    public static DecimalType SYSTEM_DEFAULT() {
        return SYSTEM_DEFAULT;
    }

    /** Spark's {@code DecimalType.USER_DEFAULT()} as a Java caller writes it. */
    public static DecimalType USER_DEFAULT() {
        return USER_DEFAULT;
    }

    /** Spark's {@code DecimalType.bounded}: both capped at 38. */
    public static DecimalType bounded(int precision, int scale) {
        return new DecimalType(Math.min(precision, MAX_PRECISION), Math.min(scale, MAX_PRECISION));
    }

    /**
     * The type of a literal: Spark's {@code DecimalType.fromDecimal}, precision at least the scale;
     * a negative scale counts as 0 (its value is then {@code setScale(0)}).
     */
    public static DecimalType forValue(java.math.BigDecimal v) {
        java.math.BigDecimal x = v.scale() < 0 ? v.setScale(0) : v;
        return new DecimalType(Math.max(x.precision(), x.scale()), x.scale());
    }

    /** Whether values of {@code t} are decimals that fit an int (at most 9 digits). */
    public static boolean is32BitDecimalType(DataType t) {
        return t instanceof DecimalType d && d.precision <= 9;
    }

    /** Whether values of {@code t} are decimals that fit a long (at most 18 digits). */
    public static boolean is64BitDecimalType(DataType t) {
        return t instanceof DecimalType d && d.precision <= 18;
    }

    /** Whether values of {@code t} are decimals too wide for a long. */
    public static boolean isByteArrayDecimalType(DataType t) {
        return t instanceof DecimalType d && d.precision > 18;
    }

    /** Whether every value of {@code other} (a decimal or an integer type) fits this type. */
    public boolean isWiderThan(DataType other) {
        DecimalType d = asDecimal(other);
        return d != null && precision - scale >= d.precision - d.scale && scale >= d.scale;
    }

    /**
     * Whether every value of this type fits {@code other} (a decimal or an integer type); for an
     * integer type, strictly fewer integral digits and no fraction, as Spark's (equal digits may
     * overflow).
     */
    public boolean isTighterThan(DataType other) {
        DecimalType d = asDecimal(other);
        if (d == null) {
            return false;
        }
        if (other instanceof IntegralType) {
            return precision - scale < d.precision && scale == 0;
        }
        return precision - scale <= d.precision - d.scale && scale <= d.scale;
    }

    /** Spark's {@code DecimalType.forType} of an integer type, the decimal itself, or null. */
    private static DecimalType asDecimal(DataType t) {
        if (t instanceof DecimalType d) {
            return d;
        }
        if (t instanceof IntegralType) {
            int digits = t == DataTypes.ByteType ? 3 : t == DataTypes.ShortType ? 5 : t == DataTypes.IntegerType ? 10 : 20;
            return new DecimalType(digits, 0);
        }
        return null;
    }

    /** The greatest number of digits, 1 to 38. */
    public int precision() {
        return precision;
    }

    /** How many of the digits come after the decimal point. */
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

    /** Spark's estimate: a long up to 18 digits, else 16 bytes. */
    @Override
    public int defaultSize() {
        return precision <= 18 ? 8 : 16;
    }
}
