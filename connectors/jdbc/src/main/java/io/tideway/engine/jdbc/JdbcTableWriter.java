package io.tideway.engine.jdbc;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.Options;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Row;
import io.tideway.sql.SaveMode;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code df.write().jdbc(...)} / {@code format("jdbc").save()}, as Spark's
 * {@code JdbcRelationProvider.createRelation}: an existing table is appended to ({@code append}),
 * emptied ({@code overwrite} with {@code truncate}, where the dialect knows TRUNCATE does not cascade:
 * not H2's) or dropped and made again ({@code overwrite}),
 * left alone ({@code ignore}) or refused ({@code errorifexists}, Spark's
 * {@code Table or view 't' already exists}); a new table is created with the columns' types as
 * {@link JdbcTypes} maps them and {@code createTableOptions} after them. Rows go in with
 * {@code INSERT} batches of {@code batchsize} in one transaction at {@code isolationLevel}.
 * Runs on the calling thread; the rows are read as the Dataset's local iterator.
 */
public final class JdbcTableWriter {
    private JdbcTableWriter() {
    }

    /** Writes {@code rows} (of {@code schema}) into the table {@code options} name, as {@code mode} says. */
    public static void write(Iterator<Row> rows, StructType schema, Options options, SaveMode mode) {
        JdbcOptions o = new JdbcOptions(options);
        if (o.get("query") != null) {
            throw JdbcOptions.requirement("Option 'dbtable' is required.");
        }
        String table = o.table();
        try (Connection c = o.connect()) {
            if (exists(c, table)) {
                switch (mode) {
                    case Ignore -> {
                        return;
                    }
                    case ErrorIfExists -> throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1288",
                            Map.of("name", table)));
                    case Overwrite -> {
                        // Spark truncates only where the dialect says TRUNCATE does not cascade; H2's says nothing
                        if (o.boolOption("truncate") && !o.url().startsWith("jdbc:h2")) {
                            execute(c, "TRUNCATE TABLE " + table);
                        } else {
                            execute(c, "DROP TABLE " + table);
                            create(c, table, schema, o);
                        }
                    }
                    default -> {
                    }
                }
            } else {
                create(c, table, schema, o);
            }
            insert(c, table, rows, schema, o);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String table) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1=0").close();
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static void create(Connection c, String table, StructType schema, JdbcOptions o) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        for (int i = 0; i < schema.length(); i++) {
            StructField f = schema.apply(i);
            sql.append(i > 0 ? ", " : "").append(JdbcTypes.quote(f.name())).append(' ')
                    .append(JdbcTypes.ddl(f.dataType(), o.url())).append(f.nullable() ? "" : " NOT NULL");
        }
        sql.append(") ").append(o.options().getOrDefault("createTableOptions", ""));
        execute(c, sql.toString());
    }

    private static void insert(Connection c, String table, Iterator<Row> rows, StructType schema, JdbcOptions o)
            throws SQLException {
        int isolation = o.isolationLevel();
        boolean transactional = isolation != Connection.TRANSACTION_NONE
                && c.getMetaData().supportsTransactionIsolationLevel(isolation);
        if (transactional) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < schema.length(); i++) {
            sql.append(i > 0 ? "," : "").append(JdbcTypes.quote(schema.apply(i).name()));
            marks.append(i > 0 ? "," : "").append('?');
        }
        sql.append(") VALUES (").append(marks).append(')');
        int batchSize = o.intOption("batchsize", 1000);
        if (batchSize < 1) {
            throw JdbcOptions.requirement("Invalid value `" + batchSize + "` for parameter `batchsize`. The minimum value is 1.");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int pending = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int i = 0; i < schema.length(); i++) {
                    bind(ps, i + 1, r.get(i), schema.apply(i).dataType());
                }
                ps.addBatch();
                if (++pending == batchSize) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            if (transactional) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                c.rollback();
            }
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v, DataType t) throws SQLException {
        if (v == null) {
            ps.setNull(i, JdbcTypes.sqlType(t));
        } else if (t == DataTypes.StringType) {
            ps.setString(i, v.toString());
        } else if (t == DataTypes.BooleanType) {
            ps.setBoolean(i, (Boolean) v);
        } else if (t == DataTypes.ByteType || t == DataTypes.ShortType || t == DataTypes.IntegerType) {
            ps.setInt(i, ((Number) v).intValue());
        } else if (t == DataTypes.LongType) {
            ps.setLong(i, (Long) v);
        } else if (t == DataTypes.FloatType) {
            ps.setFloat(i, (Float) v);
        } else if (t == DataTypes.DoubleType) {
            ps.setDouble(i, (Double) v);
        } else if (t instanceof DecimalType) {
            ps.setBigDecimal(i, (java.math.BigDecimal) v);
        } else if (t == DataTypes.BinaryType) {
            ps.setBytes(i, (byte[]) v);
        } else if (t == DataTypes.DateType) {
            ps.setDate(i, v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : (java.sql.Date) v);
        } else if (t == DataTypes.TimestampType) {
            ps.setTimestamp(i, v instanceof java.time.Instant in ? java.sql.Timestamp.from(in) : (java.sql.Timestamp) v);
        } else {
            throw new IllegalArgumentException("Can't translate non-null value for field " + i);
        }
    }
}
