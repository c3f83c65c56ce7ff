package io.tideway.sql.catalog;

import io.tideway.sql.TidewaySession;

/**
 * Spark's {@code spark.catalog()}, as far as Tideway has a catalog: one database, {@code default},
 * with the warehouse's tables and the session's temporary views. A view over the session; holds
 * no state of its own.
 */
public final class Catalog {
    private final TidewaySession session;

    public Catalog(TidewaySession session) {
        this.session = session;
    }

    /** Whether {@code tableName} is a temporary view of this session or a table of the warehouse. */
    public boolean tableExists(String tableName) {
        return session.hasView(tableName) || session.tableCatalog().get(tableName) != null;
    }

    /** Whether {@code tableName} is a table of database {@code dbName} (only {@code default} has any). */
    public boolean tableExists(String dbName, String tableName) {
        return "default".equalsIgnoreCase(dbName) && session.tableCatalog().get(tableName) != null;
    }

    /** Drops a temporary view; whether there was one. */
    public boolean dropTempView(String viewName) {
        boolean had = session.hasView(viewName);
        session.dropView(viewName);
        return had;
    }

    /** Drops a global temporary view ({@code global_temp.<viewName>}); whether there was one. */
    public boolean dropGlobalTempView(String viewName) {
        return session.globalTempViews().drop(viewName);
    }

    public String currentDatabase() {
        return "default";
    }

    public String currentCatalog() {
        return "spark_catalog";
    }
}
