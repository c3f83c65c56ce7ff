package conformance;

import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.TidewaySession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * What a case gets: a fresh session of its own, fresh directories, input files with fixed
 * modification times, and the canonical output it prints. One per case run; the case's thread
 * and the engine's foreachBatch thread may both print, so printing is synchronized.
 */
public final class CaseContext {
    /** 2024-01-01T00:00:00Z: input files get this time plus one second per file written. */
    private static final long FIRST_MTIME_MS = 1_704_067_200_000L;

    private final TidewaySession spark;
    private final Path root;
    private final StringBuilder out = new StringBuilder();
    private int filesWritten;
    private boolean keepConsoleOrder;

    CaseContext(TidewaySession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    public TidewaySession spark() {
        return spark;
    }

    /** A new empty directory {@code name} under the case's own directory (printed as {@code <dir>/name}). */
    public Path dir(String name) throws IOException {
        Path d = root.resolve(name);
        Files.createDirectories(d);
        return d;
    }

    /** The path of {@link #dir(String)} as the string a reader or writer option takes. */
    public String path(String name) throws IOException {
        return dir(name).toString();
    }

    /**
     * Writes a file of lines (each ended by a newline) into {@code dir}, atomically (a hidden temp
     * name then a rename, so a running query never lists half a file), with a modification time
     * one second after the previous file's, so file sources order files the same way every run.
     */
    public Path file(Path dir, String name, String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            text.append(l).append('\n');
        }
        return bytes(dir, name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes as {@link #file} does. */
    public Path bytes(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.write(tmp, content);
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(FIRST_MTIME_MS + 1000L * filesWritten++));
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Copies the committed input {@code name} (a resource under {@code conformance/inputs/}, such
     * as a Parquet file written by Spark) into {@code dir}, as {@link #bytes} writes a file.
     */
    public Path input(Path dir, String name) throws IOException {
        try (java.io.InputStream in = CaseContext.class.getResourceAsStream("/conformance/inputs/" + name)) {
            if (in == null) {
                throw new java.io.FileNotFoundException("no committed input conformance/inputs/" + name);
            }
            return bytes(dir, name, in.readAllBytes());
        }
    }

    /** Prints one line of output. */
    public synchronized void println(Object line) {
        out.append(line instanceof String s ? s : Canonical.value(line)).append('\n');
    }

    /** Prints rows (of any type) sorted by their canonical text, one per line. */
    public synchronized void rows(List<?> rows) {
        for (String r : Canonical.sortedRows(rows)) {
            out.append(r).append('\n');
        }
    }

    /** Prints a batch Dataset's rows, sorted. */
    public void show(Dataset<?> df) {
        rows(df.collectAsList());
    }

    /** A foreachBatch function that prints {@code batch N:} and the batch's rows, sorted. */
    public <T> VoidFunction2<Dataset<T>, Long> batches() {
        return (df, id) -> {
            List<T> rows = df.collectAsList();
            synchronized (this) {
                println("batch " + id + ":");
                rows(rows);
            }
        };
    }

    /** Prints an error as {@code SimpleClassName: first line of its message}. */
    public void error(Throwable t) {
        println(Canonical.error(t));
    }

    /** Prints an error and each of its causes, one per line. */
    public void errorChain(Throwable t) {
        error(t);
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            println("caused by: " + Canonical.error(c));
        }
    }

    /**
     * Keeps the row order of console tables as printed (for a case about {@code orderBy}); by
     * default the rows of each table are sorted, as a batch's rows are.
     */
    public synchronized void keepConsoleOrder() {
        keepConsoleOrder = true;
    }

    synchronized String output() {
        return keepConsoleOrder ? out.toString() : Canonical.sortTableBodies(out.toString());
    }
}
