package io.tideway.engine.spi;

import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * A source read once, as a batch ({@code spark.read()}): its schema and its input fixed when the
 * scan was created (a file source lists its files then, as Spark's file index does at
 * {@code load()}), read partition by partition each time an action runs.
 *
 * <p>Threading: immutable once created; {@link #createReader} may be called from any thread, each
 * reader owned by the thread that reads it.
 */
public interface BatchScan {
    /** The rows' schema, partition columns last. */
    StructType schema();

    /** The slices to read, in the order their rows are returned. */
    List<InputPartition> planPartitions();

    /** A reader of one slice; read until it returns -1, then closed. */
    PartitionReader createReader(InputPartition partition);

    /** The URIs of the files this scan reads, each once ({@code Dataset.inputFiles}); none for a source without files. */
    default List<String> inputFiles() {
        return List.of();
    }

    /** Whether this scan reads files, so that its rows carry a hidden {@code _metadata} column (a file source's). */
    default boolean readsFiles() {
        return false;
    }
}
