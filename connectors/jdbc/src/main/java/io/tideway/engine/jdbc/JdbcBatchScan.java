package io.tideway.engine.jdbc;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC table or query read as a batch ({@code spark.read().jdbc(...)}): the schema asked of the
 * database when the DataFrame is made ({@code SELECT * FROM t WHERE 1=0}, types as
 * {@link JdbcTypes}), the rows read when an action runs, one query per partition
 * ({@link JdbcPartitions}). Immutable; each reader owns its connection.
 */
final class JdbcBatchScan implements BatchScan {
    private final JdbcOptions options;
    private final StructType schema;
    private final List<String> clauses;

    JdbcBatchScan(JdbcOptions options, List<String> predicates) {
        this.options = options;
        this.schema = schemaOf(options);
        this.clauses = predicates != null ? List.copyOf(predicates) : JdbcPartitions.of(options, schema);
    }

    private static StructType schemaOf(JdbcOptions options) {
        try (Connection c = options.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + options.table() + " WHERE 1=0")) {
            ResultSetMetaData md = rs.getMetaData();
            StructType schema = new StructType();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                DataType t = JdbcTypes.read(md.getColumnType(i), md.getPrecision(i), md.getScale(i), md.isSigned(i));
                if (t == null) {
                    throw new IllegalArgumentException("Unsupported type " + md.getColumnTypeName(i) + " of column "
                            + md.getColumnLabel(i));
                }
                schema = schema.add(md.getColumnLabel(i), t, md.isNullable(i) != ResultSetMetaData.columnNoNulls);
            }
            return schema;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public List<InputPartition> planPartitions() {
        List<InputPartition> parts = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            int index = i;
            parts.add(() -> index);
        }
        return parts;
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < schema.length(); i++) {
            sql.append(i > 0 ? "," : "").append(JdbcTypes.quote(schema.apply(i).name()));
        }
        sql.append(" FROM ").append(options.table());
        String clause = clauses.get(partition.index());
        if (clause != null) {
            sql.append(" WHERE ").append(clause);
        }
        return new JdbcPartitionReader(options, schema, sql.toString());
    }
}
