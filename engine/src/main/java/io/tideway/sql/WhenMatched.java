package io.tideway.sql;

/** The actions of {@code mergeInto(...).whenMatched()}, as Spark's {@code WhenMatched}. Not thread-safe. */
public final class WhenMatched<T> {
    private final MergeIntoWriter<T> writer;

    WhenMatched(MergeIntoWriter<T> writer) {
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

    /** Deletes the matched target row. */
    public MergeIntoWriter<T> delete() {
        return writer.withAction();
    }
}
