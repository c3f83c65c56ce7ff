package io.tideway.perf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI-sized runs of each scenario (about a second of measuring each): they must produce a
 * well-formed report with one table row per configuration, its files and its headline. Never
 * asserts on a time or a rate.
 */
class ScenarioSmokeTest {
    @TempDir
    Path results;

    private static ScenarioArgs args(String... kv) {
        return ScenarioArgs.parse(kv);
    }

    private static long tableRows(Path readme) throws Exception {
        return Files.readAllLines(readme).stream().filter(l -> l.startsWith("| ") && !l.startsWith("| configuration")
                && !l.startsWith("| rate") && !l.startsWith("| mode") && !l.startsWith("| 1000 ")
                && !l.startsWith("| run ") && !l.startsWith("| maxFilesPerTrigger")).count();
    }

    @Test
    void w1WritesOneRowPerConfigurationWithLogsAndPlot() throws Exception {
        new W1Scenario(args("--rate", "1000", "--mode", "baseline,continuous,microbatch-memory", "--wait", "backoff",
                "--warmup", "0", "--duration", "1", "--runs", "1"), results).run();
        Path dir = results.resolve("W1");
        assertEquals(3, tableRows(dir.resolve("README.md")));
        assertTrue(Files.exists(dir.resolve("1k-s-continuous-backoff-run1.hlog")));
        assertTrue(Files.exists(dir.resolve("1k-s-baseline-backoff.hgrm")));
        assertTrue(Files.exists(dir.resolve("percentiles.png")));
        assertTrue(Files.exists(dir.resolve("headline.tsv")));
        assertTrue(Files.readString(results.resolve("README.md")).contains("(W1)"));
    }

    @Test
    void w2AndCheckpointAndRecoveryWriteTheirReports() throws Exception {
        new W2Scenario(args("--partitions", "1", "--warmup", "0", "--duration", "1", "--runs", "1"), results).run();
        assertEquals(2, tableRows(results.resolve("W2/README.md")));
        new CheckpointScenario(args("--epochs", "100 milliseconds,1 hour", "--warmup", "0", "--duration", "1",
                "--runs", "1"), results).run();
        assertEquals(2, tableRows(results.resolve("checkpoint/README.md")));
        String checkpoint = Files.readString(results.resolve("checkpoint/README.md"));
        assertTrue(checkpoint.contains("## Where the late rows are"), checkpoint);
        assertEquals(2, checkpoint.lines().filter(l -> l.startsWith("- epoch ") && l.matches(".*: \\[(\\d+, ){20}\\d+\\]$")).count(),
                "late rows by ms since the epoch began, 21 buckets, per configuration: " + checkpoint);
        new RecoveryScenario(args("--mode", "continuous", "--runs", "1"), results).run();
        assertEquals(1, tableRows(results.resolve("recovery/README.md")));
        String summary = Files.readString(results.resolve("README.md"));
        assertTrue(summary.contains("(W2)") && summary.contains("(checkpoint)") && summary.contains("(recovery)"), summary);
    }

    @Test
    void w3CountsTheWordsOfTinyFilesAndWritesItsReport() throws Exception {
        new WordCountScenario(args("--files", "2", "--lines", "200", "--maxFilesPerTrigger", "1,2", "--runs", "1"),
                results.resolve("W3")).run();
        assertEquals(2, tableRows(results.resolve("W3/README.md")), "one row per maxFilesPerTrigger");
        new RecoveryScenario(args("--mode", "microbatch-rmb", "--runs", "1"), results).run();
        assertEquals(1, tableRows(results.resolve("recovery/README.md")));
    }

    @Test
    void connectorScenariosWriteTheirReports() throws Exception {
        new ConnectorW1Scenario(args("--rate", "1000", "--warmup", "0", "--duration", "1", "--runs", "1"), results,
                "chronicle-w1", new ChronicleW1Launcher()).run();
        assertEquals(1, tableRows(results.resolve("chronicle-w1/README.md")));
        assertTrue(Files.exists(results.resolve("chronicle-w1/1k-s-chronicle-continuous-backoff-run1.hlog")));
        new ConnectorW1Scenario(args("--rate", "1000", "--warmup", "0", "--duration", "1", "--runs", "1"), results,
                "kafka-w1", new KafkaW1Launcher()).run();
        assertEquals(1, tableRows(results.resolve("kafka-w1/README.md")));
        new ChronicleW2Scenario(args("--rows", "2000000", "--warmup", "0", "--duration", "1", "--runs", "1"), results).run();
        assertEquals(1, tableRows(results.resolve("chronicle-w2/README.md")));
        String summary = Files.readString(results.resolve("README.md"));
        assertTrue(summary.contains("(chronicle-w1)") && summary.contains("(kafka-w1)") && summary.contains("(chronicle-w2)"),
                summary);
    }

    @Test
    void windowedAggWritesBothPartsAndItsHeadlines() throws Exception {
        new WindowedAggScenario(args("--keys", "2000", "--partitions", "1", "--warmupBatches", "1", "--batches", "2",
                "--runs", "1"), results).run();
        Path dir = results.resolve("windowed-agg");
        assertEquals(2, tableRows(dir.resolve("README.md")), "one windowed row and one restart row");
        List<String> headlines = Files.readAllLines(dir.resolve("headline.tsv"));
        assertTrue(headlines.get(0).startsWith("windowed-agg\t") && headlines.get(1).startsWith("state-restart\t"),
                headlines.toString());
        String summary = Files.readString(results.resolve("README.md"));
        assertTrue(summary.contains("(windowed-agg)"), summary);
    }
}
