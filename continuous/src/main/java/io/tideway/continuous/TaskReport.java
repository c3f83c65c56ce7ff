package io.tideway.continuous;

import io.tideway.engine.spi.CommitMessage;

/** What a task reports at an epoch's marker: the sink writer's commit message and row counts. */
record TaskReport(CommitMessage message, long inputRows, long outputRows) {
}
