package io.tideway.engine.source.file;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.sink.file.FileSinkReader;
import io.tideway.checkpoint.FileSinkLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file source behind {@code format("text" | "csv" | "json")} and, from its own module,
 * {@code "parquet"}: shared option parsing and source creation; each subclass supplies its schema
 * rule and file format ({@link FileReadFormat}). As Spark, only what
 * the schema needs is checked at {@code load()} ({@link #schema}: the path, that a plain path
 * exists, a schema where the format cannot infer one) and partition columns are discovered there;
 * every other option is validated when the query creates the source ({@link #create}), so a bad
 * value fails the query, naming the option.
 *
 * <p>Threading: stateless and thread-safe.
 */
public abstract class FileSourceProvider implements SourceProvider {
    static final String TIME_ZONE_OPTION = "timeZone";

    /** The schema this format reads, from the user's (which may be null) and the options. */
    protected abstract StructType resolveSchema(StructType userSchema, Options options);

    /**
     * The data columns of {@code files} when a batch read gives no schema: Spark's inference for
     * formats that infer (JSON, CSV), the fixed schema for text; fails as Spark when there is no
     * file to infer from ({@code [UNABLE_TO_INFER_SCHEMA]}).
     */
    protected abstract StructType inferSchema(List<Path> files, Options options, ZoneId zone);

    /** The format reading {@code dataSchema} (the columns in the files); validates the format's own options. */
    protected abstract FileReadFormat format(StructType dataSchema, Options options, ZoneId zone);

    /** Spark's file sources are V1 {@code Source}s ({@code FileStreamSource}). */
    @Override
    public final boolean sparkV1Relation() {
        return true;
    }

    @Override
    public final StructType schema(StructType userSchema, Options options) {
        return schema(userSchema, options, Map.of());
    }

    /**
     * As {@link #schema(StructType, Options)} with the session settings ({@code conf}), which
     * partition type inference reads ({@code spark.sql.sources.partitionColumnTypeInference.enabled}): the data
     * columns, then the partition columns found under the path now.
     */
    @Override
    public final StructType schema(StructType userSchema, Options options, Map<String, String> conf) {
        String path = FileSourceOptions.path(options);
        FileLister lister = FileSourceOptions.lister(options);
        if (!lister.isGlob() && !Files.exists(lister.base())) {
            // a glob is not checked: it may match only once an upstream job writes
            throw Unchecked.raise(new AnalysisException("PATH_NOT_FOUND", Map.of("path", path)));
        }
        List<FileLister.ListedFile> files = lister.list(false);
        PartitionColumns partitions = FileSourceOptions.recursiveFileLookup(options) ? PartitionColumns.none()
                : PartitionColumns.discover(files, lister, userSchema,
                TidewayConf.PARTITION_TYPE_INFERENCE.get(conf),
                zone(options, conf));
        StructType data;
        if (userSchema == null && conf != null && TidewayConf.STREAMING_SCHEMA_INFERENCE.get(conf)) {
            // Spark's DataSource.sourceSchema: with schemaInference, the files present now decide, as a batch read
            List<Path> dataFiles = new ArrayList<>();
            for (FileLister.ListedFile f : files) {
                dataFiles.add(f.path());
            }
            dataFiles.sort(null);
            data = inferSchema(dataFiles, options, zone(options, conf));
        } else {
            data = resolveSchema(partitions.dataColumns(userSchema), options);
        }
        return asNullable(partitions.appendTo(data));
    }

    /** Every column nullable: a file can hold a null anywhere (Spark's {@code schema.asNullable}, nested types too). */
    static StructType asNullable(StructType schema) {
        StructType out = new StructType();
        for (StructField f : schema.fields()) {
            out = out.add(new StructField(f.name(), asNullable(f.dataType()), true, f.metadata()));
        }
        return out;
    }

    private static io.tideway.sql.types.DataType asNullable(io.tideway.sql.types.DataType t) {
        if (t instanceof StructType st) {
            return asNullable(st);
        }
        if (t instanceof io.tideway.sql.types.ArrayType a) {
            return new io.tideway.sql.types.ArrayType(asNullable(a.elementType()), true);
        }
        if (t instanceof io.tideway.sql.types.MapType m) {
            return new io.tideway.sql.types.MapType(asNullable(m.keyType()), asNullable(m.valueType()), true);
        }
        return t;
    }

    @Override
    public final StreamSource create(SourceContext context) {
        FileSourceOptions options = FileSourceOptions.parse(context.options());
        ZoneId zone = zone(context.options(), context.conf());
        FileLister lister = options.lister();
        // The partition columns are the schema's columns that name partition directories (load() put them last).
        PartitionColumns partitions = options.recursiveFileLookup() ? PartitionColumns.none()
                : PartitionColumns.of(context.schema(),
                PartitionColumns.discover(lister.list(false), lister, context.schema(), false, zone).names(), zone);
        StructType dataSchema = partitions.dataColumns(context.schema());
        FileReadFormat format = format(dataSchema, context.options(), zone);
        return new FileStreamSource(context, options, lister, format, partitions);
    }

    /**
     * A batch read of {@code paths} ({@code spark.read()}): every path must exist (a glob must
     * match), as Spark checks at {@code load()}, where it also lists the files, discovers the
     * partition columns and infers the schema where the format can.
     */
    @Override
    public final BatchScan createBatchScan(StructType userSchema, List<String> paths, Options options,
                                           Map<String, String> conf) {
        ZoneId zone = zone(options, conf);
        boolean recursive = FileSourceOptions.recursiveFileLookup(options);
        String nameFilter = options.get(FileSourceOptions.PATH_GLOB_FILTER).orElse(null);
        Map<String, Path> roots = new LinkedHashMap<>();
        List<FileLister.ListedFile> files = new ArrayList<>();
        List<String> uris = new ArrayList<>(); // with a file listed under two paths twice, as Spark reads it
        Path base = null;
        for (String path : paths) {
            FileLister lister = new FileLister(path, nameFilter, recursive);
            base = base == null ? lister.base() : base;
            List<FileLister.ListedFile> listed;
            if (!lister.isGlob() && Files.isRegularFile(lister.base())) {
                Path f = lister.base();
                listed = List.of(new FileLister.ListedFile(f.toUri().toString(), f, 0L));
                roots.put(f.toUri().toString(), f.getParent());
            } else if (paths.size() == 1 && !lister.isGlob()
                    && Files.isDirectory(lister.base().resolve(FileSinkLog.METADATA_DIR))) {
                // Spark's MetadataLogFileIndex: a file sink's output is the files its log committed, not
                // whatever else the directory holds (the files of an attempt that failed before its commit)
                listed = new ArrayList<>();
                for (Path f : FileSinkReader.readCommittedFiles(lister.base())) {
                    listed.add(new FileLister.ListedFile(f.toUri().toString(), f, 0L));
                    roots.put(f.toUri().toString(), lister.base());
                }
            } else {
                listed = lister.list(false);
                if (lister.isGlob() ? listed.isEmpty() : !Files.exists(lister.base())) {
                    throw Unchecked.raise(new AnalysisException("PATH_NOT_FOUND", Map.of("path", qualified(path))));
                }
                for (FileLister.ListedFile f : listed) {
                    roots.put(f.uri(), lister.rootOf(f.path()));
                }
            }
            files.addAll(listed);
            for (FileLister.ListedFile f : listed) {
                uris.add(f.uri());
            }
        }
        PartitionColumns partitions = recursive || files.isEmpty() ? PartitionColumns.none()
                : PartitionColumns.discover(files, f -> roots.get(f.toUri().toString()), base, userSchema,
                TidewayConf.PARTITION_TYPE_INFERENCE.get(conf), zone);
        StructType dataSchema;
        if (userSchema != null) {
            dataSchema = partitions.dataColumns(userSchema);
        } else {
            List<Path> dataFiles = new ArrayList<>();
            for (String uri : new java.util.TreeSet<>(roots.keySet())) {
                dataFiles.add(Path.of(java.net.URI.create(uri)));
            }
            dataSchema = inferSchema(dataFiles, options, zone);
        }
        StructType schema = asNullable(partitions.appendTo(dataSchema));
        return new FileBatchScan(schema, format(dataSchema, options, zone), partitions, roots, uris, FileReadPolicy.of(options, conf));
    }

    /** A path as Spark's error names it: {@code file:} and the absolute path. */
    private static String qualified(String path) {
        String p = path.startsWith("file:") ? path.replaceFirst("^file:(//)?", "") : path;
        return "file:" + Path.of(p).toAbsolutePath().normalize();
    }

    /** Formats that cannot infer a schema in a stream require one. */
    protected static StructType requireUserSchema(StructType userSchema) {
        if (userSchema == null) {
            throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2048");
        }
        return userSchema;
    }

    /** The {@code timeZone} option, else the session time zone, else the JVM's. */
    static ZoneId zone(Options options, Map<String, String> conf) {
        if (options.get(TIME_ZONE_OPTION).isEmpty()) {
            ZoneId session = conf == null ? null : TidewayConf.SESSION_TIME_ZONE.get(conf);
            return session == null ? ZoneId.systemDefault() : session;
        }
        String tz = options.get(TIME_ZONE_OPTION).get();
        try {
            return tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + tz + "' for option '" + TIME_ZONE_OPTION + "': "
                    + e.getMessage(), e);
        }
    }
}
