package io.tideway.engine.sink;

import io.tideway.engine.exec.ShowString;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.Options;
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
        return new ConsoleSink(context.schema(), context.options(), System.out);
    }

    /**
     * {@code numRows} and {@code truncate} as Spark's {@code ConsoleWrite} reads them
     * ({@code getInt}, {@code getBoolean}); a negative {@code numRows} shows none, as
     * {@code Dataset.show} clamps it at 0.
     */
    record Settings(int numRows, boolean truncate) {
        static Settings parse(Options options) {
            return new Settings(Math.max(0, options.getInt("numRows", 20)), options.getBoolean("truncate", true));
        }
    }

    /**
     * Prints on the query thread at commit. The options are parsed on first use, not at
     * {@code start()}: Spark builds its console write when the query plans its first batch, so a
     * bad value fails the query ({@code STREAM_FAILED}) rather than {@code start()}.
     */
    static final class ConsoleSink implements StreamSink {
        private final StructType schema;
        private final Options options;
        private final PrintStream out;
        /** Parsed from {@link #options} by whichever thread first needs it; idempotent, so a race only parses twice. */
        private volatile Settings settings;

        ConsoleSink(StructType schema, Options options, PrintStream out) {
            this.schema = schema;
            this.options = options;
            this.out = out;
        }

        private Settings settings() {
            Settings s = settings;
            if (s == null) {
                s = Settings.parse(options);
                settings = s;
            }
            return s;
        }

        /** Read for progress reports, after the first batch parsed the options. */
        @Override
        public String description() {
            Settings s = settings();
            return "ConsoleSink[numRows=" + s.numRows() + ", truncate=" + s.truncate() + "]";
        }

        @Override
        public PartitionWriter createWriter(int partition, long batchId) {
            return new CollectingWriter(schema, settings().numRows() + 1L);
        }

        @Override
        public void commit(long batchId, List<CommitMessage> messages) {
            Settings s = settings();
            List<Row> rows = CollectingWriter.allRows(messages);
            String table = ShowString.format(schema, rows, s.numRows(), s.truncate() ? 20 : 0);
            out.println("-------------------------------------------\nBatch: " + batchId
                    + "\n-------------------------------------------\n" + table);
            out.flush();
        }
    }
}
