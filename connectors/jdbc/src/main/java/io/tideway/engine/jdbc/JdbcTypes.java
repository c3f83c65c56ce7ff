package io.tideway.engine.jdbc;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.sql.Types;

/**
 * Spark 4.0's mapping between JDBC and SQL types (small integers read as {@code int}, {@code REAL}
 * as {@code double}) ({@code JdbcUtils.getCatalystType},
 * {@code getCommonJDBCType}, and the H2 dialect's overrides for {@code jdbc:h2:} URLs): what a
 * column read is, and the column type a written table gets. Stateless.
 */
final class JdbcTypes {
    private JdbcTypes() {
    }

    /** The type of a result column; null for one Spark cannot read (its error names the JDBC type). */
    static DataType read(int sqlType, int precision, int scale, boolean signed) {
        return switch (sqlType) {
            case Types.BIGINT -> signed ? DataTypes.LongType : DataTypes.createDecimalType(20, 0);
            case Types.BINARY, Types.BLOB, Types.LONGVARBINARY, Types.VARBINARY -> DataTypes.BinaryType;
            case Types.BIT, Types.BOOLEAN -> DataTypes.BooleanType;
            case Types.CHAR, Types.CLOB, Types.LONGNVARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NCLOB, Types.NVARCHAR,
                 Types.REF, Types.ROWID, Types.SQLXML, Types.STRUCT, Types.VARCHAR -> DataTypes.StringType;
            case Types.DATE -> DataTypes.DateType;
            case Types.DECIMAL, Types.NUMERIC -> precision == 0 && scale == 0 ? DataTypes.createDecimalType(38, 10)
                    : DataTypes.createDecimalType(Math.min(precision, 38), Math.min(scale, 38));
            case Types.DOUBLE, Types.REAL -> DataTypes.DoubleType;
            case Types.FLOAT -> DataTypes.FloatType;
            case Types.INTEGER -> signed ? DataTypes.IntegerType : DataTypes.LongType;
            case Types.NULL -> DataTypes.NullType;
            case Types.SMALLINT, Types.TINYINT -> DataTypes.IntegerType;
            case Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> DataTypes.TimestampType;
            default -> null;
        };
    }

    /** The column type written for {@code t}, as the dialect of {@code url} names it. */
    static String ddl(DataType t, String url) {
        boolean h2 = url.startsWith("jdbc:h2");
        if (t == DataTypes.StringType) {
            return h2 ? "CLOB" : "TEXT";
        } else if (t == DataTypes.BooleanType) {
            return h2 ? "BOOLEAN" : "BIT(1)";
        } else if (t == DataTypes.ByteType) {
            return h2 ? "SMALLINT" : "BYTE";
        } else if (t == DataTypes.ShortType) {
            return "SMALLINT";
        } else if (t == DataTypes.IntegerType) {
            return "INTEGER";
        } else if (t == DataTypes.LongType) {
            return "BIGINT";
        } else if (t == DataTypes.FloatType) {
            return "REAL";
        } else if (t == DataTypes.DoubleType) {
            return "DOUBLE PRECISION";
        } else if (t instanceof DecimalType d) {
            return (h2 ? "NUMERIC(" : "DECIMAL(") + d.precision() + "," + d.scale() + ")";
        } else if (t == DataTypes.BinaryType) {
            return "BLOB";
        } else if (t == DataTypes.DateType) {
            return "DATE";
        } else if (t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType) {
            return "TIMESTAMP";
        }
        throw new IllegalArgumentException("Can't get JDBC type for " + t.simpleString() + ".");
    }

    /** The {@link Types} code a null of {@code t} is bound with. */
    static int sqlType(DataType t) {
        if (t == DataTypes.StringType) {
            return Types.CLOB;
        } else if (t == DataTypes.BooleanType) {
            return Types.BOOLEAN;
        } else if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
            return Types.SMALLINT;
        } else if (t == DataTypes.IntegerType) {
            return Types.INTEGER;
        } else if (t == DataTypes.LongType) {
            return Types.BIGINT;
        } else if (t == DataTypes.FloatType) {
            return Types.REAL;
        } else if (t == DataTypes.DoubleType) {
            return Types.DOUBLE;
        } else if (t instanceof DecimalType) {
            return Types.NUMERIC;
        } else if (t == DataTypes.BinaryType) {
            return Types.BLOB;
        } else if (t == DataTypes.DateType) {
            return Types.DATE;
        }
        return Types.TIMESTAMP;
    }

    /** A column name quoted as Spark's dialects quote it (double quotes, embedded ones doubled). */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
