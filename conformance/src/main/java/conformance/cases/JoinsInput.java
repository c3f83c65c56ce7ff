package conformance.cases;

import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs and runners shared by the Joins* and State* cases (no case of its own). A stream is a
 * CSV directory of one file per batch, written before the query starts and read with
 * {@code maxFilesPerTrigger=1}, so batch N reads file N of every stream (an empty file is a batch
 * without rows for that stream); queries run with {@code AvailableNow}, which ends with a no-data
 * batch when the watermark moved. Static sides are {@code createDataFrame(List<Row>, StructType)}.
 */
final class JoinsInput {
    private JoinsInput() {
    }

    /** {@code 2024-01-01 <hms>}, the CSV text of a timestamp. */
    static String t(String hms) {
        return "2024-01-01 " + hms;
    }

    /** One batch's lines. */
    static String[] batch(String... lines) {
        return lines;
    }

    /** A CSV stream in directory {@code name} of the given schema whose batch N is {@code batches[N]}. */
    static Dataset<Row> csv(CaseContext ctx, String name, String schema, String[]... batches) throws Exception {
        Path in = ctx.dir(name);
        for (int i = 0; i < batches.length; i++) {
            ctx.file(in, i + ".csv", batches[i]);
        }
        return ctx.spark().readStream().schema(schema).option("maxFilesPerTrigger", 1).csv(in.toString());
    }

    /**
     * The stream most stream-static cases join: {@code id INT, v STRING} in three batches, with an
     * id that is in no static table (5, 6) and a null id.
     */
    static Dataset<Row> events(CaseContext ctx) throws Exception {
        return csv(ctx, "events", "id INT, v STRING",
                batch("1,a", "2,b", "5,e"),
                batch("3,c", "1,aa", ",x"),
                batch("4,d", "6,f"));
    }

    /** The static table most stream-static cases join: {@code id INT, name STRING}, ids 1-4 and 7. */
    static Dataset<Row> names(CaseContext ctx) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
        return rows(ctx, schema, new Object[] {1, "one"}, new Object[] {2, "two"}, new Object[] {3, "three"},
                new Object[] {4, "four"}, new Object[] {7, "seven"});
    }

    /** A static DataFrame of {@code rows} with {@code schema}. */
    static Dataset<Row> rows(CaseContext ctx, StructType schema, Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return ctx.spark().createDataFrame(list, schema);
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

    /** Runs a typed Dataset of strings as {@link #run} does. */
    static StreamingQuery runStrings(CaseContext ctx, Dataset<String> ds, String mode) throws Exception {
        StreamingQuery q = ds.writeStream()
                .outputMode(mode)
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<String>batches())
                .start();
        q.awaitTermination();
        return q;
    }

    /** Starts {@code df} in {@code mode} and prints the error start() fails with (or that it started). */
    static void refused(CaseContext ctx, Dataset<?> df, String mode) {
        try {
            StreamingQuery q = df.writeStream()
                    .outputMode(mode)
                    .trigger(Trigger.AvailableNow())
                    .format("console")
                    .start();
            q.awaitTermination();
            ctx.println("started");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /**
     * An exception a user function caught, as the simple name of its nearest JDK class (Spark's
     * {@code SparkUnsupportedOperationException} is an {@code UnsupportedOperationException})
     * and its message.
     */
    static String describe(Exception e) {
        Class<?> c = e.getClass();
        while (!c.getName().startsWith("java.")) {
            c = c.getSuperclass();
        }
        return c.getSimpleName() + ": " + e.getMessage();
    }

    /** Prints the column names of {@code df}. */
    static void columns(CaseContext ctx, Dataset<?> df) {
        ctx.println("columns: " + String.join(", ", df.columns()));
    }

    /** Prints, per batch the query ran, its input row count and the watermark it ran with. */
    static void watermarks(CaseContext ctx, StreamingQuery q) {
        for (StreamingQueryProgress p : q.recentProgress()) {
            ctx.println("progress " + p.batchId() + ": rows " + p.numInputRows()
                    + ", watermark " + p.eventTime().get("watermark"));
        }
    }

    /** Prints, per batch, the watermark and each stateful operator's state rows. */
    static void stateRows(CaseContext ctx, StreamingQuery q) {
        for (StreamingQueryProgress p : q.recentProgress()) {
            StringBuilder line = new StringBuilder("progress " + p.batchId() + ": rows " + p.numInputRows()
                    + ", watermark " + p.eventTime().get("watermark"));
            for (StateOperatorProgress op : p.stateOperators()) {
                line.append(", state ").append(op.numRowsTotal());
            }
            ctx.println(line.toString());
        }
    }
}
