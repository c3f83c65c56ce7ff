package io.tideway.sql;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.connector.Providers;
import io.tideway.engine.datasource.DataSourceErrors;
import io.tideway.engine.exec.BatchExecutor;
import io.tideway.engine.sink.file.FileBatchWriter;
import io.tideway.engine.sink.file.FileSinkProvider;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SinkProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a batch Dataset once, mirroring Spark's {@code DataFrameWriter}
 * ({@code df.write().mode("append").json(path)}, what {@code foreachBatch} functions call): the
 * file formats {@code json}, {@code csv} and {@code text}, with the streaming file sink's options
 * and output, files laid out as Spark writes them ({@link FileBatchWriter}) and readable by
 * {@code spark.read()} and by the streaming file source. The save mode decides what happens to an
 * existing path: {@code errorifexists} (the default) fails with {@code [PATH_ALREADY_EXISTS]},
 * {@code append} adds files, {@code overwrite} deletes the path first, {@code ignore} writes
 * nothing. Not thread-safe (a builder); the write runs on the calling thread.
 */
public final class DataFrameWriter<T> {
    private final Dataset<T> ds;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format;
    private SaveMode mode = SaveMode.ErrorIfExists;
    private List<String> partitionBy = List.of();

    DataFrameWriter(Dataset<T> ds) {
        this.ds = ds;
    }

    public DataFrameWriter<T> format(String source) {
        this.format = source;
        return this;
    }

    public DataFrameWriter<T> mode(SaveMode saveMode) {
        this.mode = saveMode;
        return this;
    }

    /** {@code append}, {@code overwrite}, {@code ignore}, {@code error}, {@code errorifexists} or {@code default}, in any case. */
    public DataFrameWriter<T> mode(String saveMode) {
        this.mode = switch (saveMode.toLowerCase(Locale.ROOT)) {
            case "overwrite" -> SaveMode.Overwrite;
            case "append" -> SaveMode.Append;
            case "ignore" -> SaveMode.Ignore;
            case "error", "errorifexists", "default" -> SaveMode.ErrorIfExists;
            default -> throw DataSourceErrors.invalidSaveMode(saveMode);
        };
        return this;
    }

    public DataFrameWriter<T> option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameWriter<T> option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataFrameWriter<T> option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataFrameWriter<T> option(String key, double value) {
        return option(key, Double.toString(value));
    }

    public DataFrameWriter<T> options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /** Writes one {@code col=value/} directory per distinct value of these columns, which leave the files. */
    public DataFrameWriter<T> partitionBy(String... colNames) {
        this.partitionBy = Arrays.asList(colNames);
        return this;
    }

    /** Writes to the {@code path} option. */
    public void save() {
        String path = new Options(options).get("path").orElse(null);
        if (path == null) {
            throw DataSourceErrors.expectedOnePath("");
        }
        write(path);
    }

    public void save(String path) {
        Map<String, String> without = new LinkedHashMap<>(options);
        without.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
        options.clear();
        options.putAll(without);
        write(path);
    }

    public void json(String path) {
        format("json").save(path);
    }

    public void csv(String path) {
        format("csv").save(path);
    }

    public void text(String path) {
        format("text").save(path);
    }

    /** Needs the {@code io.tideway:tideway-parquet} module on the class path. */
    public void parquet(String path) {
        format("parquet").save(path);
    }

    private void write(String path) {
        TidewaySession session = ds.sparkSession();
        String fmt = format == null ? TidewayConf.SOURCES_DEFAULT.get(session.conf()) : format;
        SinkProvider provider = Providers.sink(fmt);
        if (!(provider instanceof FileSinkProvider files)) {
            throw DataSourceErrors.notABatchSource(fmt);
        }
        Path dir = Path.of(path.replaceFirst("^file:(//)?", "")).toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            switch (mode) {
                case ErrorIfExists -> throw DataSourceErrors.pathAlreadyExists("file:" + dir);
                case Ignore -> {
                    return;
                }
                case Overwrite -> delete(dir);
                default -> {
                }
            }
        }
        ZoneId zone = java.util.Objects.requireNonNullElseGet(TidewayConf.SESSION_TIME_ZONE.get(session.conf()), ZoneId::systemDefault);
        FileBatchWriter writer = FileBatchWriter.open(files, dir, ds.schema(), new Options(options),
                new ArrayList<>(partitionBy), zone, session.conf().getAll());
        try {
            BatchExecutor.materialize(ds.logicalPlan(), ds.evalContext(), writer);
        } catch (RuntimeException | Error e) {
            writer.abort();
            throw e;
        }
        writer.commit();
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete " + dir + ": " + e, e);
        }
    }
}
