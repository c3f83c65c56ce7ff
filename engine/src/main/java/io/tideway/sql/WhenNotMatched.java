package io.tideway.sql;

/** The actions of {@code mergeInto(...).whenNotMatched()}, as Spark's {@code WhenNotMatched}. Not thread-safe. */
public final class WhenNotMatched<T> {
    private final MergeIntoWriter<T> writer;

    WhenNotMatched(MergeIntoWriter<T> writer) {
        this.writer = writer;
    }

    /** Inserts the source row, its columns by name. */
    public MergeIntoWriter<T> insertAll() {
        return writer.withAction();
    }

    /** Inserts a row of these column values. */
    public MergeIntoWriter<T> insert(scala.collection.immutable.Map<String, Column> map) {
        return writer.withAction();
    }
}
