package io.tideway.engine.spi;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.sql.types.StructType;

import java.util.Map;

/**
 * A source found by short name through {@link java.util.ServiceLoader} ({@code format("rate")}).
 * Stateless and thread-safe.
 */
public interface SourceProvider {
    String shortName();

    /**
     * Validates the options and returns the schema: the user's (required by some formats) or the
     * source's fixed one. Errors name the option.
     */
    StructType schema(StructType userSchema, Options options);

    /**
     * As {@link #schema(StructType, Options)}, also given the session's settings, which
     * {@code load()} passes: a source whose schema depends on one (the file source's partition
     * type inference) overrides this.
     */
    default StructType schema(StructType userSchema, Options options, java.util.Map<String, String> sessionConf) {
        return schema(userSchema, options);
    }

    StreamSource create(SourceContext context);

    /**
     * The source read once, as {@code spark.read()} reads it: {@code paths} are the paths given
     * to {@code load(...)} (or the {@code path} option), {@code userSchema} the user's schema or
     * null (a source that can infers one). Sources that only stream are not batch data sources,
     * and fail in Spark's words: {@code AnalysisException: rate is not a valid Spark SQL Data Source.}
     */
    default BatchScan createBatchScan(StructType userSchema, java.util.List<String> paths, Options options,
                                      Map<String, String> sessionConf) {
        throw io.tideway.engine.datasource.DataSourceErrors.notABatchSource(shortName());
    }

    /**
     * Refuses a user schema for a source whose schema is fixed, as Spark's {@code SimpleTableProvider}
     * does ({@code SparkUnsupportedOperationException: <provider> source does not support
     * user-specified schema.}), {@code sparkProviderName} naming Spark's provider class.
     */
    static void rejectUserSchema(StructType userSchema, String sparkProviderName) {
        if (userSchema != null) {
            throw new SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_2242", Map.of("provider", sparkProviderName));
        }
    }

    /**
     * Whether Spark reads this format through its V1 {@code Source} API, a {@code StreamingRelation}
     * node, rather than as a V2 table ({@code StreamingRelationV2}): Spark's continuous check
     * refuses the former by its node name before asking whether the source reads continuously.
     */
    default boolean sparkV1Relation() {
        return false;
    }

    /** Whether the continuous executor can read this source ({@link #createContinuous}). */
    default boolean supportsContinuous() {
        return false;
    }

    /** The continuous view of the source; only called when {@link #supportsContinuous()}. */
    default ContinuousStream createContinuous(SourceContext context) {
        throw new UnsupportedOperationException("Data source " + shortName() + " does not support continuous processing.");
    }
}
