package io.tideway.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Line 2 of {@code offsets/N}: the watermark and processing time a batch ran with,
 * and the settings pinned for the life of the checkpoint. A re-run of batch N reuses all three,
 * which is what makes the replay deterministic.
 *
 * <p>Threading: immutable; {@code conf} is an unmodifiable copy that keeps insertion order, so
 * the written file is stable.
 *
 * @param batchWatermarkMs event-time watermark used by the batch (0 until first advanced)
 * @param batchTimestampMs processing time of the batch, substituted for {@code current_timestamp()}
 * @param conf             pinned settings; on restart they override the session's values
 */
public record OffsetSeqMetadata(long batchWatermarkMs, long batchTimestampMs, Map<String, String> conf) {
    public OffsetSeqMetadata {
        conf = conf == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }
}
