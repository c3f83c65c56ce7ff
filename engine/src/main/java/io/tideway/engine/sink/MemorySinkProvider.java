package io.tideway.engine.sink;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code format("memory")}: keeps the output in memory as a table named by {@code queryName},
 * readable with {@code session.table(name)} or {@code session.sql(...)}. Complete mode replaces
 * the table each batch; other modes append. A batch id at or below the last one is skipped.
 */
public final class MemorySinkProvider implements SinkProvider {
    @Override
    public String shortName() {
        return "memory";
    }

    @Override
    public boolean requiresCheckpointLocation() {
        return false;
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    @Override
    public StreamSink create(SinkContext context) {
        if (context.queryName() == null) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1194", Map.of()));
        }
        MemorySink sink = new MemorySink(context.schema(), context.outputMode());
        context.session().registerView(context.queryName(), () -> new LocalRelation(context.schema(), sink.snapshot()));
        return sink;
    }

    /** The table; rows are appended on the query thread and read by any thread (synchronised). */
    public static final class MemorySink implements StreamSink {
        private final StructType schema;
        private final OutputMode mode;
        private final List<Row> rows = new ArrayList<>();
        private long lastBatchId = -1;

        MemorySink(StructType schema, OutputMode mode) {
            this.schema = schema;
            this.mode = mode;
        }

        @Override
        public String description() {
            return "MemorySink";
        }

        @Override
        public PartitionWriter createWriter(int partition, long batchId) {
            return new CollectingWriter(schema, Long.MAX_VALUE);
        }

        @Override
        public synchronized void commit(long batchId, List<CommitMessage> messages) {
            if (batchId <= lastBatchId) {
                return;
            }
            if (mode == OutputMode.Complete()) {
                rows.clear();
            }
            rows.addAll(CollectingWriter.allRows(messages));
            lastBatchId = batchId;
        }

        public synchronized List<Row> snapshot() {
            return new ArrayList<>(rows);
        }
    }
}
