package io.tideway.sql.catalog;

import java.io.Serializable;

/** A function, a row of {@link Catalog#listFunctions()}, as Spark's {@code catalog.Function}. Immutable. */
public class Function implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String catalog;
    private final String[] namespace;
    private final String description;
    private final String className;
    private final boolean isTemporary;

    public Function(String name, String catalog, String[] namespace, String description, String className, boolean isTemporary) {
        this.name = name;
        this.catalog = catalog;
        this.namespace = namespace == null ? null : namespace.clone();
        this.description = description;
        this.className = className;
        this.isTemporary = isTemporary;
    }

    public Function(String name, String database, String description, String className, boolean isTemporary) {
        this(name, null, database == null ? null : new String[] {database}, description, className, isTemporary);
    }

    public String name() {
        return name;
    }

    /** The catalog of a persistent function; null for built-in and temporary ones. */
    public String catalog() {
        return catalog;
    }

    /** The namespace of a persistent function; null for built-in and temporary ones. */
    public String[] namespace() {
        return namespace == null ? null : namespace.clone();
    }

    /** The namespace when it is one name, else null. */
    public String database() {
        return namespace != null && namespace.length == 1 ? namespace[0] : null;
    }

    /** What the function does, or null. */
    public String description() {
        return description;
    }

    /** The class that implements the function. */
    public String className() {
        return className;
    }

    /** True for built-in and temporary functions, as in Spark. */
    public boolean isTemporary() {
        return isTemporary;
    }

    @Override
    public String toString() {
        String db = database();
        return "Function[name='" + name + "', " + (db == null ? "" : "database='" + db + "', ")
                + (description == null ? "" : "description='" + description + "', ")
                + "className='" + className + "', isTemporary='" + isTemporary + "']";
    }
}
