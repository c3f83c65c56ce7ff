package io.tideway.engine.spi;

import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A sink provider that writes files, and so also serves {@code partitionBy} on a stream writer and
 * the batch writes of {@code df.write()}: the seam through which {@code DataStreamWriter} and
 * {@code DataFrameWriter} reach the file sinks (module {@code tideway-files}, and Parquet's) found
 * through {@link java.util.ServiceLoader}, without naming them. Stateless and thread-safe.
 */
public interface FileWriteProvider extends SinkProvider {
    /** {@code options} with the stream writer's {@code partitionBy} columns, as the file sink reads them back. */
    Options withPartitionColumns(Options options, List<String> columns);

    /**
     * Opens a batch write of rows of {@code schema} into {@code dir}, with {@code partitionBy}
     * directories; checks the columns and the format's options first, in Spark's words.
     */
    BatchFileWrite openBatchWrite(Path dir, StructType schema, Options options, List<String> partitionBy,
                                  ZoneId zone, Map<String, String> sessionConf);
}
