package io.tideway.continuous;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event: one continuous epoch made durable by the coordinator (offsets, sink commit,
 * commits, source commit), with its rows. Created and committed on the coordinator thread.
 */
@Name("io.tideway.EpochCommit")
@Label("Continuous Epoch Commit")
@Category({"Tideway", "Continuous"})
@Description("The epoch coordinator commits a continuous epoch: offsets/N, the sink, commits/N")
@StackTrace(false)
final class EpochCommitEvent extends jdk.jfr.Event {
    @Label("Query")
    String query;

    @Label("Epoch")
    long epoch;

    @Label("Input Rows")
    long inputRows;

    @Label("Output Rows")
    long outputRows;
}
