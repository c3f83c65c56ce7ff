package io.tideway.engine.sink.file;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.checkpoint.FileLogSettings;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The file sink behind {@code format("json" | "csv" | "text")} and, from its own module,
 * {@code "parquet"} on a stream writer: Append mode
 * only, option {@code path} required, exactly-once through {@code _spark_metadata}. Each
 * subclass supplies its output format, which validates the schema and format options.
 *
 * <p>Threading: stateless and thread-safe.
 */
public abstract class FileSinkProvider implements SinkProvider {
    @Override
    public final Set<OutputMode> supportedModes() {
        return Set.of(OutputMode.Append());
    }

    @Override
    public final StreamSink create(SinkContext context) {
        Options options = context.options();
        String path = options.get("path").orElseThrow(() -> new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2047"));
        Map<String, String> conf = context.session() == null ? Map.of() : context.session().conf().getAll();
        FileWriteFormat format = format(context.schema(), options, conf);
        return new FileStreamSink(Path.of(path.replaceFirst("^file:(//)?", "")), format, context.schema().length(),
                FileLogSettings.fileSink(conf));
    }

    /**
     * The format writing {@code schema} (the data columns); validates the format's own options,
     * which may default to a session setting in {@code sessionConf} (Parquet's codec).
     */
    protected abstract FileWriteFormat format(StructType schema, Options options, Map<String, String> sessionConf);
}
