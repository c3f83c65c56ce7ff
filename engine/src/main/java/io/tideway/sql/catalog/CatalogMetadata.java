package io.tideway.sql.catalog;

import java.io.Serializable;

/** A catalog, a row of {@link Catalog#listCatalogs()}, as Spark's {@code CatalogMetadata}. Immutable. */
public class CatalogMetadata implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String description;

    public CatalogMetadata(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    /** The catalog's description, or null. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Catalog[name='" + name + "', " + (description == null ? "" : "description='" + description + "'") + "]";
    }
}
