package io.tideway.engine.expr.codegen;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * A value in generated code: the names of the local variables that hold it. {@code isNull} is a
 * boolean; a {@link Kind#LONG} value (boolean, tinyint, smallint, int, date, long, timestamp, and
 * null-typed) is in {@code value} as a long, a {@link Kind#DOUBLE} (double, float) as a double, a {@link Kind#BYTES} value
 * (string, binary, array, map) in three variables: {@code value} (the buffer), {@code offset}, {@code length}
 * — the same encoding the interpreted {@code Evaluator} fields use; a {@link Kind#DECIMAL} value
 * is a {@code java.math.BigDecimal} at its type's scale in {@code value}. Immutable.
 */
public record CodeValue(DataType type, Kind kind, String isNull, String value, String offset, String length) {
    public enum Kind { LONG, DOUBLE, BYTES, DECIMAL }

    /** The kind a type's values have, or null if generated code does not handle the type. */
    public static Kind kindOf(DataType t) {
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            return Kind.DOUBLE;
        }
        if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
            return Kind.LONG;
        }
        if (t == DataTypes.BooleanType || t == DataTypes.IntegerType || t == DataTypes.LongType
                || t == DataTypes.DateType || t == DataTypes.TimestampType || t == DataTypes.NullType) {
            return Kind.LONG;
        }
        if (io.tideway.engine.row.TemporalValues.isLongBacked(t)) {
            return Kind.LONG; // intervals and timestamp_ntz: micros, months or local micros
        }
        if (t instanceof io.tideway.sql.types.DecimalType) {
            return Kind.DECIMAL;
        }
        if (t == DataTypes.StringType || t == DataTypes.BinaryType || t == DataTypes.CalendarIntervalType
                || t == DataTypes.VariantType) { // a variant: VariantLayout's bytes
            return Kind.BYTES;
        }
        if (t instanceof io.tideway.sql.types.UserDefinedType<?> u) {
            return kindOf(u.sqlType()); // a user-defined type's values are its SQL type's
        }
        // arrays, maps and structs travel as their encoded bytes, as strings do
        if (t instanceof io.tideway.sql.types.ArrayType || t instanceof io.tideway.sql.types.MapType
                || t instanceof io.tideway.sql.types.StructType) {
            return Kind.BYTES;
        }
        return null;
    }
}
