package io.tideway.engine.connector;

import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.AnalysisException;

import java.util.Locale;
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

    private static AnalysisException notFound(String format) {
        return new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: "
                + format.toLowerCase(Locale.ROOT) + ". Built-in formats are rate, rate-micro-batch, socket, text, csv, json, memory, console;"
                + " Kafka and Chronicle need their connector module on the classpath.");
    }
}
