package io.tideway.engine.jdbc;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PredicateScanProvider;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * {@code format("jdbc")}: a table or query of any database with a JDBC driver on the class path,
 * read as a batch ({@link JdbcBatchScan}); Tideway depends on nothing but {@code java.sql}. Like
 * Spark's, it reads no streams and takes no user schema. Stateless.
 */
public final class JdbcSourceProvider implements PredicateScanProvider {
    @Override
    public String shortName() {
        return "jdbc";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        throw JdbcOptions.streamed("reading");
    }

    @Override
    public StreamSource create(SourceContext context) {
        throw JdbcOptions.streamed("reading");
    }

    @Override
    public BatchScan createBatchScan(StructType userSchema, List<String> paths, Options options, Map<String, String> conf) {
        return scanPredicates(userSchema, options, null);
    }

    /** A read of {@code options}' table, split by {@code predicates} (one partition each) when given. */
    @Override
    public BatchScan scanPredicates(StructType userSchema, Options options, List<String> predicates) {
        if (userSchema != null) {
            throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException(
                    "jdbc does not allow user-specified schemas."));
        }
        return new JdbcBatchScan(new JdbcOptions(options), predicates);
    }
}
