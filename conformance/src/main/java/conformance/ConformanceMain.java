package conformance;

import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/tideway conformance [Case...]}: runs cases on this engine and prints PASS, DIFF (with
 * the unified diff against Spark's golden), LISTED (a divergence in DIVERGENCES.md) or NO-GOLDEN
 * per case; exits 1 if any case is not as expected.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> filters = Arrays.asList(args);
        Judge judge = new Judge(Judge.moduleDir());
        int bad = 0;
        List<CaseCatalog.Entry> cases = CaseCatalog.find(filters);
        try (CaseRunner runner = new CaseRunner()) {
            for (CaseCatalog.Entry c : cases) {
                Judge.Verdict v = judge.judge(c.name(), runner.run(c));
                System.out.printf("%-10s %s%n", v.outcome().name().replace('_', '-'), c.name());
                if (!v.ok()) {
                    bad++;
                    System.out.println(v.detail());
                }
            }
        }
        System.out.printf("%d cases, %d not as expected%n", cases.size(), bad);
        System.exit(bad == 0 ? 0 : 1);
    }
}
