package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Row;
import io.tideway.sql.Dataset;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The file source's {@code cleanSource}: committed batches' files archived or deleted, and its refusals. */
public final class SourcesFileClean {
    private SourcesFileClean() {
    }

    /** {@code delete}: once their batches commit, the files read are gone; the query saw every row. */
    @Case
    public static void cleanSourceDeleteRemovesCommittedFiles(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "one", "two");
        ctx.file(in, "b.txt", "three");
        run(ctx, ctx.spark().readStream().option("maxFilesPerTrigger", 1).option("cleanSource", "delete").text(in.toString()));
        ctx.println("left in the source directory: " + list(in));
    }

    /** {@code archive}: each file moves to the archive directory followed by its own absolute path. */
    @Case
    public static void cleanSourceArchiveMovesCommittedFiles(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path archive = ctx.dir("archive");
        ctx.file(in, "a.txt", "one");
        ctx.file(in, "b.txt", "two");
        run(ctx, ctx.spark().readStream().option("maxFilesPerTrigger", 1).option("cleanSource", "archive")
                .option("sourceArchiveDir", archive.toString()).text(in.toString()));
        ctx.println("left in the source directory: " + list(in));
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                ctx.println("archived: /" + archive.relativize(f) + " = " + Files.readAllLines(f));
            }
        }
    }

    /** {@code archive} needs {@code sourceArchiveDir}. */
    @Case
    public static void cleanSourceArchiveWithoutDirRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "one");
        try {
            run(ctx, ctx.spark().readStream().option("cleanSource", "archive").text(in.toString()));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** An archive directory the source pattern would list again is refused. */
    @Case
    public static void cleanSourceArchiveInsideSourceRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "one");
        try {
            run(ctx, ctx.spark().readStream().option("cleanSource", "archive")
                    .option("sourceArchiveDir", in.resolve("archive").toString()).text(in.toString()));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** Runs to the end with AvailableNow and stops, so every committed batch has been cleaned. */
    private static void run(CaseContext ctx, Dataset<Row> df) throws Exception {
        StreamingQuery q = df.writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        try {
            q.awaitTermination();
        } finally {
            q.stop();
        }
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().collect(Collectors.toList());
        }
    }
}
