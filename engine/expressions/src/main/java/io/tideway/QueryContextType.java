package io.tideway;

/** Whether a {@link QueryContext} points into SQL text or at a DataFrame call, as Spark's. */
public enum QueryContextType {
    SQL,
    DataFrame
}
