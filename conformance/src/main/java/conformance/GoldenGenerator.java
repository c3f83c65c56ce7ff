package conformance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code golden/<Case>.out}. Run only under the {@code spark-golden} profile, where this
 * source has been rewritten to Spark's packages and runs on Apache Spark: the goldens are what
 * Spark printed. Arguments: the golden directory, then optional case filters (all cases when
 * none; then goldens of cases that no longer exist are deleted).
 */
public final class GoldenGenerator {
    private GoldenGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path goldenDir = Path.of(args[0]);
        List<String> filters = Arrays.asList(args).subList(1, args.length).stream()
                .flatMap(a -> Arrays.stream(a.split(","))).filter(s -> !s.isBlank()).toList();
        Files.createDirectories(goldenDir);
        List<CaseCatalog.Entry> cases = CaseCatalog.find(filters);
        int changed = 0;
        List<String> timedOut = new java.util.ArrayList<>();
        try (CaseRunner runner = new CaseRunner()) {
            for (CaseCatalog.Entry c : cases) {
                long t0 = System.nanoTime();
                String out = runner.run(c);
                if (out.contains("TIMEOUT after ")) {
                    // a loaded machine, not Spark's answer: keep the old golden and fail the run
                    timedOut.add(c.name());
                    System.err.printf("golden %-60s TIMEOUT: not written%n", c.name());
                    continue;
                }
                Path file = goldenDir.resolve(c.name() + ".out");
                boolean same = Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(out);
                if (!same) {
                    Files.writeString(file, out, StandardCharsets.UTF_8);
                    changed++;
                }
                System.err.printf("golden %-60s %s %5d ms%n", c.name(), same ? "same   " : "WRITTEN", (System.nanoTime() - t0) / 1_000_000);
            }
        }
        if (filters.isEmpty() && timedOut.isEmpty()) {
            Set<String> names = cases.stream().map(c -> c.name() + ".out").collect(Collectors.toSet());
            try (Stream<Path> files = Files.list(goldenDir)) {
                for (Path f : files.filter(f -> !names.contains(f.getFileName().toString())).toList()) {
                    Files.delete(f);
                    System.err.println("golden " + f.getFileName() + " deleted: no such case");
                }
            }
        }
        System.err.println("goldens: " + cases.size() + " cases, " + changed + " written");
        if (!timedOut.isEmpty()) {
            System.err.println("timed out, run them again: " + String.join(",", timedOut));
            System.exit(1);
        }
        System.exit(0);
    }
}
