package io.tideway.sql.types;

import java.io.Serializable;

/** Field metadata, kept for API compatibility with Spark; Tideway stores none yet. Immutable. */
public final class Metadata implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Metadata EMPTY = new Metadata();

    private Metadata() {
    }

    public static Metadata empty() {
        return EMPTY;
    }

    @Override
    public String toString() {
        return "{}";
    }
}
