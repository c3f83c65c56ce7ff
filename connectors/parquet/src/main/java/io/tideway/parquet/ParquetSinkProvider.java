package io.tideway.parquet;

import io.tideway.engine.sink.file.FileSinkProvider;
import io.tideway.engine.sink.file.FileWriteFormat;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.util.Map;

/**
 * {@code format("parquet")} for {@code writeStream()} and {@code write()}: Parquet part files,
 * Snappy by default ({@link ParquetCompression}), timestamps as {@link TimestampOutput} says.
 * Stateless.
 */
public final class ParquetSinkProvider extends FileSinkProvider {
    @Override
    public String shortName() {
        return "parquet";
    }

    @Override
    protected FileWriteFormat format(StructType schema, Options options, Map<String, String> sessionConf) {
        return new ParquetOutputFormat(schema, ParquetCompression.of(options, sessionConf),
                TimestampOutput.of(sessionConf), io.tideway.engine.conf.TidewayConf.PARQUET_WRITE_LEGACY_FORMAT.get(sessionConf));
    }
}
