package io.tideway.perf;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * {@code bin/tideway perf <scenario> [--option value ...]}: runs an end-to-end scenario and
 * writes its report under {@code perf-reports/results/<scenario>/}.
 */
public final class PerfMain {
    private PerfMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        ScenarioArgs options = ScenarioArgs.parse(Arrays.copyOfRange(args, 1, args.length));
        Path results = Paths.get(System.getProperty("tideway.perf.results", "perf-reports/results"));
        switch (args[0].toUpperCase()) {
            case "W3" -> new WordCountScenario(options, results.resolve("W3")).run();
            default -> {
                System.err.println("unknown scenario " + args[0]);
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: bin/tideway perf <scenario> [options]\n"
                + "  W3  word count over files (micro-batch): --files 10 --lines 100000 --maxFilesPerTrigger 1,10 --runs 3\n"
                + "(W1, W2, checkpoint overhead and recovery scenarios arrive with the continuous executor.)");
    }
}
