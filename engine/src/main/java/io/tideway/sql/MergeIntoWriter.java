package io.tideway.sql;

import io.tideway.SparkRuntimeException;
import io.tideway.SparkUnsupportedOperationException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;

import java.util.Map;

/**
 * Spark's {@code MergeIntoWriter} ({@code df.mergeInto("t", cond).whenMatched().updateAll()
 * .whenNotMatched().insertAll().merge()}). Spark's default session catalog has no table that
 * supports MERGE, so {@link #merge()} behaves as Spark 4.0 does there: without an action it fails
 * with {@code [NO_MERGE_ACTION_SPECIFIED]}, on a missing table with
 * {@code [TABLE_OR_VIEW_NOT_FOUND]}, and on a warehouse table with Spark's
 * {@code MERGE INTO TABLE is not supported temporarily.}; the actions are recorded but never run.
 * Not thread-safe (a builder).
 */
public final class MergeIntoWriter<T> {
    private final Dataset<T> ds;
    private final String table;
    private int actions;

    MergeIntoWriter(Dataset<T> ds, String table, Column condition) {
        this.ds = ds;
        this.table = table;
    }

    /** Actions for target rows the condition matches. */
    public WhenMatched<T> whenMatched() {
        return new WhenMatched<>(this);
    }

    /** Actions for target rows the condition and {@code condition} match. */
    public WhenMatched<T> whenMatched(Column condition) {
        return new WhenMatched<>(this);
    }

    /** Actions for source rows no target row matches. */
    public WhenNotMatched<T> whenNotMatched() {
        return new WhenNotMatched<>(this);
    }

    /** Actions for source rows no target row matches, that {@code condition} matches. */
    public WhenNotMatched<T> whenNotMatched(Column condition) {
        return new WhenNotMatched<>(this);
    }

    /** Actions for target rows no source row matches. */
    public WhenNotMatchedBySource<T> whenNotMatchedBySource() {
        return new WhenNotMatchedBySource<>(this);
    }

    /** Actions for target rows no source row matches, that {@code condition} matches. */
    public WhenNotMatchedBySource<T> whenNotMatchedBySource(Column condition) {
        return new WhenNotMatchedBySource<>(this);
    }

    /** Lets the merge add the source's new columns to the table (Spark's schema evolution). */
    public MergeIntoWriter<T> withSchemaEvolution() {
        return this;
    }

    /** Runs the merge: refused as Spark's default session catalog refuses it (see the class comment). */
    public void merge() {
        if (actions == 0) {
            throw new SparkRuntimeException("NO_MERGE_ACTION_SPECIFIED", Map.of());
        }
        if (ds.sparkSession().tableCatalog().get(table) == null) {
            throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName", ErrorParams.id(table))));
        }
        throw new SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_2096", Map.of("ddl", "MERGE INTO TABLE"));
    }

    /** Records one action; the writer, for the next clause or {@link #merge()}. */
    MergeIntoWriter<T> withAction() {
        actions++;
        return this;
    }
}
