package io.tideway.engine.spi;

import io.tideway.sql.Row;
import io.tideway.sql.SaveMode;
import io.tideway.sql.types.StructType;

import java.util.Iterator;

/**
 * A sink provider that writes a whole Dataset into a table outside the file system (a database's,
 * for {@code format("jdbc").save()} and {@code df.write().jdbc(...)}), the save mode deciding what
 * an existing table means: the seam through which {@code DataFrameWriter} reaches the JDBC sink
 * (module {@code tideway-jdbc}) without naming it. Stateless and thread-safe.
 */
public interface TableWriteProvider extends SinkProvider {
    /** Writes {@code rows} (of {@code schema}) into the table {@code options} name, on the calling thread, as {@code mode} says. */
    void writeTable(Iterator<Row> rows, StructType schema, Options options, SaveMode mode);
}
