package io.tideway.engine.sink;

import io.tideway.SparkThrowable;
import io.tideway.api.java.function.FilterFunction;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.engine.row.GenericRow;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoder;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * {@code foreachBatch(f)}: calls {@code f} on the query thread with each batch as a static
 * Dataset and the batch id (the same id when a batch is re-run, so {@code f} can be idempotent).
 * What {@code f} throws fails the query wrapped in {@code FOREACH_BATCH_USER_FUNCTION_ERROR},
 * unless it is one of Spark's own errors or the batch's own failure met by an action in {@code f}:
 * as in Spark, only what the user's code throws is wrapped.
 */
public final class ForeachBatchSink<T> implements StreamSink {
    private final TidewaySession session;
    private final StructType schema;
    private final Encoder<T> encoder;
    private final VoidFunction2<Dataset<T>, Long> function;

    public ForeachBatchSink(TidewaySession session, StructType schema, Encoder<T> encoder, VoidFunction2<Dataset<T>, Long> function) {
        this.session = session;
        this.schema = schema;
        this.encoder = encoder;
        this.function = function;
    }

    @Override
    public String description() {
        return "ForeachBatchSink";
    }

    /** Spark reports -1: {@code ForeachBatchSink} is a V1 {@code Sink}, whose written rows progress does not count. */
    @Override
    public boolean reportsNumOutputRows() {
        return false;
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        return new CollectingWriter(schema, Long.MAX_VALUE);
    }

    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        try {
            call(new LocalRelation(schema, CollectingWriter.allRows(messages)), batchId, null);
        } catch (Exception e) {
            throw Unchecked.raise(e);
        }
    }

    /**
     * The batch's tasks failed with {@code failure} (a FAILFAST file read, say). Spark hands
     * {@code f} a lazy batch, so {@code f} is called and meets the failure in its first action;
     * Tideway has already run the batch, so {@code f} gets a batch whose every action throws
     * {@code failure}. Query thread.
     *
     * @return what the batch fails with: what {@code f} threw ({@code failure} itself, unwrapped,
     *         when it came from an action), else {@code failure}, even when {@code f} never ran an
     *         action or swallowed the error, since the batch's rows and state are incomplete
     */
    @Override
    public Exception failBatch(long batchId, Exception failure) {
        Dataset<Row> rows = Dataset.ofRows(session, new LocalRelation(schema, List.of(new GenericRow(new Object[schema.length()], schema))))
                .filter((FilterFunction<Row>) row -> {
                    throw failure;
                });
        try {
            call(rows.logicalPlan(), batchId, failure);
        } catch (Exception e) {
            return e;
        }
        return failure;
    }

    /** Calls {@code f}; {@code engineFailure} is the failure the batch's actions throw, or null. */
    private void call(LogicalPlan batch, long batchId, Exception engineFailure) throws Exception {
        Dataset<T> ds = new Dataset<>(session, batch, encoder); // the query's columns; typed operations read the encoder's fields
        try {
            function.call(ds, batchId);
        } catch (Exception e) {
            if (e instanceof SparkThrowable) {
                throw e; // Spark's own errors pass through unwrapped, as in Spark
            }
            if (engineFailure != null && isEngineFailure(e, engineFailure)) {
                // In Spark an action meets a task failure as a SparkException, never wrapped; Tideway's
                // engine failures need not be SparkThrowable, so they are recognised as themselves.
                throw engineFailure;
            }
            throw ForeachUserFunctionException.ofBatchFunction(e);
        }
    }

    /**
     * Whether {@code f} threw the batch's failure as its action met it: as is, or carried by the
     * {@link UserFunctionException} that the action's filter wraps a checked failure in. A user
     * exception that merely has the failure as its cause is the user's and is wrapped.
     */
    private static boolean isEngineFailure(Exception thrown, Exception failure) {
        return thrown == failure || thrown instanceof UserFunctionException && thrown.getCause() == failure;
    }
}
