package io.tideway.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The content of {@code offsets/N}: the end offsets of batch (or epoch) N, one per source in plan
 * order, plus the batch metadata.
 *
 * <p>Threading: immutable.
 *
 * @param metadata the batch metadata, or null when the file has an empty line 2 (what Spark's
 *                 continuous mode writes; Tideway writes metadata in both modes)
 * @param offsets  per source, the raw JSON text of its offset (e.g. {@code {"logOffset":0}} or
 *                 {@code 7}); a null element means the source has no offset yet ({@code -})
 */
public record OffsetSeq(OffsetSeqMetadata metadata, List<String> offsets) {
    public OffsetSeq {
        // List.copyOf rejects nulls, and null is a legal "no offset yet".
        offsets = offsets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(offsets));
    }

    /** Convenience for {@code new OffsetSeq(metadata, List.of(offsets...))} with nulls allowed. */
    public static OffsetSeq of(OffsetSeqMetadata metadata, String... offsets) {
        return new OffsetSeq(metadata, Arrays.asList(offsets));
    }

    /** The batch watermark, or 0 when there is no metadata. */
    public long batchWatermarkMs() {
        return metadata == null ? 0L : metadata.batchWatermarkMs();
    }
}
