package io.tideway.engine.sink.file;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.checkpoint.FileLogSettings;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.spi.BatchFileWrite;
import io.tideway.engine.spi.FileWriteProvider;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;

/**
 * The file sink behind {@code format("json" | "csv" | "text")} and, from its own module,
 * {@code "parquet"} on a stream writer: Append mode
 * only, option {@code path} required, exactly-once through {@code _spark_metadata}, with
 * {@code partitionBy} into {@code col=value/} directories. Each
 * subclass supplies its output format, which validates the schema and format options.
 *
 * <p>Threading: stateless and thread-safe.
 */
public abstract class FileSinkProvider implements FileWriteProvider {
    /** Spark's {@code DataSourceUtils.PARTITIONING_COLUMNS_KEY}. */
    static final String PARTITION_COLUMNS_KEY = "__partition_columns";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public final Set<OutputMode> supportedModes() {
        return Set.of(OutputMode.Append());
    }

    @Override
    public final StreamSink create(SinkContext context) {
        Options options = context.options();
        String path = options.get("path").orElseThrow(() -> new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2047"));
        Map<String, String> conf = context.session() == null ? Map.of() : context.session().conf().getAll();
        OutputPartitioning partitioning = OutputPartitioning.of(context.schema(), partitionColumns(options));
        FileWriteFormat format = format(partitioning.dataSchema(), options, conf);
        ZoneId zone = Objects.requireNonNullElseGet(TidewayConf.SESSION_TIME_ZONE.get(conf), ZoneId::systemDefault);
        return new FileStreamSink(Path.of(path.replaceFirst("^file:(//)?", "")), format, partitioning, zone,
                FileLogSettings.fileSink(conf));
    }

    /**
     * {@code options} with the stream writer's {@code partitionBy} columns, under the key Spark's
     * data sources receive them by ({@value #PARTITION_COLUMNS_KEY}, a JSON array of names).
     */
    @Override
    public final Options withPartitionColumns(Options options, List<String> columns) {
        Map<String, String> all = new LinkedHashMap<>(options.asMap());
        try {
            all.put(PARTITION_COLUMNS_KEY, JSON.writeValueAsString(columns));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings always serializes
        }
        return new Options(all);
    }

    @Override
    public final BatchFileWrite openBatchWrite(Path dir, StructType schema, Options options, List<String> partitionBy,
                                               ZoneId zone, Map<String, String> sessionConf) {
        return FileBatchWriter.open(this, dir, schema, options, partitionBy, zone, sessionConf);
    }

    private static List<String> partitionColumns(Options options) {
        String json = options.get(PARTITION_COLUMNS_KEY).orElse(null);
        if (json == null) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode n : JSON.readTree(json)) {
                names.add(n.asText());
            }
            return names;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid " + PARTITION_COLUMNS_KEY + ": " + json, e);
        }
    }

    /**
     * The format writing {@code schema} (the data columns); validates the format's own options,
     * which may default to a session setting in {@code sessionConf} (Parquet's codec).
     */
    protected abstract FileWriteFormat format(StructType schema, Options options, Map<String, String> sessionConf);
}
