package io.tideway.sql.streaming;

import java.io.Serializable;
import java.util.UUID;

/** The query and batch a {@code transformWithState} processor runs in, as Spark's {@code QueryInfo}. */
public interface QueryInfo extends Serializable {
    UUID getQueryId();

    UUID getRunId();

    long getBatchId();

    /** {@code QueryInfo(queryId=..., runId=..., batchId=...)}. */
    @Override
    String toString();
}
