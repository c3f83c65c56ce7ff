package io.tideway.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * One configuration of a scenario (e.g. {@code continuous busy-spin 10k/s}) and its runs, in the
 * order they ran. Built by one scenario thread.
 *
 * @param name human-readable label; also the file stem of its reports after {@link #fileStem()}
 */
record Configuration(String name, List<RunResult> runs) {
    Configuration(String name) {
        this(name, new ArrayList<>());
    }

    String fileStem() {
        return name.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
    }

    boolean hasLatency() {
        return !runs.isEmpty() && runs.get(0).latency() != null;
    }

    Spread spread(java.util.function.ToDoubleFunction<RunResult> figure) {
        return Spread.of(runs, figure);
    }
}
