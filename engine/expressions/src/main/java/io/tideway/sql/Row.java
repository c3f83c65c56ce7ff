package io.tideway.sql;

import io.tideway.engine.error.RowErrors;
import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/**
 * One row as Java values, mirroring Spark's {@code Row}: {@code long} columns are {@link Long},
 * {@code timestamp} is {@link Timestamp}, {@code date} is {@link Date}, arrays are {@link List}, maps {@link java.util.Map},
 * structs are {@code Row}, binary is {@code byte[]}. Immutable. Rows built by the engine carry
 * their schema, so {@link #getAs(String)} works.
 */
public interface Row extends Serializable {
    /** The number of fields. */
    int size();

    /**
     * A row that stays valid: this one for rows Tideway made for you to keep (collected rows,
     * memory tables), a decoded copy for the reused view a {@code ForeachWriter<Row>} receives,
     * which is only valid during {@code process()} (Spark's {@code Row.copy()} convention).
     */
    default Row copy() {
        return this;
    }

    /** The number of fields, as {@link #size()}. */
    default int length() {
        return size();
    }

    /** The value of field {@code i} as a Java object (see the type mapping above), or null. */
    Object get(int i);

    /** The schema, or null for rows made by {@link RowFactory#create}. */
    StructType schema();

    /** Whether field {@code i} is null. */
    default boolean isNullAt(int i) {
        return get(i) == null;
    }

    /** Whether any field is null. */
    default boolean anyNull() {
        for (int i = 0; i < size(); i++) {
            if (isNullAt(i)) {
                return true;
            }
        }
        return false;
    }

    /** Field {@code i} as a {@code String}; null stays null. */
    default String getString(int i) {
        return (String) get(i);
    }

    /**
     * Field {@code i} as a {@code boolean}; a null field throws Spark 4's
     * {@code SparkRuntimeException} {@code [ROW_VALUE_IS_NULL]}, a field of another type
     * {@code ClassCastException}. The other primitive getters do the same: each casts the value to
     * its own boxed type, as Spark's, so {@code getInt} of a {@code bigint} field fails rather
     * than converting.
     */
    default boolean getBoolean(int i) {
        return (Boolean) nonNull(i);
    }

    /** Field {@code i}, an {@code int} ({@link Integer}); see {@link #getBoolean} for null and other types. */
    default int getInt(int i) {
        return (Integer) nonNull(i);
    }

    /** Field {@code i}, a {@code bigint} ({@link Long}); see {@link #getBoolean} for null and other types. */
    default long getLong(int i) {
        return (Long) nonNull(i);
    }

    /** Field {@code i}, a {@code double} ({@link Double}); see {@link #getBoolean} for null and other types. */
    default double getDouble(int i) {
        return (Double) nonNull(i);
    }

    /** Field {@code i}, a {@code tinyint} ({@link Byte}); see {@link #getBoolean} for null and other types. */
    default byte getByte(int i) {
        return (Byte) nonNull(i);
    }

    /** Field {@code i}, a {@code smallint} ({@link Short}); see {@link #getBoolean} for null and other types. */
    default short getShort(int i) {
        return (Short) nonNull(i);
    }

    /** Field {@code i}, a {@code float} ({@link Float}); see {@link #getBoolean} for null and other types. */
    default float getFloat(int i) {
        return (Float) nonNull(i);
    }

    /** A decimal field's value; null stays null, as Spark's {@code getDecimal}. */
    default java.math.BigDecimal getDecimal(int i) {
        return (java.math.BigDecimal) get(i);
    }

    /** A {@code timestamp} field as a {@code java.sql.Timestamp}; null stays null. */
    default Timestamp getTimestamp(int i) {
        return (Timestamp) get(i);
    }

    /** A {@code date} field as a {@code java.sql.Date}; null stays null. */
    default Date getDate(int i) {
        return (Date) get(i);
    }

    /**
     * A {@code date} field as a {@code java.time.LocalDate} (rows hold one when
     * {@code spark.sql.datetime.java8API.enabled} is true; otherwise, as in Spark, the cast fails).
     */
    default java.time.LocalDate getLocalDate(int i) {
        return (java.time.LocalDate) get(i);
    }

    /** A {@code timestamp} field as a {@code java.time.Instant}, under the same condition as {@link #getLocalDate}. */
    default java.time.Instant getInstant(int i) {
        return (java.time.Instant) get(i);
    }

    /** An array field as a {@code java.util.List}; null stays null. */
    @SuppressWarnings("unchecked")
    default <T> List<T> getList(int i) {
        return (List<T>) get(i);
    }

    /** A map field as a {@link java.util.Map} in entry order, as Spark's {@code getJavaMap}. */
    @SuppressWarnings("unchecked")
    default <K, V> java.util.Map<K, V> getJavaMap(int i) {
        return (java.util.Map<K, V>) get(i);
    }

    /** A map field as Spark's {@code getMap} returns it, a Scala map (a view of {@link #getJavaMap}; null for null). */
    default <K, V> scala.collection.Map<K, V> getMap(int i) {
        java.util.Map<K, V> m = getJavaMap(i);
        return m == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(m);
    }

    /** An array field as Spark's {@code getSeq} returns it, a Scala sequence (a view of {@link #getList}; null for null). */
    default <T> scala.collection.Seq<T> getSeq(int i) {
        List<T> l = getList(i);
        return l == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(l);
    }

    /** A struct field as a {@code Row} with its own schema; null stays null. */
    default Row getStruct(int i) {
        return (Row) get(i);
    }

    /**
     * Field {@code i}, cast to the type the caller expects (a wrong type fails with
     * {@code ClassCastException} where the value is used).
     */
    @SuppressWarnings("unchecked")
    default <T> T getAs(int i) {
        return (T) get(i);
    }

    /**
     * The field called {@code fieldName}, cast to the type the caller expects; see
     * {@link #fieldIndex(String)} for the lookup.
     */
    @SuppressWarnings("unchecked")
    default <T> T getAs(String fieldName) {
        return (T) get(fieldIndex(fieldName));
    }

    /**
     * The position of the field called exactly {@code name} in {@link #schema()}, as
     * {@link StructType#fieldIndex} ({@code [FIELD_NOT_FOUND]} for an unknown name). A row without
     * a schema throws Spark 4's {@code SparkUnsupportedOperationException}
     * {@code [UNSUPPORTED_CALL.FIELD_INDEX]}.
     */
    default int fieldIndex(String name) {
        if (schema() == null) {
            throw RowErrors.fieldIndexWithoutSchema(name);
        }
        return schema().fieldIndex(name);
    }

    private Object nonNull(int i) {
        Object v = get(i);
        if (v == null) {
            throw RowErrors.valueIsNull(i);
        }
        return v;
    }

    /** The value of field {@code i}, as {@link #get(int)} (Scala's {@code row(i)}). */
    default Object apply(int i) {
        return get(i);
    }

    /** The fields' values in order, as Spark's {@code toSeq} returns them, a Scala sequence. */
    default scala.collection.immutable.Seq<Object> toSeq() {
        List<Object> values = new java.util.ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            values.add(get(i));
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }

    /**
     * The row as compact JSON, as Spark's {@code json}: needs a schema; null fields kept,
     * timestamps {@code yyyy-MM-dd HH:mm:ss} in the session time zone (see
     * {@link io.tideway.engine.format.RowJson}).
     */
    default String json() {
        return io.tideway.engine.format.RowJson.render(this, false);
    }

    /** The row as indented JSON, as Spark's {@code prettyJson}. */
    default String prettyJson() {
        return io.tideway.engine.format.RowJson.render(this, true);
    }

    /** A row with no fields, as Spark's {@code Row.empty()}. */
    static Row empty() {
        return RowFactory.create();
    }

    /** The fields' string forms run together. */
    default String mkString() {
        return mkString("");
    }

    /** The fields' string forms joined by {@code sep}, between {@code start} and {@code end}. */
    default String mkString(String start, String sep, String end) {
        return start + mkString(sep) + end;
    }

    /** The fields' string forms joined by {@code sep} ({@code null} for a null field). */
    default String mkString(String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(get(i));
        }
        return sb.toString();
    }
}
