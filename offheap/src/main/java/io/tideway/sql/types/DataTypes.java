package io.tideway.sql.types;

import java.util.List;

/** Singletons and factories for data types, mirroring Spark's {@code DataTypes}. */
public final class DataTypes {
    /** {@code boolean}, a Java {@code Boolean} in a row. */
    public static final DataType BooleanType = io.tideway.sql.types.BooleanType.INSTANCE;
    /** {@code tinyint}, a Java {@code Byte} in a row. */
    public static final DataType ByteType = io.tideway.sql.types.ByteType.INSTANCE;
    /** {@code smallint}, a Java {@code Short} in a row. */
    public static final DataType ShortType = io.tideway.sql.types.ShortType.INSTANCE;
    /** {@code int}, a Java {@code Integer} in a row. */
    public static final DataType IntegerType = io.tideway.sql.types.IntegerType.INSTANCE;
    /** {@code bigint}, a Java {@code Long} in a row. */
    public static final DataType LongType = io.tideway.sql.types.LongType.INSTANCE;
    /** {@code float}, a Java {@code Float} in a row. */
    public static final DataType FloatType = io.tideway.sql.types.FloatType.INSTANCE;
    /** {@code double}, a Java {@code Double} in a row. */
    public static final DataType DoubleType = io.tideway.sql.types.DoubleType.INSTANCE;
    /** {@code string}, a Java {@code String} in a row. */
    public static final DataType StringType = io.tideway.sql.types.StringType.INSTANCE;
    /** {@code binary}, a Java {@code byte[]} in a row. */
    public static final DataType BinaryType = io.tideway.sql.types.BinaryType.INSTANCE;
    /**
     * {@code timestamp}: an instant, with the session time zone (a {@code java.sql.Timestamp} in a
     * row).
     */
    public static final DataType TimestampType = io.tideway.sql.types.TimestampType.INSTANCE;
    /** {@code interval day to second}; other day-time fields through {@link #createDayTimeIntervalType(byte, byte)}. */
    public static final DataType DayTimeIntervalType = io.tideway.sql.types.DayTimeIntervalType.INSTANCE;
    /**
     * {@code interval}: months, days and microseconds kept apart, as {@code make_interval} builds
     * them.
     */
    public static final DataType CalendarIntervalType = io.tideway.sql.types.CalendarIntervalType.INSTANCE;
    /** {@code variant}: a semi-structured value in Spark's binary variant encoding. */
    public static final DataType VariantType = io.tideway.sql.types.VariantType.INSTANCE;
    /**
     * {@code timestamp_ntz}: a local date-time without a time zone ({@code java.time.LocalDateTime}
     * in a row).
     */
    public static final DataType TimestampNTZType = io.tideway.sql.types.TimestampNTZType.INSTANCE;
    /** {@code date}, a {@code java.sql.Date} in a row. */
    public static final DataType DateType = io.tideway.sql.types.DateType.INSTANCE;
    /** {@code void}, the type of an untyped {@code NULL} literal. */
    public static final DataType NullType = io.tideway.sql.types.NullType.INSTANCE;

    private DataTypes() {
    }

    /** {@code array<elementType>} whose elements may be null. */
    public static ArrayType createArrayType(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    /** {@code array<elementType>}; {@code containsNull} says whether an element may be null. */
    public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
        return new ArrayType(elementType, containsNull);
    }

    /** {@code map<keyType, valueType>} whose values may be null. */
    public static MapType createMapType(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    /**
     * {@code map<keyType, valueType>}; {@code valueContainsNull} says whether a value may be null.
     */
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

    /** Spark's {@code char(length)}. */
    public static CharType createCharType(int length) {
        return new CharType(length);
    }

    /** Spark's {@code varchar(length)}. */
    public static VarcharType createVarcharType(int length) {
        return new VarcharType(length);
    }

    /** A field with {@code metadata} (null means none). */
    public static StructField createStructField(String name, DataType type, boolean nullable, Metadata metadata) {
        return new StructField(name, type, nullable, metadata);
    }

    /** A field without metadata. */
    public static StructField createStructField(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable);
    }

    /** A struct of these fields, in list order. */
    public static StructType createStructType(List<StructField> fields) {
        return StructType.of(fields);
    }

    /** A struct of these fields, in order. */
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
