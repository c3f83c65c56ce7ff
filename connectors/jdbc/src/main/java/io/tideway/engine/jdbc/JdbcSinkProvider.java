package io.tideway.engine.jdbc;

import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.StreamSink;
import io.tideway.engine.spi.TableWriteProvider;
import io.tideway.sql.Row;
import io.tideway.sql.SaveMode;
import io.tideway.sql.types.StructType;

import java.util.Iterator;

/**
 * {@code format("jdbc").save()} and {@code df.write().jdbc(...)}: batch writes into a database table
 * ({@link JdbcTableWriter}). Like Spark's, it writes no streams. Stateless.
 */
public final class JdbcSinkProvider implements TableWriteProvider {
    @Override
    public String shortName() {
        return "jdbc";
    }

    @Override
    public StreamSink create(SinkContext context) {
        throw JdbcOptions.streamed("writing");
    }

    @Override
    public void writeTable(Iterator<Row> rows, StructType schema, Options options, SaveMode mode) {
        JdbcTableWriter.write(rows, schema, options, mode);
    }
}
