package io.tideway.engine.catalog;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a table without writing rows, as Spark's {@code catalog.createTable} and SQL
 * {@code CREATE TABLE ... USING}: with a {@code path} option an external table over those files
 * (their schema read from them unless one is given), else an empty managed table of the given
 * schema in the warehouse. Stateless apart from its session; used on the caller's thread.
 */
public final class TableCreation {
    private final TidewaySession session;

    public TableCreation(TidewaySession session) {
        this.session = session;
    }

    /** Registers the table; {@code [TABLE_OR_VIEW_ALREADY_EXISTS]} if the name is taken. */
    public void create(String name, String format, StructType schema, String description, Map<String, String> options) {
        TableCatalog tables = session.tableCatalog();
        if (tables.get(name) != null) {
            tables.create(new TableCatalog.Table(name, tables.defaultLocation(name), format, new StructType())); // fails, naming the table
        }
        String path = null;
        Map<String, String> rest = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase("path")) {
                path = e.getValue();
            } else {
                rest.put(e.getKey(), e.getValue());
            }
        }
        boolean external = path != null;
        Path location = external ? Path.of(path.replaceFirst("^file:(//)?", "")).toAbsolutePath().normalize()
                : tables.defaultLocation(name);
        StructType columns = schema;
        if (columns == null) {
            columns = external ? session.read().format(format).options(rest).load(location.toString()).schema() : new StructType();
        }
        if (!external) {
            try {
                Files.createDirectories(location); // read as a table without rows until rows are inserted
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        tables.create(new TableCatalog.Table(name, location, format, TableCatalog.nullable(columns),
                new TableLayout(List.of(), List.of(), List.of(), description, external)));
    }
}
