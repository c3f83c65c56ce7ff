package io.tideway.engine.catalog;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of an application: Spark's in-memory session catalog (its default without Hive) with
 * one database, {@code default}, whose managed tables live in the warehouse directory
 * ({@code spark.sql.warehouse.dir}, default {@code spark-warehouse} in the working directory), a
 * table {@code t} in {@code <warehouse>/t}. As in Spark, the catalog is shared by a session and
 * the sessions {@code newSession()} makes, lives as long as the application, and knows a table
 * only after this application created it; names are case-insensitive. Thread-safe.
 */
public final class TableCatalog {
    /** A table: its name as created, where its files are, their format and schema, and how they are laid out. */
    public record Table(String name, Path location, String format, StructType schema, TableLayout layout) {
        /** A managed table without partitions, buckets, clustering or comment. */
        public Table(String name, Path location, String format, StructType schema) {
            this(name, location, format, schema, TableLayout.NONE);
        }

        /** Spark's identifier in messages: {@code `spark_catalog`.`default`.`name`}. */
        public String qualifiedName() {
            return TableCatalog.qualified(name);
        }
    }

    private final Path warehouse;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    /** The names (lower case) of the tables and views {@code cacheTable} marked cached; shared as Spark's cache manager is. */
    private final java.util.Set<String> cached = ConcurrentHashMap.newKeySet();

    public TableCatalog(Path warehouse) {
        this.warehouse = warehouse.toAbsolutePath().normalize();
    }

    /** The warehouse directory, where managed tables live (the {@code default} database's location). */
    public Path warehouse() {
        return warehouse;
    }

    /** Marks the table or view {@code name} cached, or not: what {@code isCached} answers. */
    public void cached(String name, boolean cache) {
        if (cache) {
            cached.add(key(name));
        } else {
            cached.remove(key(name));
        }
    }

    /** Whether {@code name} is marked cached. */
    public boolean isCached(String name) {
        return cached.contains(key(name));
    }

    /** Forgets every cached mark ({@code clearCache}). */
    public void clearCache() {
        cached.clear();
    }

    /** {@code `spark_catalog`.`default`.`name`}, the name lower-cased as Spark's session catalog stores it. */
    public static String qualified(String name) {
        return "`spark_catalog`.`default`." + ErrorParams.id(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The table called {@code name}, or null. */
    public Table get(String name) {
        return tables.get(key(name));
    }

    /** The table called {@code name}; Spark's {@code TABLE_OR_VIEW_NOT_FOUND} when there is none. */
    public Table require(String name) {
        Table t = get(name);
        if (t == null) {
            throw notFound(name);
        }
        return t;
    }

    public static RuntimeException notFound(String name) {
        throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName", ErrorParams.id(name))));
    }

    /** Where a managed table called {@code name} keeps its files. */
    public Path defaultLocation(String name) {
        return warehouse.resolve(key(name));
    }

    /** Registers {@code table}; Spark's {@code TABLE_OR_VIEW_ALREADY_EXISTS} when its name is taken. */
    public void create(Table table) {
        if (tables.putIfAbsent(key(table.name()), new Table(key(table.name()), table.location(), table.format(), table.schema(), table.layout())) != null) {
            throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS",
                    Map.of("relationName", qualified(table.name()))));
        }
    }

    public void drop(String name) {
        cached.remove(key(name));
        tables.remove(key(name));
    }

    /** {@code schema} with every top-level field nullable: what a table of files declares, as Spark's {@code asNullable}. */
    public static StructType nullable(StructType schema) {
        StructType out = new StructType();
        for (io.tideway.sql.types.StructField f : schema.fields()) {
            out = out.add(f.name(), f.dataType(), true);
        }
        return out;
    }

    /** The tables, by name. */
    public List<Table> list() {
        return tables.values().stream().sorted(java.util.Comparator.comparing(Table::name)).toList();
    }
}
