package io.tideway.engine.format;

import io.tideway.engine.expr.DecimalKernels;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.math.BigDecimal;

/**
 * Converts one CSV token to the Java value of a schema type, as Spark's {@code UnivocityParser}:
 * the {@code nullValue} token is null; numbers are parsed strictly (no trimming); a failure
 * throws, which makes the record malformed. Immutable and thread-safe.
 */
public final class CsvValueParser {
    private final String nullValue;
    private final TimestampParser timestamps;

    public CsvValueParser(String nullValue, TimestampParser timestamps) {
        this.nullValue = nullValue;
        this.timestamps = timestamps;
    }

    public TimestampParser timestamps() {
        return timestamps;
    }

    /** True for the types CSV can hold; Spark rejects arrays, maps and structs. */
    public static boolean supports(DataType t) {
        return t == DataTypes.StringType || t == DataTypes.IntegerType || t == DataTypes.LongType
                || t == DataTypes.DoubleType || t == DataTypes.BooleanType || t == DataTypes.TimestampType
                || t == DataTypes.DateType || t == DataTypes.BinaryType || t == DataTypes.ByteType
                || t == DataTypes.ShortType || t == DataTypes.FloatType || t instanceof DecimalType;
    }

    public Object parse(String token, DataType t) {
        if (token == null || token.equals(nullValue)) {
            return null;
        }
        if (t == DataTypes.StringType) {
            return token;
        } else if (t == DataTypes.IntegerType) {
            return Integer.parseInt(token);
        } else if (t == DataTypes.LongType) {
            return Long.parseLong(token);
        } else if (t == DataTypes.ByteType) {
            return Byte.parseByte(token);
        } else if (t == DataTypes.ShortType) {
            return Short.parseShort(token);
        } else if (t == DataTypes.FloatType) {
            return switch (token) {
                case "NaN" -> Float.NaN;
                case "Inf" -> Float.POSITIVE_INFINITY;
                case "-Inf" -> Float.NEGATIVE_INFINITY;
                default -> Float.parseFloat(token);
            };
        } else if (t instanceof DecimalType d) {
            return decimal(new BigDecimal(token), d);
        } else if (t == DataTypes.DoubleType) {
            return switch (token) {
                case "NaN" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(token);
            };
        } else if (t == DataTypes.BooleanType) {
            if (token.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            } else if (token.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("For input string: \"" + token + "\"");
        } else if (t == DataTypes.TimestampType) {
            return timestamps.timestamp(token);
        } else if (t == DataTypes.DateType) {
            return timestamps.date(token);
        } else if (t == DataTypes.BinaryType) {
            return token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("CSV data source does not support " + t.simpleString() + " data type.");
    }

    /** {@code v} at the type's scale (rounded half up), or a failure when it has more digits than the type holds. */
    public static BigDecimal decimal(BigDecimal v, DecimalType d) {
        BigDecimal r = DecimalKernels.toPrecision(v, d.precision(), d.scale(), false);
        if (r == null) {
            throw new IllegalArgumentException(v.toPlainString() + " cannot be represented as Decimal(" + d.precision()
                    + ", " + d.scale() + ")");
        }
        return r;
    }
}
