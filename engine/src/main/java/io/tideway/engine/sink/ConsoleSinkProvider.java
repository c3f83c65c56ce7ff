package io.tideway.engine.sink;

import io.tideway.engine.exec.ShowString;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code format("console")}: prints each batch as Spark does ({@code Batch: N} header, then the
 * table). Options {@code numRows} (20) and {@code truncate} (true). Only the first
 * {@code numRows + 1} rows of a batch are kept, so a large batch costs no memory.
 */
public final class ConsoleSinkProvider implements SinkProvider {
    @Override
    public String shortName() {
        return "console";
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
        int numRows = (int) context.options().getPositiveLong("numRows", 20);
        boolean truncate = context.options().getBoolean("truncate", true);
        return new ConsoleSink(context.schema(), numRows, truncate, System.out);
    }

    /** Prints on the query thread at commit. */
    static final class ConsoleSink implements StreamSink {
        private final StructType schema;
        private final int numRows;
        private final boolean truncate;
        private final PrintStream out;

        ConsoleSink(StructType schema, int numRows, boolean truncate, PrintStream out) {
            this.schema = schema;
            this.numRows = numRows;
            this.truncate = truncate;
            this.out = out;
        }

        @Override
        public String description() {
            return "ConsoleSink[numRows=" + numRows + ", truncate=" + truncate + "]";
        }

        @Override
        public PartitionWriter createWriter(int partition, long batchId) {
            return new CollectingWriter(schema, numRows + 1L);
        }

        @Override
        public void commit(long batchId, List<CommitMessage> messages) {
            List<Row> rows = CollectingWriter.allRows(messages);
            String table = ShowString.format(schema, rows, numRows, truncate ? 20 : 0);
            out.println("-------------------------------------------\nBatch: " + batchId
                    + "\n-------------------------------------------\n" + table);
            out.flush();
        }
    }
}
