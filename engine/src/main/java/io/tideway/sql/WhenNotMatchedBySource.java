package io.tideway.sql;

/** The actions of {@code mergeInto(...).whenNotMatchedBySource()}, as Spark's {@code WhenNotMatchedBySource}. Not thread-safe. */
public final class WhenNotMatchedBySource<T> {
    private final MergeIntoWriter<T> writer;

    WhenNotMatchedBySource(MergeIntoWriter<T> writer) {
        this.writer = writer;
    }

    /** Sets every target column to the source's column of the same name. */
    public MergeIntoWriter<T> updateAll() {
        return writer.withAction();
    }

    /** Sets the given target columns to these values. */
    public MergeIntoWriter<T> update(scala.collection.immutable.Map<String, Column> map) {
        return writer.withAction();
    }

    /** Deletes the unmatched target row. */
    public MergeIntoWriter<T> delete() {
        return writer.withAction();
    }
}
