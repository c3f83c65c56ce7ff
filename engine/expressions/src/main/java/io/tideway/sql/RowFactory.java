package io.tideway.sql;

import io.tideway.engine.row.GenericRow;

/** Creates rows from Java values, mirroring Spark's {@code RowFactory}. */
public final class RowFactory {
    private RowFactory() {
    }

    /**
     * A row of these values, in order, without a schema (as Spark's: fields are read by position; a
     * name lookup such as {@code getAs("x")} needs a row that has one). The array is copied.
     */
    public static Row create(Object... values) {
        return new GenericRow(values.clone(), null);
    }
}
