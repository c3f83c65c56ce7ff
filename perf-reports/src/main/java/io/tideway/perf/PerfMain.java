package io.tideway.perf;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * {@code bin/tideway perf <scenario> [--option value ...]}: runs an end-to-end scenario and
 * writes its report under {@code perf-reports/results/<scenario>/}, then rebuilds the summary
 * {@code perf-reports/results/README.md}.
 */
public final class PerfMain {
    static final String USAGE = "usage: bin/tideway perf <scenario> [--option value ...]   (lists: comma-separated)\n"
            + "  W1          fixed-rate latency: --rate 1000,10000 --mode baseline,continuous,microbatch,microbatch-memory\n"
            + "              --wait busy-spin,yielding,backoff,blocking --warmup 2 --duration 5 --runs 3\n"
            + "              --epoch '1 second' --rowsPerSlot 256 --out W1\n"
            + "              (issue spec: --rate 1000,10000,100000 --warmup 10 --duration 30)\n"
            + "  W2          saturation throughput: --partitions 1,2 --mode baseline,continuous --wait backoff\n"
            + "              --rowsPerSecond 500000000 --rowsPerSlot 256 --warmup 2 --duration 5 --runs 3\n"
            + "              (issue spec: --warmup 10 --duration 30)\n"
            + "  W3          word count over files (micro-batch): --files 10 --lines 100000 --maxFilesPerTrigger 1,10 --runs 3\n"
            + "  checkpoint  W1 at --rate 10000 continuous, --epochs '100 milliseconds,1 second,1 hour' (1 hour ≈ none)\n"
            + "              --wait backoff --warmup 2 --duration 5 --runs 3\n"
            + "  recovery    start → first row and restart → first new row: --mode continuous,microbatch-rmb,microbatch --rate 1000\n"
            + "              --runs 5 --epoch '200 milliseconds'\n"
            + "  chronicle-w1  W1 through Chronicle Queue: paced appends → continuous query → chronicle sink → tailer:\n"
            + "              --rate 10000 --wait backoff --epoch '1 second' --warmup 2 --duration 5 --runs 3\n"
            + "  kafka-w1    W1 through Kafka (in-JVM KRaft broker): paced sends → continuous query → kafka sink → consumer:\n"
            + "              --rate 10000 --wait backoff --epoch '1 second' --warmup 2 --duration 5 --runs 3\n"
            + "  chronicle-w2  rows/s from a pre-filled Chronicle queue, continuous, counting sink:\n"
            + "              --rows 20000000 --warmupRows rows/5 --wait backoff --warmup 2 --duration 5 --runs 3\n"
            + "  windowed-agg  stateful micro-batch (issue 6): rate-micro-batch → withWatermark → groupBy(window 1 s, key).count(),\n"
            + "              update mode → counting foreach, rows/s and state rows/memory; then the restart time of a\n"
            + "              groupBy(key).count() store: --keys 1000000 --rowsPerBatch keys --partitions <cores> --warmupBatches 2\n"
            + "              --batches 10 --buildBatches 2 --restartRowsPerBatch 1000 --runs 3\n"
            + "  soak        a micro-batch file → file query (cleanSource=delete) and a continuous rate → noop query for a\n"
            + "              long run, sampling heap, threads, fds and log files: --minutes 30 --sampleSeconds 30\n"
            + "              --warmupSeconds 720 --batchesPerSecond 10 --linesPerFile 10 --rate 100000\n"
            + "  all         W1, W2, checkpoint, recovery, W3, chronicle-w1, kafka-w1, chronicle-w2, windowed-agg with their defaults\n"
            + "              (options given apply to each)\n"
            + "Every scenario: --conf 'key=value;key=value' sets session settings (e.g. tideway.continuous.ringSize=64).\n"
            + "JVM options: TIDEWAY_JAVA_OPTS (e.g. -Xmx64m with --out W1-xmx64m).";

    private PerfMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            return;
        }
        ScenarioArgs options = ScenarioArgs.parse(Arrays.copyOfRange(args, 1, args.length));
        Path results = Paths.get(System.getProperty("tideway.perf.results", "perf-reports/results"));
        switch (args[0].toUpperCase()) {
            case "W1" -> new W1Scenario(options, results).run();
            case "W2" -> new W2Scenario(options, results).run();
            case "W3" -> new WordCountScenario(options, results.resolve("W3")).run();
            case "CHECKPOINT" -> new CheckpointScenario(options, results).run();
            case "RECOVERY" -> new RecoveryScenario(options, results).run();
            case "CHRONICLE-W1" -> new ConnectorW1Scenario(options, results, "chronicle-w1", new ChronicleW1Launcher()).run();
            case "KAFKA-W1" -> new ConnectorW1Scenario(options, results, "kafka-w1", new KafkaW1Launcher()).run();
            case "CHRONICLE-W2" -> new ChronicleW2Scenario(options, results).run();
            case "WINDOWED-AGG" -> new WindowedAggScenario(options, results).run();
            case "SOAK" -> new SoakScenario(options, results).run();
            case "ALL" -> {
                new W1Scenario(options, results).run();
                new W2Scenario(options, results).run();
                new CheckpointScenario(options, results).run();
                new RecoveryScenario(options, results).run();
                new WordCountScenario(options, results.resolve("W3")).run();
                new ConnectorW1Scenario(options, results, "chronicle-w1", new ChronicleW1Launcher()).run();
                new ConnectorW1Scenario(options, results, "kafka-w1", new KafkaW1Launcher()).run();
                new ChronicleW2Scenario(options, results).run();
                new WindowedAggScenario(options, results).run();
            }
            default -> {
                System.err.println("unknown scenario " + args[0]);
                System.err.println(USAGE);
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
