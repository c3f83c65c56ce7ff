package io.tideway.engine.jdbc;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads one partition's query: opens its connection on the first {@link #read}, fetching
 * {@code fetchsize} rows at a time when set, each column through the getter of its type (as
 * Spark's {@code JdbcUtils.makeGetter}), and closes everything when the result is exhausted or the
 * reader is closed.
 *
 * <p>Threading: owned by one worker thread.
 */
final class JdbcPartitionReader implements PartitionReader {
    private final JdbcOptions options;
    private final StructType schema;
    private final String sql;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private Connection connection;
    private Statement statement;
    private ResultSet rows;
    private boolean exhausted;

    JdbcPartitionReader(JdbcOptions options, StructType schema, String sql) {
        this.options = options;
        this.schema = schema;
        this.sql = sql;
        this.writer = new RowWriter(schema.length());
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (exhausted) {
            return -1;
        }
        try {
            if (rows == null) {
                connection = options.connect();
                statement = connection.createStatement();
                statement.setFetchSize(options.intOption("fetchsize", 0));
                rows = statement.executeQuery(sql);
            }
            int emitted = 0;
            while (emitted < maxRows) {
                if (!rows.next()) {
                    exhausted = true;
                    close();
                    return emitted == 0 ? -1 : emitted;
                }
                writer.wrap(scratch.buffer(), 0, scratch);
                for (int i = 0; i < schema.length(); i++) {
                    DataType t = schema.apply(i).dataType();
                    Object v = value(rows, i + 1, t);
                    RowConverter.writeValue(rows.wasNull() ? null : v, t, writer, i);
                }
                out.accept(scratch.buffer(), 0, writer.finish());
                emitted++;
            }
            return emitted;
        } catch (SQLException e) {
            close();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Object value(ResultSet rs, int column, DataType t) throws SQLException {
        if (t == DataTypes.BooleanType) {
            return rs.getBoolean(column);
        } else if (t == DataTypes.ByteType) {
            return rs.getByte(column);
        } else if (t == DataTypes.ShortType) {
            return rs.getShort(column);
        } else if (t == DataTypes.IntegerType) {
            return rs.getInt(column);
        } else if (t == DataTypes.LongType) {
            return rs.getLong(column);
        } else if (t == DataTypes.FloatType) {
            return rs.getFloat(column);
        } else if (t == DataTypes.DoubleType) {
            return rs.getDouble(column);
        } else if (t instanceof DecimalType d) {
            java.math.BigDecimal b = rs.getBigDecimal(column);
            return b == null ? null : b.setScale(d.scale(), java.math.RoundingMode.HALF_UP);
        } else if (t == DataTypes.BinaryType) {
            return rs.getBytes(column);
        } else if (t == DataTypes.DateType) {
            return rs.getDate(column);
        } else if (t == DataTypes.TimestampType) {
            return rs.getTimestamp(column);
        }
        return rs.getString(column);
    }

    @Override
    public void close() {
        try (Connection c = connection; Statement s = statement; ResultSet r = rows) {
            // closed in reverse order by try-with-resources
        } catch (SQLException ignored) {
            // a read-only query: nothing is lost if closing fails
        }
        connection = null;
        statement = null;
        rows = null;
    }
}
