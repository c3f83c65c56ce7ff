package io.tideway.engine.jdbc;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clauses that split a JDBC read, as Spark's {@code JDBCRelation.columnPartition}:
 * {@code numPartitions} strides of {@code partitionColumn} between {@code lowerBound} and
 * {@code upperBound} (the bounds only decide the strides: the first partition takes every row
 * below, and nulls, the last every row above), or one clause per predicate; without either, one
 * partition reads the whole table. Stateless.
 */
final class JdbcPartitions {
    private JdbcPartitions() {
    }

    /** The clauses for {@code options}; a single null clause reads everything. */
    static List<String> of(JdbcOptions options, StructType schema) {
        String column = options.get("partitionColumn");
        String lower = options.get("lowerBound");
        String upper = options.get("upperBound");
        String num = options.get("numPartitions");
        if (column == null && lower == null && upper == null) {
            List<String> one = new ArrayList<>();
            one.add(null);
            return one;
        }
        if (column == null || lower == null || upper == null || num == null) {
            throw JdbcOptions.requirement("When reading JDBC data sources, users need to specify all or none for the "
                    + "following options: 'partitionColumn', 'lowerBound', 'upperBound', and 'numPartitions'");
        }
        return strides(quotedColumn(column, schema), Long.parseLong(lower.trim()), Long.parseLong(upper.trim()),
                Integer.parseInt(num.trim()));
    }

    /** Spark's {@code verifyAndGetNormalizedPartitionColumn}: the schema's own spelling, quoted. */
    private static String quotedColumn(String column, StructType schema) {
        for (StructField f : schema.fields()) {
            if (f.name().equalsIgnoreCase(column)) {
                return JdbcTypes.quote(f.name());
            }
        }
        StringBuilder fields = new StringBuilder();
        for (StructField f : schema.fields()) {
            fields.append(fields.isEmpty() ? "" : ", ").append(f.name()).append(": ").append(f.dataType().simpleString());
        }
        throw Unchecked.raise(new AnalysisException("User-defined partition column " + column
                + " not found in the JDBC relation: struct<" + fields + ">."));
    }

    private static List<String> strides(String column, long lower, long upper, int requested) {
        List<String> clauses = new ArrayList<>();
        if (requested <= 1 || lower == upper) {
            clauses.add(null);
            return clauses;
        }
        if (lower > upper) {
            throw new IllegalArgumentException("requirement failed: Operation not allowed: the lower bound of partitioning "
                    + "column is larger than the upper bound. Lower bound: " + lower + "; Upper bound: " + upper);
        }
        int n = upper - lower >= requested ? requested : (int) (upper - lower);
        long stride = upper / n - lower / n;
        long current = lower;
        for (int i = 0; i < n; i++) {
            String l = i != 0 ? column + " >= " + current : null;
            current += stride;
            String u = i != n - 1 ? column + " < " + current : null;
            clauses.add(u == null ? l : l == null ? u + " or " + column + " is null" : l + " AND " + u);
        }
        return clauses;
    }
}
