package conformance.cases;

import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

/**
 * Inputs and runners shared by the EventTime* cases (no case of its own). Every input is a CSV
 * directory of one file per batch, written before the query starts and read with
 * {@code maxFilesPerTrigger=1}, so batch N is file N; queries run with {@code AvailableNow}, which
 * ends with a no-data batch when the watermark moved, and print each batch through
 * {@code foreachBatch}. Times are {@code 2024-01-01} plus a time of day ({@link #t}).
 */
final class EventTimeInput {
    /** The schema of most cases: a key and an event time. */
    static final String WORD_TS = "word STRING, ts TIMESTAMP";

    private EventTimeInput() {
    }

    /** {@code 2024-01-01 <hms>}, the CSV text of a timestamp. */
    static String t(String hms) {
        return "2024-01-01 " + hms;
    }

    /** One batch's lines. */
    static String[] batch(String... lines) {
        return lines;
    }

    /** A CSV stream of the given schema whose batch N is {@code batches[N]}. */
    static Dataset<Row> csv(CaseContext ctx, String schema, String[]... batches) throws Exception {
        Path in = ctx.dir("in");
        for (int i = 0; i < batches.length; i++) {
            ctx.file(in, i + ".csv", batches[i]);
        }
        return ctx.spark().readStream().schema(schema).option("maxFilesPerTrigger", 1).csv(in.toString());
    }

    /** A {@link #WORD_TS} stream. */
    static Dataset<Row> words(CaseContext ctx, String[]... batches) throws Exception {
        return csv(ctx, WORD_TS, batches);
    }

    /** Runs {@code df} to the end of its input in {@code mode}, printing every batch. */
    static StreamingQuery run(CaseContext ctx, Dataset<Row> df, String mode) throws Exception {
        StreamingQuery q = df.writeStream()
                .outputMode(mode)
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.awaitTermination();
        return q;
    }

    /** Prints, per batch the query ran, its input row count and the watermark it ran with. */
    static void watermarks(CaseContext ctx, StreamingQuery q) {
        for (StreamingQueryProgress p : q.recentProgress()) {
            ctx.println("progress " + p.batchId() + ": rows " + p.numInputRows()
                    + ", watermark " + p.eventTime().get("watermark"));
        }
    }

    /**
     * Prints, per batch, the watermark and the first stateful operator's state rows and rows
     * dropped as late.
     */
    static void stateProgress(CaseContext ctx, StreamingQuery q) {
        for (StreamingQueryProgress p : q.recentProgress()) {
            StringBuilder line = new StringBuilder("progress " + p.batchId() + ": rows " + p.numInputRows()
                    + ", watermark " + p.eventTime().get("watermark"));
            StateOperatorProgress[] ops = p.stateOperators();
            for (StateOperatorProgress op : ops) {
                line.append(", state ").append(op.numRowsTotal())
                        .append(" dropped ").append(op.numRowsDroppedByWatermark());
            }
            ctx.println(line.toString());
        }
    }

    /** {@link #stateProgress} without the input row counts. */
    static void watermarksAndState(CaseContext ctx, StreamingQuery q) {
        for (StreamingQueryProgress p : q.recentProgress()) {
            StringBuilder line = new StringBuilder("progress " + p.batchId() + ": watermark " + p.eventTime().get("watermark"));
            for (StateOperatorProgress op : p.stateOperators()) {
                line.append(", state ").append(op.numRowsTotal())
                        .append(" dropped ").append(op.numRowsDroppedByWatermark());
            }
            ctx.println(line.toString());
        }
    }

    /** Prints the column names of {@code df}. */
    static void columns(CaseContext ctx, Dataset<Row> df) {
        ctx.println("columns: " + String.join(", ", df.columns()));
    }
}
