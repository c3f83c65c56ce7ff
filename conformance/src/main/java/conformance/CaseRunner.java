package conformance;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs cases in this JVM, each in a fresh session ({@code newSession()}) and a fresh directory,
 * with the settings the goldens were made with: {@code local[2]}, UTC, two shuffle partitions.
 * A case's uncaught exception is its last output line; a case that outlives its timeout prints
 * {@code TIMEOUT}. What is printed to {@code System.out} while a case runs (the console sink) is
 * part of its output. Whatever a case leaves running is stopped. Used by one thread at a time.
 */
public final class CaseRunner implements AutoCloseable {
    private final StdoutCapture stdout;
    private final TidewaySession root;
    private final Path base;
    /** Where tables live ({@code spark.sql.warehouse.dir}): shared by every case, as a session's catalog is; printed as {@code <warehouse>}. */
    private final Path warehouse;
    private final ExecutorService caseThread = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "conformance-case");
        t.setDaemon(true);
        return t;
    });

    public CaseRunner() throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        stdout = StdoutCapture.install();
        base = Files.createTempDirectory("conformance");
        warehouse = base.resolve("warehouse");
        root = TidewaySession.builder()
                .master("local[2]")
                .appName("conformance")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", warehouse.toString())
                .getOrCreate();
    }

    /** Runs one case; returns its canonical output with ids and its directory masked. */
    public String run(CaseCatalog.Entry entry) {
        Path dir = base.resolve(entry.name());
        TidewaySession session = root.newSession();
        CaseContext ctx = new CaseContext(session, dir);
        stdout.captureInto(ctx);
        Future<?> running = caseThread.submit(() -> {
            entry.method().invoke(null, ctx);
            return null;
        });
        try {
            running.get(entry.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable t = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            ctx.error(t);
        } catch (TimeoutException e) {
            running.cancel(true);
            ctx.println("TIMEOUT after " + entry.timeoutSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + entry.name(), e);
        }
        stopAll(session);
        stdout.captureInto(null);
        String text = Canonical.maskIds(ctx.output()).replace(dir.toAbsolutePath().toString(), "<dir>")
                .replace(warehouse.toAbsolutePath().toString(), "<warehouse>");
        deleteTree(dir);
        return text;
    }

    private static void stopAll(TidewaySession session) {
        for (StreamingQuery q : session.streams().active()) {
            try {
                q.stop();
            } catch (Exception e) {
                // the case's output already shows whatever went wrong
            }
        }
        session.streams().resetTerminated();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        caseThread.shutdownNow();
        root.stop();
        deleteTree(base);
    }
}
