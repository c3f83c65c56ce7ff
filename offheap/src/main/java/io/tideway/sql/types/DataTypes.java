package io.tideway.sql.types;

import java.util.List;

/** Singletons and factories for data types, mirroring Spark's {@code DataTypes}. */
public final class DataTypes {
    public static final DataType BooleanType = io.tideway.sql.types.BooleanType.INSTANCE;
    public static final DataType ByteType = io.tideway.sql.types.ByteType.INSTANCE;
    public static final DataType ShortType = io.tideway.sql.types.ShortType.INSTANCE;
    public static final DataType IntegerType = io.tideway.sql.types.IntegerType.INSTANCE;
    public static final DataType LongType = io.tideway.sql.types.LongType.INSTANCE;
    public static final DataType FloatType = io.tideway.sql.types.FloatType.INSTANCE;
    public static final DataType DoubleType = io.tideway.sql.types.DoubleType.INSTANCE;
    public static final DataType StringType = io.tideway.sql.types.StringType.INSTANCE;
    public static final DataType BinaryType = io.tideway.sql.types.BinaryType.INSTANCE;
    public static final DataType TimestampType = io.tideway.sql.types.TimestampType.INSTANCE;
    /** {@code interval day to second}; other day-time fields through {@link #createDayTimeIntervalType(byte, byte)}. */
    public static final DataType DayTimeIntervalType = io.tideway.sql.types.DayTimeIntervalType.INSTANCE;
    public static final DataType CalendarIntervalType = io.tideway.sql.types.CalendarIntervalType.INSTANCE;
    public static final DataType TimestampNTZType = io.tideway.sql.types.TimestampNTZType.INSTANCE;
    public static final DataType DateType = io.tideway.sql.types.DateType.INSTANCE;
    public static final DataType NullType = io.tideway.sql.types.NullType.INSTANCE;

    private DataTypes() {
    }

    public static ArrayType createArrayType(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
        return new ArrayType(elementType, containsNull);
    }

    /** {@code map<keyType, valueType>} whose values may be null. */
    public static MapType createMapType(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
        return new MapType(keyType, valueType, valueContainsNull);
    }

    /** {@code decimal(precision, scale)}; see {@link io.tideway.sql.types.DecimalType} for what works today. */
    public static DecimalType createDecimalType(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    /** Spark's default, {@code decimal(10,0)}. */
    public static DecimalType createDecimalType() {
        return new DecimalType(10, 0);
    }

    public static StructField createStructField(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable);
    }

    public static StructType createStructType(List<StructField> fields) {
        return StructType.of(fields);
    }

    public static StructType createStructType(StructField[] fields) {
        return new StructType(fields);
    }

    /** Spark's {@code interval day to second}. */
    public static DayTimeIntervalType createDayTimeIntervalType() {
        return io.tideway.sql.types.DayTimeIntervalType.INSTANCE;
    }

    /** A day-time interval type from {@code startField} to {@code endField} ({@code DayTimeIntervalType.DAY()}...). */
    public static DayTimeIntervalType createDayTimeIntervalType(byte startField, byte endField) {
        return new io.tideway.sql.types.DayTimeIntervalType(startField, endField);
    }

    /** Spark's {@code interval year to month}. */
    public static YearMonthIntervalType createYearMonthIntervalType() {
        return io.tideway.sql.types.YearMonthIntervalType.INSTANCE;
    }

    /** A year-month interval type from {@code startField} to {@code endField} ({@code YearMonthIntervalType.YEAR()}...). */
    public static YearMonthIntervalType createYearMonthIntervalType(byte startField, byte endField) {
        return new io.tideway.sql.types.YearMonthIntervalType(startField, endField);
    }

    /** Parses a type name such as {@code "bigint"} or {@code "array<string>"}. */
    public static DataType fromName(String name) {
        return TypeNames.parse(name);
    }
}
