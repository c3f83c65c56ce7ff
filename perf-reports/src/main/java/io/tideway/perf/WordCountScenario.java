package io.tideway.perf;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.explode;
import static io.tideway.sql.functions.split;

/**
 * W3: word count over files, micro-batch. {@code files} files of {@code lines} lines of 10 words
 * from a 1,000-word vocabulary; {@code split → explode → groupBy(word).count()} in update mode,
 * {@code AvailableNow} with {@code maxFilesPerTrigger}; words/s from {@code start()} to the end
 * of the last batch, the final counts checked against the generator's.
 */
final class WordCountScenario {
    private final ScenarioArgs args;
    private static final int WORDS_PER_LINE = 10;
    private static final int VOCABULARY = 1000;
    private final int files;
    private final int lines;
    private final List<Integer> maxFilesPerTrigger;
    private final int runs;
    private final Path resultDir;

    WordCountScenario(ScenarioArgs args, Path resultDir) {
        this.args = args;
        this.files = args.getInt("files", 10);
        this.lines = args.getInt("lines", 100_000);
        this.maxFilesPerTrigger = args.getInts("maxFilesPerTrigger", "1,10");
        this.runs = args.getInt("runs", 3);
        this.resultDir = resultDir;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("tideway-w3");
        Path input = work.resolve("in");
        Files.createDirectories(input);
        Map<String, Long> expected = generate(input);
        long totalWords = (long) files * lines * WORDS_PER_LINE;
        TidewaySession spark = args.session("W3").getOrCreate();
        List<String> rows = new ArrayList<>();
        Headlines headlines = new Headlines();
        try {
            warmUp(spark, input, work);
            for (int mfpt : maxFilesPerTrigger) {
                List<Double> rates = new ArrayList<>();
                long gc0 = Hardware.gcMillis();
                long cpu0 = Hardware.cpuMillis();
                long batches = 0;
                for (int r = 0; r < runs; r++) {
                    Map<String, Long> counts = new ConcurrentHashMap<>();
                    long t0 = System.nanoTime();
                    StreamingQuery q = query(spark, input, work.resolve("chk-" + mfpt + "-" + r), mfpt, counts);
                    q.awaitTermination();
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (!counts.equals(expected)) {
                        throw new IllegalStateException("W3 counts differ from the generator's (maxFilesPerTrigger=" + mfpt + ")");
                    }
                    batches = q.lastProgress().batchId() + 1;
                    rates.add(totalWords / seconds);
                    System.out.printf("W3 maxFilesPerTrigger=%d run %d: %.2f M words/s (%.2f s, %d batches)%n",
                            mfpt, r + 1, totalWords / seconds / 1e6, seconds, batches);
                }
                long gcMs = Hardware.gcMillis() - gc0;
                long cpuMs = Hardware.cpuMillis() - cpu0;
                rows.add(row(mfpt, rates, batches, gcMs, cpuMs));
                Spread spread = Spread.of(rates, Double::doubleValue);
                headlines.add("w3", "maxFilesPerTrigger " + mfpt, String.format("%.2f M words/s (%.2f–%.2f), counts checked",
                        spread.median() / 1e6, spread.min() / 1e6, spread.max() / 1e6), Headlines.verdict(spread.median() >= 10e6));
            }
        } finally {
            spark.stop();
        }
        writeReport(rows, totalWords);
        headlines.write(resultDir);
    }

    private StreamingQuery query(TidewaySession spark, Path input, Path checkpoint, int mfpt, Map<String, Long> counts)
            throws Exception {
        Dataset<Row> lines = spark.readStream().format("text").option("maxFilesPerTrigger", mfpt).load(input.toString());
        Dataset<Row> wordCounts = lines.select(explode(split(col("value"), " ")).as("word")).groupBy("word").count();
        return wordCounts.writeStream().outputMode("update").trigger(Trigger.AvailableNow())
                .option("checkpointLocation", checkpoint.toString())
                .foreachBatch((batch, id) -> {
                    for (Row r : batch.collectAsList()) {
                        counts.put(r.getString(0), r.getLong(1));
                    }
                }).start();
    }

    private void warmUp(TidewaySession spark, Path input, Path work) throws Exception {
        query(spark, input, work.resolve("chk-warmup"), files, new ConcurrentHashMap<>()).awaitTermination();
    }

    private Map<String, Long> generate(Path dir) throws IOException {
        Random random = new Random(42);
        String[] vocabulary = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            vocabulary[i] = "w" + Integer.toString(i * 7919 % 100_000, 36);
        }
        Map<String, Long> counts = new HashMap<>();
        for (int f = 0; f < files; f++) {
            Path tmp = dir.resolveSibling("part-" + f + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (int l = 0; l < lines; l++) {
                    for (int k = 0; k < WORDS_PER_LINE; k++) {
                        String word = vocabulary[random.nextInt(VOCABULARY)];
                        counts.merge(word, 1L, Long::sum);
                        w.write(word);
                        w.write(k + 1 < WORDS_PER_LINE ? ' ' : '\n');
                    }
                }
            }
            Files.move(tmp, dir.resolve("part-" + f + ".txt"));
        }
        return counts;
    }

    private String row(int mfpt, List<Double> rates, long batches, long gcMs, long cpuMs) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        StringBuilder each = new StringBuilder();
        for (double r : rates) {
            each.append(each.length() == 0 ? "" : ", ").append(String.format("%.2f", r / 1e6));
        }
        return String.format("| %d | %d | %.2f | %.2f – %.2f | %s | %d | %d | %d |", mfpt, batches, median / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, each, rates.size(), gcMs, cpuMs);
    }

    private void writeReport(List<String> rows, long totalWords) throws IOException {
        Files.createDirectories(resultDir);
        StringBuilder md = new StringBuilder();
        md.append("# W3 — word count over files (micro-batch)\n\n")
                .append("Run ").append(Instant.now()).append(" on: ").append(Hardware.line()).append("\n\n")
                .append(files).append(" files × ").append(lines).append(" lines × ").append(WORDS_PER_LINE)
                .append(" words (vocabulary ").append(VOCABULARY).append(") = ").append(totalWords)
                .append(" words; `split → explode → groupBy(word).count()`, update mode, `Trigger.AvailableNow`,"
                        + " foreachBatch sink; counts checked against the generator. Time from `start()` to the end of the last batch;"
                        + " one warm-up pass first.\n\n")
                .append("| maxFilesPerTrigger | batches | median M words/s | min – max | each run | runs | GC ms (all runs) | CPU ms (all runs) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\nTarget (issue 5): ≥ 10 M words/s.\n");
        Files.writeString(resultDir.resolve("README.md"), md.toString());
        System.out.println(md);
    }
}
