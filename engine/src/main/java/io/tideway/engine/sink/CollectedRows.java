package io.tideway.engine.sink;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.sql.Row;

import java.util.List;

/** A partition's rows as Java {@link Row}s (at most a limit of them) and how many it received. */
public record CollectedRows(List<Row> rows, long count) implements CommitMessage {
}
