package conformance.cases;

import conformance.Case;
import conformance.CaseContext;

/**
 * {@code spark.sparkContext().setLogLevel(...)}: the level names Spark accepts, in any case, and
 * its error for any other. Ends at ERROR, the level the Spark golden runner logs at.
 */
public final class SessionLogLevel {
    private SessionLogLevel() {
    }

    @Case
    public static void levelNames(CaseContext ctx) throws Exception {
        for (String level : new String[] {"warn", "Error", "OFF", "fatal", "LOUD", "", "warning", "info ", "ERROR"}) {
            try {
                ctx.spark().sparkContext().setLogLevel(level);
                ctx.println("set '" + level + "'");
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }
}
