package io.tideway.sql.catalog;

import java.io.Serializable;

/** A database, a row of {@link Catalog#listDatabases()}, as Spark's {@code Database}. Immutable. */
public class Database implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String catalog;
    private final String description;
    private final String locationUri;

    public Database(String name, String catalog, String description, String locationUri) {
        this.name = name;
        this.catalog = catalog;
        this.description = description;
        this.locationUri = locationUri;
    }

    public Database(String name, String description, String locationUri) {
        this(name, null, description, locationUri);
    }

    public String name() {
        return name;
    }

    /** The catalog the database belongs to, or null. */
    public String catalog() {
        return catalog;
    }

    /** The database's description, or null. */
    public String description() {
        return description;
    }

    /** Where the database's tables live, as a URI. */
    public String locationUri() {
        return locationUri;
    }

    @Override
    public String toString() {
        return "Database[name='" + name + "', " + (catalog == null ? "" : "catalog='" + catalog + "', ")
                + (description == null ? "" : "description='" + description + "', ") + "path='" + locationUri + "']";
    }
}
