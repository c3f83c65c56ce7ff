package io.tideway.engine.connector;

import io.tideway.SparkClassNotFoundException;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.AnalysisException;

import java.util.Map;
import java.util.ServiceLoader;

/** Finds source and sink providers by short name through {@link ServiceLoader}. Stateless. */
public final class Providers {
    private Providers() {
    }

    public static SourceProvider source(String format) {
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class)) {
            if (p.shortName().equalsIgnoreCase(format)) {
                return p;
            }
        }
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
        throw notFound(format);
    }

    /** Throws {@code AnalysisException: DATA_SOURCE_NOT_FOUND}; declared to return so callers can write {@code throw}. */
    private static RuntimeException notFound(String format) {
        throw Unchecked.raise(new AnalysisException("DATA_SOURCE_NOT_FOUND", Map.of("provider", format)));
    }
}
