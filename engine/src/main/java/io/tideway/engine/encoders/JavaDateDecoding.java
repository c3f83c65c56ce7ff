package io.tideway.engine.encoders;

import io.tideway.SparkRuntimeException;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Spark's limit on turning a DATE into a {@code java.sql.Date} when it decodes a row for user code
 * ({@code collectAsList}): its deserializer ({@code DateTimeUtils.toJavaDate}) rebases the day to
 * the Julian calendar, and for a day so early that the Julian day number leaves the int range it
 * fails with {@code EXPRESSION_DECODING_FAILED}, naming the row's deserializer expression.
 * Tideway's rows hold the same day numbers, so the same days fail here. Stateless.
 */
final class JavaDateDecoding {
    /**
     * The earliest day (since 1970-01-01) Spark 4.0.4's {@code toJavaDate} decodes, -5877520-03-03;
     * every later day decodes (found by probing Spark's function over the int range).
     */
    static final int MIN_DAY = -2147439564;

    private JavaDateDecoding() {
    }

    /** The ordinals of {@code schema}'s DATE columns. */
    static int[] dateFields(StructType schema) {
        int n = 0;
        for (StructField f : schema.fields()) {
            n += f.dataType() == DataTypes.DateType ? 1 : 0;
        }
        int[] out = new int[n];
        for (int i = 0, k = 0; i < schema.length(); i++) {
            if (schema.apply(i).dataType() == DataTypes.DateType) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Throws Spark's decoding error if one of {@code row}'s {@code dateFields} holds a day before {@link #MIN_DAY}. */
    static void check(RowReader row, int[] dateFields, StructType schema) {
        for (int i : dateFields) {
            if (!row.isNullAt(i) && row.getInt(i) < MIN_DAY) {
                throw new SparkRuntimeException("EXPRESSION_DECODING_FAILED", Map.of("expressions", deserializer(schema)));
            }
        }
    }

    /**
     * Spark's deserializer of a {@code Row} of {@code schema} as it prints it: {@code createexternalrow}
     * of each column's converter, then the schema's fields. Exact for atomic columns; a nested
     * column prints as its bare input reference.
     */
    static String deserializer(StructType schema) {
        StringJoiner j = new StringJoiner(", ", "createexternalrow(", ")");
        for (int i = 0; i < schema.length(); i++) {
            StructField f = schema.apply(i);
            j.add(converter("input[" + i + ", " + f.dataType().simpleString() + ", " + f.nullable() + "]", f.dataType()));
        }
        for (StructField f : schema.fields()) {
            j.add(f.toString());
        }
        return j.toString();
    }

    private static String converter(String input, DataType t) {
        if (t == DataTypes.DateType) {
            return "static_invoke(DateTimeUtils.toJavaDate(" + input + "))";
        }
        if (t == DataTypes.TimestampType) {
            return "static_invoke(DateTimeUtils.toJavaTimestamp(" + input + "))";
        }
        if (t == DataTypes.StringType) {
            return input + ".toString";
        }
        return t instanceof DecimalType ? input + ".toJavaBigDecimal" : input;
    }
}
