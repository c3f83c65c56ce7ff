package io.tideway.sql.catalog;

import java.io.Serializable;

/** A table or temporary view, a row of {@link Catalog#listTables()}, as Spark's {@code Table}. Immutable. */
public class Table implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String catalog;
    private final String[] namespace;
    private final String description;
    private final String tableType;
    private final boolean isTemporary;

    public Table(String name, String catalog, String[] namespace, String description, String tableType, boolean isTemporary) {
        this.name = name;
        this.catalog = catalog;
        this.namespace = namespace == null ? null : namespace.clone();
        this.description = description;
        this.tableType = tableType;
        this.isTemporary = isTemporary;
    }

    public Table(String name, String database, String description, String tableType, boolean isTemporary) {
        this(name, null, database == null ? null : new String[] {database}, description, tableType, isTemporary);
    }

    public String name() {
        return name;
    }

    /** The catalog of the table, or null for a temporary view. */
    public String catalog() {
        return catalog;
    }

    /** The table's namespace ({@code [default]}; empty for a temporary view), or null. */
    public String[] namespace() {
        return namespace == null ? null : namespace.clone();
    }

    /** The namespace when it is one name, else null. */
    public String database() {
        return namespace != null && namespace.length == 1 ? namespace[0] : null;
    }

    /** The table's comment, or null. */
    public String description() {
        return description;
    }

    /** {@code MANAGED}, {@code EXTERNAL}, {@code VIEW} or {@code TEMPORARY}. */
    public String tableType() {
        return tableType;
    }

    public boolean isTemporary() {
        return isTemporary;
    }

    @Override
    public String toString() {
        String db = database();
        return "Table[name='" + name + "', " + (catalog == null ? "" : "catalog='" + catalog + "', ")
                + (db == null ? "" : "database='" + db + "', ")
                + (description == null ? "" : "description='" + description + "', ")
                + "tableType='" + tableType + "', isTemporary='" + isTemporary + "']";
    }
}
