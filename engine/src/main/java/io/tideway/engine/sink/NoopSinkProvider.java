package io.tideway.engine.sink;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;

import java.util.List;

/**
 * {@code format("noop")}: runs the query and discards its rows, as Spark's noop sink (for
 * benchmarks and for queries run for their side effects). Every output mode, micro-batch and
 * continuous, no checkpoint location needed. Stateless.
 */
public final class NoopSinkProvider implements SinkProvider {
    private static final CommitMessage NOTHING = new CommitMessage() {
    };

    @Override
    public String shortName() {
        return "noop";
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
        return new StreamSink() {
            /** Spark's description is the table object's toString; this is its name under the import rule. */
            private final String description = "io.tideway.sql.execution.datasources.noop.NoopTable$@"
                    + Integer.toHexString(System.identityHashCode(this));

            @Override
            public String description() {
                return description;
            }

            @Override
            public PartitionWriter createWriter(int partition, long batchId) {
                return new PartitionWriter() {
                    @Override
                    public void accept(org.agrona.DirectBuffer buffer, int offset, int length) {
                    }

                    @Override
                    public CommitMessage commit() {
                        return NOTHING;
                    }
                };
            }

            @Override
            public void commit(long batchId, List<CommitMessage> messages) {
            }
        };
    }
}
