package io.tideway.sql;

import io.tideway.engine.row.GenericRow;

/** Creates rows from Java values, mirroring Spark's {@code RowFactory}. */
public final class RowFactory {
    private RowFactory() {
    }

    public static Row create(Object... values) {
        return new GenericRow(values.clone(), null);
    }
}
