package io.tideway.checkpoint;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event: one checkpoint or log file written (temp file, fsync, publish), its path, size and
 * duration. What an epoch's or batch's commit spends on the file system shows as these.
 * Created and committed by the writing thread; costs a flag check when no recording wants it.
 */
@Name("io.tideway.CheckpointWrite")
@Label("Checkpoint File Write")
@Category({"Tideway", "Checkpoint"})
@Description("A checkpoint or log file written durably: temp file, fsync, atomic publish")
@StackTrace(false)
final class CheckpointWriteEvent extends jdk.jfr.Event {
    @Label("Path")
    String path;

    @Label("Size")
    @DataAmount
    long bytes;
}
