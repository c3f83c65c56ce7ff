package conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every conformance case, run on Tideway in this one JVM and compared with the output Apache
 * Spark 4.0.4 gave for it ({@code golden/}); a difference fails with a unified diff, unless the
 * case is listed in {@code DIVERGENCES.md}. {@code -Dconformance.cases=Windows,Joins.inner}
 * runs a subset; {@code -Dconformance.strict=true} fails listed cases too, with their diff (for
 * whoever is fixing them).
 */
class ConformanceTest {
    private static CaseRunner runner;
    private static Judge judge;

    @BeforeAll
    static void start() throws Exception {
        runner = new CaseRunner();
        judge = new Judge(Judge.moduleDir());
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        String only = System.getProperty("conformance.cases", "");
        List<String> filters = only.isBlank() ? List.of() : List.of(only.split(","));
        List<CaseCatalog.Entry> cases = CaseCatalog.find(filters);
        assertTrue(!cases.isEmpty(), "no conformance case matches " + filters);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Judge.Verdict v = judge.judge(c.name(), runner.run(c));
            if (!v.ok()) {
                fail(c.name() + " " + v.outcome() + ":\n" + v.detail());
            }
            if (Boolean.getBoolean("conformance.strict") && !v.diff().isEmpty()) {
                fail(c.name() + " (listed: " + v.detail() + "):\n" + v.diff());
            }
        }));
    }
}
