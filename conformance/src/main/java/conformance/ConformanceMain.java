package conformance;

import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/tideway conformance [-v] [Case...]}: runs cases on this engine and prints PASS, DIFF
 * (with the unified diff against Spark's golden), LISTED (a divergence in DIVERGENCES.md; with
 * {@code -v} its diff too) or NO-GOLDEN per case; exits 1 if any case is not as expected.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        List<String> filters = Arrays.asList(args).subList(verbose ? 1 : 0, args.length);
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
                } else if (verbose && !v.diff().isEmpty()) {
                    System.out.println(v.diff());
                }
            }
        }
        System.out.printf("%d cases, %d not as expected%n", cases.size(), bad);
        System.exit(bad == 0 ? 0 : 1);
    }
}
