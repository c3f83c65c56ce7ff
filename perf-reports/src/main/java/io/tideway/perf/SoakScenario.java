package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * {@code bin/tideway perf soak --minutes 30}: two queries side by side for a long time, to show
 * that nothing grows with the run's length. A micro-batch query reads JSON files that a feeder
 * drops into a directory ({@code --batchesPerSecond} files a second, {@code --linesPerFile} rows
 * each; a trigger every {@code 1/batchesPerSecond} s takes at most two, so it can catch up) with
 * {@code cleanSource=delete} and writes them through the file sink; a continuous query
 * reads the {@code rate} source at {@code --rate} rows/s into {@code noop}, checkpointing every
 * second. Every {@code --sampleSeconds} it records heap after GC, live threads, open file
 * descriptors, and the files in each checkpoint, in the sink's {@code _spark_metadata} and in the
 * source directory. At the end it stops the feeder, lets the micro-batch query finish, and reads
 * the sink's output back: every fed row must be there exactly once. The report says, for each
 * figure, whether the last quarter of the run stayed within a tolerance of the first sample after
 * warm-up.
 */
final class SoakScenario {
    private static final StructType SCHEMA = new StructType().add("id", "long").add("payload", "string");
    private final int minutes;
    private final int sampleSeconds;
    private final int warmupSeconds;
    private final int batchesPerSecond;
    private final int linesPerFile;
    private final int rate;
    private final ScenarioArgs args;
    private final Path dir;

    SoakScenario(ScenarioArgs args, Path results) {
        this.args = args;
        this.minutes = args.getInt("minutes", 30);
        this.sampleSeconds = args.getInt("sampleSeconds", 30);
        // the file logs delete compacted files only once they are spark.sql.streaming.*.log.cleanupDelay (10 min) old
        this.warmupSeconds = args.getInt("warmupSeconds", 720);
        this.batchesPerSecond = args.getInt("batchesPerSecond", 10);
        this.linesPerFile = args.getInt("linesPerFile", 10);
        this.rate = args.getInt("rate", 100_000);
        this.dir = results.resolve(args.getString("out", "soak"));
    }

    /** One sample; {@code seconds} since the queries started. */
    private record Sample(long seconds, long heapMb, long threads, long fds, long microCheckpointFiles,
                          long continuousCheckpointFiles, long sinkLogFiles, long sourceFiles, long batches, long epochs) {
    }

    void run() throws Exception {
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("tideway-soak");
        Path in = Files.createDirectories(work.resolve("in"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Path out = work.resolve("out");
        Path microCheckpoint = work.resolve("ckpt-micro");
        Path continuousCheckpoint = work.resolve("ckpt-continuous");
        TidewaySession spark = args.session("soak").getOrCreate();
        Feeder feeder = new Feeder(in, staging);
        List<Sample> samples = new ArrayList<>();
        long fed;
        long read;
        try {
            // two files a trigger at most: headroom to catch up after a pause (one a trigger only keeps pace)
            StreamingQuery micro = spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", 2)
                    .option("cleanSource", "delete").option("maxFileAge", "1m").json(in.toString())
                    .writeStream().format("json").option("path", out.toString())
                    .option("checkpointLocation", microCheckpoint.toString())
                    .trigger(Trigger.ProcessingTime(1000 / batchesPerSecond)).start();
            StreamingQuery continuous = spark.readStream().format("rate").option("rowsPerSecond", rate)
                    .option("numPartitions", 1).load().writeStream().format("noop")
                    .option("checkpointLocation", continuousCheckpoint.toString())
                    .trigger(Trigger.Continuous("1 second")).start();
            Thread feederThread = new Thread(feeder, "soak-feeder");
            feederThread.setDaemon(true);
            feederThread.start();
            long start = System.nanoTime();
            long end = start + minutes * 60_000_000_000L;
            long nextSample = start;
            while (System.nanoTime() < end) {
                for (StreamingQuery q : List.of(micro, continuous)) {
                    if (q.exception().isDefined()) {
                        throw new IllegalStateException("query " + q.name() + " failed", q.exception().get());
                    }
                }
                if (System.nanoTime() >= nextSample) {
                    Sample s = sample((System.nanoTime() - start) / 1_000_000_000L, microCheckpoint, continuousCheckpoint,
                            out, in, micro, continuous);
                    samples.add(s);
                    System.out.println("soak " + s);
                    nextSample += sampleSeconds * 1_000_000_000L;
                }
                Thread.sleep(200);
            }
            feeder.stop();
            feederThread.join(10_000);
            fed = feeder.rows();
            micro.processAllAvailable();
            micro.stop();
            continuous.stop();
            read = spark.read().schema(SCHEMA).json(out.toString()).count();
            long distinct = spark.read().schema(SCHEMA).json(out.toString()).select("id").distinct().count();
            if (distinct != read) {
                read = -read; // duplicates: reported as a failure below
            }
        } finally {
            feeder.stop();
            spark.stop();
        }
        write(samples, fed, read);
        deleteRecursively(work);
    }

    private Sample sample(long seconds, Path microCheckpoint, Path continuousCheckpoint, Path out, Path in,
                          StreamingQuery micro, StreamingQuery continuous) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        }
        return new Sample(seconds, heap, threads, fds, countFiles(microCheckpoint), countFiles(continuousCheckpoint),
                countFiles(out.resolve("_spark_metadata")), countFiles(in),
                micro.lastProgress() == null ? -1 : micro.lastProgress().batchId(),
                continuous.lastProgress() == null ? -1 : continuous.lastProgress().batchId());
    }

    /** Regular files under {@code root}; a file removed while it is counted (a log's temp file) is skipped. */
    private static long countFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        long[] count = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                count[0] += attrs.isRegularFile() ? 1 : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }

    /** Drops a JSON file of numbered rows into the source directory every {@code 1/batchesPerSecond} s (written aside, then moved in). */
    private final class Feeder implements Runnable {
        private final Path in;
        private final Path staging;
        private volatile boolean stopped;
        /** Rows in files moved into the source directory; written by the feeder thread. */
        private volatile long rows;

        Feeder(Path in, Path staging) {
            this.in = in;
            this.staging = staging;
        }

        @Override
        public void run() {
            long periodNanos = 1_000_000_000L / batchesPerSecond;
            long next = System.nanoTime();
            long file = 0;
            StringBuilder text = new StringBuilder();
            try {
                while (!stopped) {
                    text.setLength(0);
                    for (int i = 0; i < linesPerFile; i++) {
                        long id = file * linesPerFile + i;
                        text.append("{\"id\":").append(id).append(",\"payload\":\"row ").append(id).append("\"}\n");
                    }
                    Path staged = staging.resolve(String.format(Locale.ROOT, "part-%09d.json", file));
                    Files.writeString(staged, text, StandardCharsets.UTF_8);
                    Files.move(staged, in.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    rows += linesPerFile;
                    file++;
                    next += periodNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the soak feeder failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            stopped = true;
        }

        long rows() {
            return rows;
        }
    }

    private void write(List<Sample> samples, long fed, long read) throws IOException {
        StringBuilder md = new StringBuilder("# Soak: nothing grows with the run's length\n\n");
        md.append("Run ").append(Instant.now()).append(" on: ").append(Hardware.line()).append("; at the end: ")
                .append(Hardware.load()).append("\n\n")
                .append(minutes).append(" minutes, two queries in one JVM: micro-batch, a JSON file of ").append(linesPerFile)
                .append(" rows dropped into the source directory ").append(batchesPerSecond)
                .append(" times a second, read at most two files per trigger every ").append(1000 / batchesPerSecond)
                .append(" ms with `cleanSource=delete` and `maxFileAge=1m`, written by the JSON file sink; continuous, `rate` at ")
                .append(rate).append(" rows/s into `noop`, epochs of 1 s. Sampled every ").append(sampleSeconds)
                .append(" s (heap after a full GC).\n\n")
                .append("| s | heap MB | threads | fds | micro-batch checkpoint files | continuous checkpoint files"
                        + " | sink `_spark_metadata` files | source files | batch | epoch |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", s.seconds(), s.heapMb(),
                    s.threads(), s.fds(), s.microCheckpointFiles(), s.continuousCheckpointFiles(), s.sinkLogFiles(),
                    s.sourceFiles(), s.batches(), s.epochs()));
        }
        md.append("\nFlat means: over the last quarter of the run, each figure's largest sample is within the tolerance of")
                .append(" the first sample after ").append(warmupSeconds).append(" s of warm-up.\n\n| figure | after warm-up | last quarter's max | tolerance | flat |\n|---|---|---|---|---|\n");
        boolean allFlat = true;
        allFlat &= flat(md, samples, "heap MB", Sample::heapMb, 32);
        allFlat &= flat(md, samples, "threads", Sample::threads, 2);
        allFlat &= flat(md, samples, "file descriptors", Sample::fds, 8);
        // the file logs keep what cleanupDelay (10 min) covers, so their size follows the batch rate: 10 % leeway
        allFlat &= flat(md, samples, "micro-batch checkpoint files", Sample::microCheckpointFiles, -10);
        allFlat &= flat(md, samples, "continuous checkpoint files", Sample::continuousCheckpointFiles, 40);
        allFlat &= flat(md, samples, "sink log files", Sample::sinkLogFiles, -10);
        allFlat &= flat(md, samples, "source directory files", Sample::sourceFiles, 20);
        md.append("\nRows fed: ").append(fed).append("; read back from the sink's output: ").append(Math.abs(read))
                .append(read < 0 ? " (with duplicates)" : "").append(read == fed ? " — every row exactly once." : " — MISMATCH.")
                .append("\n\nVerdict: ").append(allFlat && read == fed ? "flat, nothing lost or duplicated" : "NOT flat or rows lost")
                .append(".\n");
        Files.writeString(dir.resolve("README.md"), md.toString());
        System.out.println(md);
    }

    /** @param tolerance how much the figure may grow: a count, or (negative) a percentage of the base */
    private boolean flat(StringBuilder md, List<Sample> samples, String name, ToLongFunction<Sample> f, long tolerance) {
        Sample base = samples.stream().filter(s -> s.seconds() >= warmupSeconds).findFirst().orElse(samples.get(samples.size() - 1));
        long lastQuarterFrom = samples.get(samples.size() - 1).seconds() * 3 / 4;
        long max = samples.stream().filter(s -> s.seconds() >= lastQuarterFrom).mapToLong(f).max().orElse(0);
        long allowed = tolerance >= 0 ? tolerance : f.applyAsLong(base) * -tolerance / 100;
        boolean ok = max <= f.applyAsLong(base) + allowed;
        md.append("| ").append(name).append(" | ").append(f.applyAsLong(base)).append(" | ").append(max).append(" | +")
                .append(tolerance >= 0 ? Long.toString(tolerance) : -tolerance + " %").append(" | ").append(ok ? "yes" : "NO")
                .append(" |\n");
        return ok;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
