package io.tideway.engine.connector;

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
        throw notFound(format);
    }

    public static SinkProvider sink(String format) {
        for (SinkProvider p : ServiceLoader.load(SinkProvider.class)) {
            if (p.shortName().equalsIgnoreCase(format)) {
                return p;
            }
        }
        throw notFound(format);
    }

    /** Throws Spark's {@code DATA_SOURCE_NOT_FOUND}; declared to return so callers can write {@code throw}. */
    private static RuntimeException notFound(String format) {
        throw Unchecked.raise(new AnalysisException("DATA_SOURCE_NOT_FOUND", Map.of("provider", format)));
    }
}
