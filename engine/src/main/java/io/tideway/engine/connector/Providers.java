package io.tideway.engine.connector;

import io.tideway.SparkClassNotFoundException;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.AnalysisException;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds source and sink providers by short name through {@link ServiceLoader}. A format that
 * Tideway ships as a module of its own (the file formats, Parquet, Kafka, JDBC) fails, when that module
 * is absent, naming the artifact to add and its services file rather than as an unknown format.
 * Stateless.
 */
public final class Providers {
    /** Formats served by an optional module, and the module's Maven coordinates. */
    private static final Map<String, String> MODULES = Map.of(
            "parquet", "io.tideway:tideway-parquet",
            "kafka", "io.tideway:tideway-connector-kafka",
            "csv", "io.tideway:tideway-files",
            "json", "io.tideway:tideway-files",
            "text", "io.tideway:tideway-files",
            "xml", "io.tideway:tideway-files",
            "jdbc", "io.tideway:tideway-jdbc");

    private Providers() {
    }

    public static SourceProvider source(String format) {
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class)) {
            if (p.shortName().equalsIgnoreCase(format)) {
                return p;
            }
        }
        missingModule(format, SourceProvider.class);
        // Spark's DataSource.lookupDataSource: the format, then <format>.DefaultSource, as a class name
        throw Unchecked.raise(new SparkClassNotFoundException("DATA_SOURCE_NOT_FOUND", Map.of("provider", format),
                new ClassNotFoundException(format + ".DefaultSource")));
    }

    /**
     * An unknown sink format fails as {@code AnalysisException: [DATA_SOURCE_NOT_FOUND]}; Spark raises
     * the source's {@code SparkClassNotFoundException} here too (a divergence kept for now).
     */
    public static SinkProvider sink(String format) {
        for (SinkProvider p : ServiceLoader.load(SinkProvider.class)) {
            if (p.shortName().equalsIgnoreCase(format)) {
                return p;
            }
        }
        missingModule(format, SinkProvider.class);
        throw notFound(format);
    }

    /**
     * Fails naming the module to add, and the services file it registers its providers in, when
     * {@code format} is served by one of Tideway's modules outside the engine.
     */
    private static void missingModule(String format, Class<?> spi) {
        String module = MODULES.get(format.toLowerCase(java.util.Locale.ROOT));
        if (module != null) {
            throw Unchecked.raise(new AnalysisException("Failed to find the data source: " + format + ". It is provided by "
                    + "the module " + module + ": add that dependency to the application's class path "
                    + "(it lists its providers in META-INF/services/" + spi.getName()
                    + "; a shaded jar must merge META-INF/services files)."));
        }
    }

    /** Throws {@code AnalysisException: DATA_SOURCE_NOT_FOUND}; declared to return so callers can write {@code throw}. */
    private static RuntimeException notFound(String format) {
        throw Unchecked.raise(new AnalysisException("DATA_SOURCE_NOT_FOUND", Map.of("provider", format)));
    }
}
