package io.tideway.engine.jdbc;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.SparkUnsupportedOperationException;
import io.tideway.engine.spi.Options;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The JDBC data source's options, by Spark's names and with Spark's checks ({@code JDBCOptions}):
 * {@code url} (required), {@code dbtable} or {@code query} (one of them), {@code driver},
 * {@code user}/{@code password} and any other option passed on to the driver as a connection
 * property, {@code fetchsize}; for partitioned reads {@code partitionColumn}, {@code lowerBound},
 * {@code upperBound}, {@code numPartitions} (all or none); for writes {@code batchsize} (1000),
 * {@code truncate} (false), {@code createTableOptions} (""), {@code isolationLevel}
 * ({@code READ_UNCOMMITTED}). Immutable.
 */
public final class JdbcOptions {
    private final Options options;
    private final String url;
    private final String table;

    JdbcOptions(Options options) {
        this.options = options;
        this.url = options.get("url").orElseThrow(() -> requirement("Option 'url' is required."));
        boolean hasTable = options.contains("dbtable");
        boolean hasQuery = options.contains("query");
        if (hasTable && hasQuery) {
            throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2078",
                    Map.of("jdbcTableName", "dbtable", "jdbcQueryString", "query"));
        }
        if (!hasTable && !hasQuery) {
            throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2079",
                    Map.of("jdbcTableName", "dbtable", "jdbcQueryString", "query"));
        }
        String query = options.get("query").orElse(null);
        if (query != null) {
            if (query.isEmpty()) {
                throw requirement("Option `query` can not be empty.");
            }
            if (options.contains("partitionColumn")) {
                // Spark's text starts on the line after "requirement failed: "
                throw requirement("\nOptions 'query' and 'partitionColumn' can not be specified together.\n"
                        + "Please define the query using `dbtable` option instead and make sure to qualify\n"
                        + "the partition columns using the supplied subquery alias to resolve any ambiguity.\n"
                        + "Example :\n"
                        + "spark.read.format(\"jdbc\")\n"
                        + "  .option(\"url\", jdbcUrl)\n"
                        + "  .option(\"dbtable\", \"(select c1, c2 from t1) as subq\")\n"
                        + "  .option(\"partitionColumn\", \"c1\")\n"
                        + "  .option(\"lowerBound\", \"1\")\n"
                        + "  .option(\"upperBound\", \"100\")\n"
                        + "  .option(\"numPartitions\", \"3\")\n"
                        + "  .load()");
            }
            // Spark's alias for a query used as a table
            this.table = "(" + query + ") SPARK_GEN_SUBQ_0";
        } else {
            this.table = options.get("dbtable").orElseThrow();
        }
    }

    /** Spark's {@code require}: {@code IllegalArgumentException("requirement failed: ...")}. */
    static IllegalArgumentException requirement(String message) {
        return new IllegalArgumentException("requirement failed: " + message);
    }

    /** Spark's refusal of a stream read or write ({@code operator}: reading, writing): JDBC moves batches only. */
    static SparkUnsupportedOperationException streamed(String operator) {
        return new SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_2049", Map.of("className", "jdbc", "operator", operator));
    }

    String url() {
        return url;
    }

    /** The table, or the query as an aliased subquery, as it goes after {@code FROM}. */
    String table() {
        return table;
    }

    Options options() {
        return options;
    }

    String get(String name) {
        return options.get(name).orElse(null);
    }

    int intOption(String name, int dflt) {
        String v = get(name);
        return v == null ? dflt : Integer.parseInt(v.trim());
    }

    boolean boolOption(String name) {
        String v = get(name);
        return v != null && Boolean.parseBoolean(v.trim());
    }

    /** Spark's {@code isolationLevel}: NONE, READ_UNCOMMITTED (the default), READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE. */
    int isolationLevel() {
        String v = options.getOrDefault("isolationLevel", "READ_UNCOMMITTED").toUpperCase(Locale.ROOT);
        return switch (v) {
            case "NONE" -> Connection.TRANSACTION_NONE;
            case "READ_UNCOMMITTED" -> Connection.TRANSACTION_READ_UNCOMMITTED;
            case "READ_COMMITTED" -> Connection.TRANSACTION_READ_COMMITTED;
            case "REPEATABLE_READ" -> Connection.TRANSACTION_REPEATABLE_READ;
            case "SERIALIZABLE" -> Connection.TRANSACTION_SERIALIZABLE;
            default -> throw new IllegalArgumentException("Invalid value `" + v + "` for parameter `isolationLevel`. This can be"
                    + " `NONE`, `READ_UNCOMMITTED`, `READ_COMMITTED`, `REPEATABLE_READ` or `SERIALIZABLE`.");
        };
    }

    /** A connection: the {@code driver} class loaded if named, every option but Spark's own passed as a property. */
    Connection connect() throws SQLException {
        String driver = get("driver");
        if (driver != null) {
            try {
                Class.forName(driver);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Did not find registered driver with class " + driver, e);
            }
        }
        Properties props = new Properties();
        options.asMap().forEach((k, v) -> {
            if (!SPARK_OPTIONS.contains(k.toLowerCase(Locale.ROOT))) {
                props.setProperty(k, v);
            }
        });
        return DriverManager.getConnection(url, props);
    }

    /** Spark's own option names, kept out of the driver's connection properties (all but user and password). */
    private static final java.util.Set<String> SPARK_OPTIONS = java.util.Set.of("url", "dbtable", "query", "driver",
            "partitioncolumn", "lowerbound", "upperbound", "numpartitions", "querytimeout", "fetchsize", "truncate",
            "cascadetruncate", "createtableoptions", "createtablecolumntypes", "customschema", "batchsize",
            "isolationlevel", "sessioninitstatement", "pushdownpredicate", "pushdownaggregate", "pushdownlimit",
            "pushdownoffset", "pushdowntablesample", "keytab", "principal", "tablecomment", "refreshkrb5config",
            "connectionprovider", "preparequery", "preferTimestampNTZ".toLowerCase(Locale.ROOT), "path");
}
