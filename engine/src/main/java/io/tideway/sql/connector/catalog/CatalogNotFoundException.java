package io.tideway.sql.connector.catalog;

import io.tideway.SparkException;

import java.util.Map;

/**
 * A catalog name that names no catalog ({@code [CATALOG_NOT_FOUND]}), as Spark's
 * {@code CatalogNotFoundException}: Tideway has one catalog, {@code spark_catalog}. Immutable.
 */
public class CatalogNotFoundException extends SparkException {
    private static final long serialVersionUID = 1L;

    public CatalogNotFoundException(String condition, Map<String, String> messageParameters) {
        super(condition, messageParameters, null);
    }
}
