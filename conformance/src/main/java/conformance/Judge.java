package conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a case's output with its golden (what Spark 4.0.4 printed) and knows the divergences
 * listed in {@code DIVERGENCES.md}: a listed case is expected to differ, and a listed case that
 * matches Spark again is reported so its line is removed.
 */
public final class Judge {
    /** A table row of DIVERGENCES.md whose first cell is a case name in backquotes. */
    private static final Pattern LISTED = Pattern.compile("^\\|\\s*`([A-Za-z0-9_]+\\.[A-Za-z0-9_]+)`\\s*\\|(.*)\\|\\s*$");

    public enum Outcome { PASS, DIFF, LISTED, LISTED_BUT_PASSES, NO_GOLDEN }

    /** {@code detail}: the diff, or why a case is listed; {@code diff}: the diff whenever the output differs. */
    public record Verdict(Outcome outcome, String detail, String diff) {
        public boolean ok() {
            return outcome == Outcome.PASS || outcome == Outcome.LISTED;
        }
    }

    private final Path goldenDir;
    private final Map<String, String> divergences;

    public Judge(Path moduleDir) {
        this.goldenDir = moduleDir.resolve("golden");
        this.divergences = readDivergences(moduleDir.resolve("DIVERGENCES.md"));
    }

    /** The conformance module's directory: {@code .} when run from it, else {@code conformance}. */
    public static Path moduleDir() {
        Path here = Path.of("golden");
        return Files.isDirectory(here) ? Path.of(".") : Path.of("conformance");
    }

    public Verdict judge(String caseName, String actual) {
        Path golden = goldenDir.resolve(caseName + ".out");
        if (!Files.exists(golden)) {
            return new Verdict(Outcome.NO_GOLDEN, "no golden " + golden
                    + ": generate it with Spark (conformance/README.md). Tideway printed:\n" + actual, "");
        }
        String expected;
        try {
            expected = Files.readString(golden, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String diff = expected.equals(actual) ? "" : UnifiedDiff.diff("spark/" + caseName, expected, "tideway/" + caseName, actual);
        String reason = divergences.get(caseName);
        if (reason != null) {
            return diff.isEmpty()
                    ? new Verdict(Outcome.LISTED_BUT_PASSES, caseName + " now prints what Spark prints: remove it from DIVERGENCES.md", "")
                    : new Verdict(Outcome.LISTED, reason.strip(), diff);
        }
        return diff.isEmpty() ? new Verdict(Outcome.PASS, "", "") : new Verdict(Outcome.DIFF, diff, diff);
    }

    private static Map<String, String> readDivergences(Path file) {
        Map<String, String> listed = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return listed;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = LISTED.matcher(line);
                if (m.matches()) {
                    listed.put(m.group(1), m.group(2).replace("|", " / "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listed;
    }
}
