package io.tideway.connectors.chronicle;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.ValueIn;

/**
 * The batch boundaries the micro-batch sink writes into its queue as Chronicle <em>metadata</em>
 * documents, which ordinary tailers ({@code readingDocument()}) skip: {@code tidewayBatchBegin: N}
 * before batch N's excerpts and {@code tidewayBatchEnd: N} after them, all appended by one
 * appender in one sequence. The last {@code tidewayBatchEnd} is the sink's record of the last
 * committed batch. A begin without its end is an attempt cut short by a crash.
 *
 * <p>Threading: stateless; each method uses the tailer or appender of its calling thread.
 */
final class BatchMarkers {
    static final String BEGIN = "tidewayBatchBegin";
    static final String END = "tidewayBatchEnd";

    private BatchMarkers() {
    }

    static void write(ExcerptAppender appender, String marker, long batchId) {
        try (DocumentContext dc = appender.writingDocument(true)) {
            dc.wire().write(marker).int64(batchId);
        }
    }

    /**
     * The id in the last {@code tidewayBatchEnd} marker, or -1. Scans the whole queue, metadata
     * included (Chronicle indexes only data excerpts, so there is no backward search): once, when
     * the sink starts.
     */
    static long lastCommitted(ChronicleQueue queue) {
        long last = -1;
        StringBuilder name = new StringBuilder();
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        return last;
                    }
                    if (dc.isMetaData()) {
                        long id = read(dc, name, END);
                        if (id >= 0) {
                            last = id;
                        }
                    }
                }
            }
        }
    }

    /** The batch id of a metadata document that is marker {@code marker}, or -1 for any other document. */
    static long read(DocumentContext dc, StringBuilder name, String marker) {
        long start = dc.wire().bytes().readPosition();
        try {
            ValueIn in = dc.wire().read(name);
            if (marker.contentEquals(name)) {
                return in.int64();
            }
        } catch (RuntimeException e) {
            // one of Chronicle's own metadata documents (header, index): not ours
        }
        dc.wire().bytes().readPosition(start);
        return -1;
    }
}
