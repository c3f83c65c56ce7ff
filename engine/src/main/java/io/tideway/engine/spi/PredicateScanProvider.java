package io.tideway.engine.spi;

import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * A source provider whose batch reads can be split by predicates, one partition per predicate, as
 * {@code spark.read().jdbc(url, table, predicates, properties)} asks: the seam through which
 * {@code DataFrameReader} reaches the JDBC source (module {@code tideway-jdbc}) without naming it.
 * Stateless and thread-safe.
 */
public interface PredicateScanProvider extends SourceProvider {
    /**
     * A scan of what {@code options} name, in one partition per predicate of {@code predicates} (each
     * the WHERE clause of its partition's query); {@code userSchema} is refused where the source
     * takes none, in Spark's words.
     */
    BatchScan scanPredicates(StructType userSchema, Options options, List<String> predicates);
}
