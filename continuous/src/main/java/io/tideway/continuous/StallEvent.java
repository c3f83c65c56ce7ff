package io.tideway.continuous;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JFR event: a slot of rows reached the sink more than {@link #THRESHOLD_NANOS} after its oldest
 * row's source time — a stall on the data path, to line up in a recording with GC pauses, safepoints
 * and the epoch coordinator's commits. Created only for such a slot (no allocation otherwise), on
 * the thread running the partition's task.
 */
@Name("io.tideway.ContinuousStall")
@Label("Continuous Stall")
@Category({"Tideway", "Continuous"})
@Description("A slot of rows reached the sink more than 1 ms after its oldest row's source time")
@StackTrace(false)
final class StallEvent extends jdk.jfr.Event {
    static final long THRESHOLD_NANOS = 1_000_000;

    @Label("Partition")
    int partition;

    @Label("Epoch")
    long epoch;

    @Label("Rows")
    int rows;

    @Label("Latency")
    @Timespan(Timespan.NANOSECONDS)
    long latency;
}
