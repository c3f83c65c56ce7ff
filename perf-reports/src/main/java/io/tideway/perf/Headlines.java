package io.tideway.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's lines for the summary table ({@code perf-reports/results/README.md}): which target
 * each figure answers, the figure and whether it meets the target. Kept as
 * {@code headline.tsv} in the scenario's directory so {@link SummaryReport} can rebuild the summary
 * from whichever scenarios ran last. Used by one scenario thread.
 */
final class Headlines {
    private final List<String> lines = new ArrayList<>();

    /**
     * @param target   a key of {@link SummaryReport#TARGETS}
     * @param verdict  {@code yes}, {@code no} or a short remark
     */
    Headlines add(String target, String configuration, String measured, String verdict) {
        lines.add(String.join("\t", target, configuration, measured.replace('\t', ' '), verdict));
        return this;
    }

    static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    void write(Path scenarioDir) throws IOException {
        Files.createDirectories(scenarioDir);
        Files.write(scenarioDir.resolve("headline.tsv"), lines);
        SummaryReport.write(scenarioDir.getParent());
    }
}
