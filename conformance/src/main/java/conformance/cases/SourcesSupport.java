package conformance.cases;

import conformance.Canonical;
import conformance.CaseContext;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Helpers shared by the {@code Sources*} cases (no cases here): running a source to its end and
 * printing at which step (load, start, run) it failed, a foreachBatch function that tells when
 * it is called, and an error chain with the engine's task and stage numbers masked (they depend
 * on the jobs earlier cases ran in the same JVM).
 */
final class SourcesSupport {
    private SourcesSupport() {
    }

    /** Builds a streaming DataFrame; may throw what {@code load()} throws. */
    interface Load {
        Dataset<Row> load() throws Exception;
    }

    /** {@code isStreaming} and {@code printSchema()} of a DataFrame. */
    static void describe(CaseContext ctx, Dataset<?> df) {
        ctx.println("isStreaming: " + df.isStreaming());
        df.printSchema();
    }

    /** Runs {@code df} with {@code Trigger.AvailableNow()} into {@code ctx.batches()}. */
    static void runAvailableNow(CaseContext ctx, Dataset<Row> df) throws Exception {
        StreamingQuery q = df.writeStream()
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.awaitTermination();
    }

    /**
     * Loads, starts with {@code AvailableNow} and waits for the end, printing each step reached;
     * an error is printed (with its causes) after the step it interrupted.
     */
    static void loadAndRun(CaseContext ctx, Load load) {
        Dataset<Row> df;
        try {
            df = load.load();
        } catch (Exception e) {
            ctx.println("load() failed:");
            chain(ctx, e);
            return;
        }
        ctx.println("load() ok");
        StreamingQuery q;
        try {
            q = df.writeStream()
                    .trigger(Trigger.AvailableNow())
                    .foreachBatch(tracing(ctx))
                    .start();
        } catch (Exception e) {
            ctx.println("start() failed:");
            chain(ctx, e);
            return;
        }
        ctx.println("start() ok");
        try {
            q.awaitTermination();
            ctx.println("awaitTermination() returned");
        } catch (Exception e) {
            ctx.println("awaitTermination() failed:");
            chain(ctx, e);
        }
    }

    /** A foreachBatch function printing {@code function called for batch N} before it reads the batch. */
    static VoidFunction2<Dataset<Row>, Long> tracing(CaseContext ctx) {
        return (df, id) -> {
            ctx.println("function called for batch " + id);
            List<Row> rows = df.collectAsList();
            synchronized (ctx) {
                ctx.println("batch " + id + ":");
                ctx.rows(rows);
            }
        };
    }

    /**
     * {@code ctx.errorChain(t)}, with the numbers of stages, tasks and TIDs and the executor's host
     * masked: Spark numbers them per JVM, so they depend on which cases ran before.
     */
    static void chain(CaseContext ctx, Throwable t) {
        ctx.println(mask(Canonical.error(t)));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            ctx.println("caused by: " + mask(Canonical.error(c)));
        }
    }

    private static String mask(String s) {
        return s.replaceAll("stage \\d+\\.\\d+", "stage N")
                .replaceAll("task \\d+\\.\\d+", "task N")
                .replaceAll("Task \\d+", "Task N")
                .replaceAll("TID \\d+", "TID N")
                .replaceAll("\\([^() ]+ executor driver\\)", "(<host> executor driver)");
    }

    /**
     * Writes a file of lines with the given modification time (ms since the epoch) and moves it
     * into {@code dir} atomically, so a running query never sees it with another time.
     */
    static Path fileWithMtime(CaseContext ctx, Path dir, String name, long mtimeMs, String... lines) throws IOException {
        Path staging = ctx.dir("staging");
        Path staged = ctx.file(staging, name, lines);
        Files.setLastModifiedTime(staged, FileTime.fromMillis(mtimeMs));
        Files.createDirectories(dir);
        return Files.move(staged, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
