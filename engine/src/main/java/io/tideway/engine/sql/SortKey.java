package io.tideway.engine.sql;

/**
 * One ORDER BY key: the ordinal of the result column sorted on, its direction, and where nulls go
 * (Spark's defaults: NULLS FIRST for ASC, NULLS LAST for DESC). Immutable.
 */
record SortKey(int ordinal, boolean descending, boolean nullsFirst) {
}
