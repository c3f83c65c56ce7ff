package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;
import java.util.Map;

/**
 * The file source behind {@code format("text" | "csv" | "json")}: shared option parsing and
 * source creation; each subclass supplies its schema rule and record format. Every option is
 * validated in {@link #schema} so a bad value fails at {@code load()}, naming the option.
 *
 * <p>Threading: stateless and thread-safe.
 */
public abstract class FileSourceProvider implements SourceProvider {
    static final String TIME_ZONE_OPTION = "timeZone";
    static final String TIME_ZONE_CONF = "spark.sql.session.timeZone";
    static final String SCHEMA_REQUIRED = "Schema must be specified when creating a streaming source DataFrame. If"
            + " some files already exist in the directory, then depending on the file format you may be able to"
            + " create a static DataFrame on that directory with 'spark.read.load(directory)' and infer schema"
            + " from it.";

    /** The schema this format reads, from the user's (which may be null) and the options. */
    protected abstract StructType resolveSchema(StructType userSchema, Options options);

    /** The format reading {@code schema}; validates the format's own options. */
    abstract RecordFormat format(StructType schema, Options options, ZoneId zone);

    @Override
    public final StructType schema(StructType userSchema, Options options) {
        FileSourceOptions.parse(options);
        StructType schema = resolveSchema(userSchema, options);
        format(schema, options, zone(options, Map.of()));
        return schema;
    }

    @Override
    public final StreamSource create(SourceContext context) {
        FileSourceOptions options = FileSourceOptions.parse(context.options());
        RecordFormat format = format(context.schema(), context.options(), zone(context.options(), context.conf()));
        return new FileStreamSource(context, options, format);
    }

    /** Formats that cannot infer a schema in a stream require one (digest §3.5). */
    static StructType requireUserSchema(StructType userSchema) {
        if (userSchema == null) {
            throw new IllegalArgumentException(SCHEMA_REQUIRED);
        }
        return userSchema;
    }

    /** The {@code timeZone} option, else the session time zone, else the JVM's. */
    private static ZoneId zone(Options options, Map<String, String> conf) {
        String tz = options.get(TIME_ZONE_OPTION).orElseGet(() -> conf == null ? null : conf.get(TIME_ZONE_CONF));
        try {
            return tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + tz + "' for option '" + TIME_ZONE_OPTION + "': "
                    + e.getMessage(), e);
        }
    }
}
