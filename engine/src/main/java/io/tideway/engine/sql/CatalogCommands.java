package io.tideway.engine.sql;

import io.tideway.engine.catalog.NamePattern;
import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.catalog.TableCreation;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's SQL commands, as Spark runs them: {@code SHOW DATABASES|SCHEMAS [LIKE 'p']}
 * ({@code namespace}), {@code SHOW [USER|SYSTEM|ALL] FUNCTIONS [LIKE 'p']} ({@code function}),
 * {@code DESCRIBE|DESC [TABLE] t} ({@code col_name}, {@code data_type}, {@code comment}, then the
 * partition columns under Spark's {@code # Partition Information} header) and
 * {@code CREATE TABLE [IF NOT EXISTS] t (columns) USING format} (an empty managed table, see
 * {@link TableCreation}). Each runs when {@code sql()} is called. Stateless.
 */
final class CatalogCommands {
    private static final Pattern SHOW_DATABASES = Pattern.compile("(?is)\\s*SHOW\\s+(?:DATABASES|SCHEMAS)(?:\\s+(?:LIKE\\s+)?'([^']*)')?\\s*");
    private static final Pattern SHOW_FUNCTIONS = Pattern.compile(
            "(?is)\\s*SHOW\\s+(USER\\s+|SYSTEM\\s+|ALL\\s+)?FUNCTIONS(?:\\s+(?:LIKE\\s+)?'([^']*)')?\\s*");
    private static final Pattern DESCRIBE = Pattern.compile("(?is)\\s*DESC(?:RIBE)?\\s+(?:TABLE\\s+)?(`[^`]+`|[\\w.]+)\\s*");
    private static final Pattern CREATE = Pattern.compile(
            "(?is)\\s*CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(`[^`]+`|[\\w]+)\\s*\\((.*)\\)\\s*USING\\s+(\\w+)\\s*");

    private CatalogCommands() {
    }

    /** The command's result, or null when {@code text} is none of these commands. */
    static Dataset<Row> run(TidewaySession session, String text) {
        Matcher m;
        if ((m = SHOW_DATABASES.matcher(text)).matches()) {
            List<Row> rows = new ArrayList<>();
            if (m.group(1) == null || NamePattern.compile(m.group(1)).matcher("default").matches()) {
                rows.add(RowFactory.create("default"));
            }
            return session.createDataFrame(rows, new StructType().add("namespace", DataTypes.StringType, false));
        }
        if ((m = SHOW_FUNCTIONS.matcher(text)).matches()) {
            return showFunctions(session, m.group(1) == null ? "ALL" : m.group(1).trim().toUpperCase(java.util.Locale.ROOT), m.group(2));
        }
        if ((m = DESCRIBE.matcher(text)).matches()) {
            return describe(session, unquote(m.group(1)));
        }
        if ((m = CREATE.matcher(text)).matches()) {
            String name = unquote(m.group(2));
            if (m.group(1) == null || session.tableCatalog().get(name) == null) {
                new TableCreation(session).create(name, m.group(4), StructType.fromDDL(m.group(3)), null, Map.of());
            }
            return session.createDataFrame(List.of(), new StructType());
        }
        return null;
    }

    private static Dataset<Row> showFunctions(TidewaySession session, String scope, String pattern) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        if (!scope.equals("USER")) {
            names.addAll(io.tideway.engine.expr.fn.FunctionRegistry.names());
        }
        if (!scope.equals("SYSTEM")) {
            names.addAll(session.temporaryFunctions().names());
        }
        Pattern like = pattern == null ? null : NamePattern.compile(pattern);
        List<Row> rows = new ArrayList<>();
        for (String n : names) {
            if (like == null || like.matcher(n).matches()) {
                rows.add(RowFactory.create(n));
            }
        }
        return session.createDataFrame(rows, new StructType().add("function", DataTypes.StringType, false));
    }

    private static Dataset<Row> describe(TidewaySession session, String name) {
        StructType schema;
        List<String> partitions = List.of();
        if (session.hasView(name)) {
            schema = session.table(name).schema();
        } else {
            TableCatalog.Table t = session.tableCatalog().get(name);
            if (t == null) {
                throw TableCatalog.notFound(name);
            }
            schema = t.schema();
            partitions = t.layout().partitionColumns();
        }
        List<Row> rows = new ArrayList<>();
        for (StructField f : schema.fields()) {
            rows.add(RowFactory.create(f.name(), f.dataType().simpleString(), null));
        }
        if (!partitions.isEmpty()) {
            rows.add(RowFactory.create("# Partition Information", "", ""));
            rows.add(RowFactory.create("# col_name", "data_type", "comment"));
            for (StructField f : schema.fields()) {
                if (partitions.contains(f.name())) {
                    rows.add(RowFactory.create(f.name(), f.dataType().simpleString(), null));
                }
            }
        }
        return session.createDataFrame(rows, new StructType()
                .add("col_name", DataTypes.StringType, false)
                .add("data_type", DataTypes.StringType, false)
                .add("comment", DataTypes.StringType, true));
    }

    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("`") && name.endsWith("`") ? name.substring(1, name.length() - 1) : name;
    }
}
