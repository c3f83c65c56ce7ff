package io.tideway.engine.sql;

import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.util.FileTrees;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of {@code sql()} that are commands rather than queries, as Spark runs them:
 * {@code SET key=value} and {@code SET key} (a row of {@code key}, {@code value}), {@code SHOW
 * TABLES [LIKE 'pattern']} ({@code namespace}, {@code tableName}, {@code isTemporary}: the
 * warehouse's tables, then the session's temporary views, each sorted by name), {@code DROP TABLE
 * [IF EXISTS] t} (a table's files go with it, as a managed table's in Spark) and {@code DROP VIEW
 * [IF EXISTS] v}; the catalog's commands are in {@link CatalogCommands}. A command runs when
 * {@code sql()} is called, as in Spark. Stateless.
 */
final class SqlCommands {
    private static final Pattern SET_VALUE = Pattern.compile("(?is)\\s*SET\\s+([^=\\s]+)\\s*=\\s*(.*?)\\s*");
    private static final Pattern SET_KEY = Pattern.compile("(?is)\\s*SET\\s+([^=\\s]+)\\s*");
    private static final Pattern SHOW_TABLES = Pattern.compile("(?is)\\s*SHOW\\s+TABLES(?:\\s+(?:FROM|IN)\\s+(\\S+))?(?:\\s+(?:LIKE\\s+)?'([^']*)')?\\s*");
    private static final Pattern DROP = Pattern.compile("(?is)\\s*DROP\\s+(TABLE|VIEW)\\s+(IF\\s+EXISTS\\s+)?(\\S+)\\s*");

    private SqlCommands() {
    }

    /** The command's result, or null when {@code text} is not one of these commands (then it is a query). */
    static Dataset<Row> run(TidewaySession session, String text) {
        Matcher m;
        if ((m = SET_VALUE.matcher(text)).matches()) {
            session.conf().set(m.group(1), m.group(2));
            return keyValue(session, m.group(1), m.group(2));
        }
        if ((m = SET_KEY.matcher(text)).matches()) {
            String key = m.group(1);
            return keyValue(session, key, session.conf().get(key, "<undefined>"));
        }
        if ((m = SHOW_TABLES.matcher(text)).matches()) {
            return showTables(session, m.group(1), m.group(2));
        }
        if ((m = DROP.matcher(text)).matches()) {
            drop(session, m.group(1).equalsIgnoreCase("VIEW"), m.group(2) != null, unquote(m.group(3)));
            return session.createDataFrame(List.of(), new StructType());
        }
        return CatalogCommands.run(session, text);
    }

    private static Dataset<Row> keyValue(TidewaySession session, String key, String value) {
        StructType schema = new StructType()
                .add("key", DataTypes.StringType, false)
                .add("value", DataTypes.StringType, false);
        return session.createDataFrame(List.of(RowFactory.create(key, value)), schema);
    }

    private static Dataset<Row> showTables(TidewaySession session, String database, String pattern) {
        List<Row> rows = new ArrayList<>();
        boolean inDefault = database == null || unquote(database).equalsIgnoreCase("default");
        if (!inDefault) {
            throw Unchecked.raise(new AnalysisException("SCHEMA_NOT_FOUND",
                    Map.of("schemaName", "`spark_catalog`." + ErrorParams.id(unquote(database)))));
        }
        Pattern like = pattern == null ? null : io.tideway.engine.catalog.NamePattern.compile(pattern);
        for (TableCatalog.Table t : session.tableCatalog().list()) {
            if (like == null || like.matcher(t.name()).matches()) {
                rows.add(RowFactory.create("default", t.name(), false));
            }
        }
        for (String v : session.viewNames()) {
            if (like == null || like.matcher(v).matches()) {
                rows.add(RowFactory.create("", v, true));
            }
        }
        StructType schema = new StructType()
                .add("namespace", DataTypes.StringType, false)
                .add("tableName", DataTypes.StringType, false)
                .add("isTemporary", DataTypes.BooleanType, false);
        return session.createDataFrame(rows, schema);
    }

    private static void drop(TidewaySession session, boolean view, boolean ifExists, String name) {
        if (session.hasView(name)) {
            session.dropView(name);
            return;
        }
        TableCatalog catalog = session.tableCatalog();
        TableCatalog.Table table = view ? null : catalog.get(name);
        if (table != null) {
            catalog.drop(name);
            if (!table.layout().external()) { // an external table's files are the user's
                FileTrees.delete(table.location());
            }
            return;
        }
        if (!ifExists) {
            if (view && catalog.get(name) != null) {
                throw Unchecked.raise(new AnalysisException("WRONG_COMMAND_FOR_OBJECT_TYPE", Map.of(
                        "alternative", "DROP TABLE", "foundType", "MANAGED",
                        "objectName", "spark_catalog.default." + name.toLowerCase(Locale.ROOT),
                        "operation", "DROP VIEW", "requiredType", "VIEW")));
            }
            throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_NOT_FOUND",
                    Map.of("relationName", TableCatalog.qualified(name))));
        }
    }

    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("`") && name.endsWith("`") ? name.substring(1, name.length() - 1) : name;
    }
}
