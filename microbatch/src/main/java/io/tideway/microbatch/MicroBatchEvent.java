package io.tideway.microbatch;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event: one micro-batch, from writing its offsets to writing its commit, with its rows.
 * Created and committed on the query thread.
 */
@Name("io.tideway.MicroBatch")
@Label("Micro-Batch")
@Category({"Tideway", "Micro-batch"})
@Description("A micro-batch: offsets/N, the batch's tasks, the sink commit, commits/N")
@StackTrace(false)
final class MicroBatchEvent extends jdk.jfr.Event {
    @Label("Query")
    String query;

    @Label("Batch")
    long batchId;

    @Label("Input Rows")
    long inputRows;
}
