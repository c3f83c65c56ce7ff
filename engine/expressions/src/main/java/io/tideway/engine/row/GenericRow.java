package io.tideway.engine.row;

import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

/** A {@link Row} over an array of Java values. Immutable once built; safe to share. */
public final class GenericRow implements Row {
    private static final long serialVersionUID = 1L;
    private final Object[] values;
    private final StructType schema;

    public GenericRow(Object[] values, StructType schema) {
        this.values = values;
        this.schema = schema;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        return values[i];
    }

    @Override
    public StructType schema() {
        return schema;
    }

    /** Spark's form: {@code [a,b,c]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i] instanceof byte[] b ? Arrays.toString(b) : values[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Row other) || other.size() != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!java.util.Objects.deepEquals(values[i], other.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
