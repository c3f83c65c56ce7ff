package io.tideway.engine.spi;

/** What a partition writer hands back when it commits; the sink's commit gets all of them. */
public interface CommitMessage {
}
