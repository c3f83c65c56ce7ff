package conformance.cases;

import conformance.CaseContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.StructField;

import java.nio.file.Path;

/**
 * Inputs and runners shared by the {@code Ops*} cases (operations on streaming DataFrames): JSON
 * files read with a DDL schema, one file per micro-batch, and queries run to the end of their
 * input with {@code Trigger.AvailableNow()} into {@code ctx.batches()}.
 */
final class OpsData {
    /** The guide's IoT devices: {@code { device: string, deviceType: string, signal: double, time: string }}. */
    static final String DEVICE_DDL = "device STRING, deviceType STRING, signal DOUBLE, time STRING";

    /** One column of each common type, for casts, arithmetic and null logic. */
    static final String TYPES_DDL = "i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN";

    private OpsData() {
    }

    /** The guide's devices in two files (two batches); d1 shows up again in the second, without a signal. */
    static Dataset<Row> devices(CaseContext ctx) throws Exception {
        return json(ctx, DEVICE_DDL,
                new String[] {
                    "{\"device\":\"d1\",\"deviceType\":\"router\",\"signal\":12.5,\"time\":\"2024-01-01 10:00:00\"}",
                    "{\"device\":\"d2\",\"deviceType\":\"switch\",\"signal\":3.0,\"time\":\"2024-01-01 10:00:01\"}",
                    "{\"device\":\"d3\",\"deviceType\":\"router\",\"signal\":25.0,\"time\":\"2024-01-01 10:00:02\"}"},
                new String[] {
                    "{\"device\":\"d4\",\"deviceType\":\"camera\",\"signal\":10.0,\"time\":\"2024-01-01 10:00:03\"}",
                    "{\"device\":\"d1\",\"deviceType\":\"router\",\"signal\":null,\"time\":\"2024-01-01 10:00:04\"}",
                    "{\"device\":\"d5\",\"deviceType\":\"switch\",\"signal\":40.0,\"time\":\"2024-01-01 10:00:05\"}"});
    }

    /** Three rows of {@link #TYPES_DDL}: positive values, negative values, all nulls; one batch. */
    static Dataset<Row> types(CaseContext ctx) throws Exception {
        return json(ctx, TYPES_DDL, new String[] {
            "{\"i\":7,\"l\":10000000000,\"d\":1.5,\"s\":\"a\",\"b\":true}",
            "{\"i\":-3,\"l\":-4,\"d\":-0.25,\"s\":\"b\",\"b\":false}",
            "{\"i\":null,\"l\":null,\"d\":null,\"s\":null,\"b\":null}"});
    }

    /** A streaming DataFrame over JSON files of the given DDL schema, one file (batch) per array. */
    static Dataset<Row> json(CaseContext ctx, String ddl, String[]... files) throws Exception {
        Path in = ctx.dir("in");
        int n = 0;
        for (String[] lines : files) {
            ctx.file(in, (++n) + ".json", lines);
        }
        return ctx.spark().readStream().schema(ddl).option("maxFilesPerTrigger", 1).json(in.toString());
    }

    /** One string column {@code s} holding each value (null for a Java null), one batch. */
    static Dataset<Row> strings(CaseContext ctx, String... values) throws Exception {
        String[] lines = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            lines[i] = values[i] == null ? "{\"s\":null}" : "{\"s\":\"" + values[i] + "\"}";
        }
        return json(ctx, "s STRING", lines);
    }

    /** Runs {@code df} in append mode to the end of its input, printing each batch. */
    static <T> void run(CaseContext ctx, Dataset<T> df) throws Exception {
        run(ctx, df, "append");
    }

    /** Runs {@code df} in {@code mode} to the end of its input, printing each batch. */
    static <T> void run(CaseContext ctx, Dataset<T> df, String mode) throws Exception {
        StreamingQuery q = df.writeStream()
                .outputMode(mode)
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<T>batches())
                .start();
        q.awaitTermination();
    }

    /**
     * Runs {@code df} in append mode expecting a batch to fail: prints the batches before it, then
     * the class of the error the query ended with and the first line of the message of its deepest
     * cause (where both engines put the error class, e.g. {@code [DIVIDE_BY_ZERO] ...}).
     */
    static <T> void runFailing(CaseContext ctx, Dataset<T> df) {
        try {
            run(ctx, df, "append");
            ctx.println("query ended without error");
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String msg = String.valueOf(root.getMessage());
            int nl = msg.indexOf('\n');
            ctx.println(e.getClass().getSimpleName() + ", deepest cause: " + (nl >= 0 ? msg.substring(0, nl) : msg).stripTrailing());
        }
    }

    /** Prints each field of {@code df}'s schema as {@code name: type (nullable = b)}. */
    static void fields(CaseContext ctx, Dataset<?> df) {
        for (StructField f : df.schema().fields()) {
            ctx.println(f.name() + ": " + f.dataType().simpleString() + " (nullable = " + f.nullable() + ")");
        }
    }

    /** Prints {@code label: } then the error of {@code action}, or {@code label: no error}. */
    static void error(CaseContext ctx, String label, ThrowingRunnable action) {
        try {
            action.run();
            ctx.println(label + ": no error");
        } catch (Exception e) {
            ctx.println(label + ": " + describe(e));
        }
    }

    /**
     * An error as {@code Class: message}, where the class is {@code AnalysisException} for any
     * subclass of it (Spark throws internal subclasses such as {@code ExtendedAnalysisException}
     * that a user catches as {@code AnalysisException}) and the message is its first non-blank
     * line without the {@code ;} that Spark puts before the plan it appends.
     */
    static String describe(Throwable e) {
        String cls = e instanceof AnalysisException ? "AnalysisException" : e.getClass().getSimpleName();
        String msg = e.getMessage();
        if (msg == null) {
            return cls;
        }
        String line = msg.lines().filter(l -> !l.isBlank()).findFirst().orElse("").stripTrailing();
        if (line.endsWith(";")) {
            line = line.substring(0, line.length() - 1);
        }
        return cls + ": " + line;
    }

    /** An action that may throw (Spark's AnalysisException is checked in Java's eyes). */
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
