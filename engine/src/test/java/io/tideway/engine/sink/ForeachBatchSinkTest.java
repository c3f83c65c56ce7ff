package io.tideway.engine.sink;

import io.tideway.SparkThrowable;
import io.tideway.engine.encoders.RowEncoder;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which failures of a foreachBatch function are wrapped as the user's: only what user code throws. */
class ForeachBatchSinkTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("n", DataTypes.LongType);

    private ForeachBatchSink<Row> sink(io.tideway.api.java.function.VoidFunction2<io.tideway.sql.Dataset<Row>, Long> f) {
        return new ForeachBatchSink<>(spark, schema, new RowEncoder(schema), f);
    }

    @Test
    void anEngineFailureMetByAnActionIsNotWrapped() {
        RuntimeException unchecked = new IllegalStateException("state gone");
        assertSame(unchecked, sink((ds, id) -> ds.collectAsList()).failBatch(0, unchecked));
        Exception checked = new IOException("disk gone");
        assertSame(checked, sink((ds, id) -> ds.collectAsList()).failBatch(0, checked));
    }

    @Test
    void whatTheUserThrowsIsWrapped() {
        RuntimeException failure = new IllegalStateException("state gone");
        Exception e = sink((ds, id) -> {
            try {
                ds.collectAsList();
            } catch (RuntimeException caught) {
                throw new RuntimeException("user saw it", caught);
            }
        }).failBatch(0, failure);
        ForeachUserFunctionException wrapped = assertInstanceOf(ForeachUserFunctionException.class, e);
        assertEquals("FOREACH_BATCH_USER_FUNCTION_ERROR", ((SparkThrowable) wrapped).getCondition());
        assertEquals("user saw it", wrapped.getCause().getMessage());
    }

    @Test
    void aFunctionThatNeverActsStillFailsWithTheFailure() {
        RuntimeException failure = new IllegalStateException("state gone");
        assertSame(failure, sink((ds, id) -> { }).failBatch(0, failure));
    }
}
