package io.tideway.connectors.chronicle;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Puts a tailer just after a {@link ChronicleOffset}: {@code toStart()} for none processed,
 * {@code moveToIndex(n)} for a start index, and {@code moveToIndex(last)} then one excerpt
 * skipped for a processed one (never {@code last+1}, which is not an index after a roll). Runs
 * on the thread that will own the tailer. Stateless.
 */
final class TailerPositions {
    private TailerPositions() {
    }

    static void position(ChronicleQueue queue, ExcerptTailer tailer, ChronicleOffset offset) {
        if (offset.index() < 0) {
            tailer.toStart();
            return;
        }
        if (!tailer.moveToIndex(offset.index())) {
            throw missing(queue, offset);
        }
        if (!offset.startAt()) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent() || dc.index() != offset.index()) {
                    throw missing(queue, offset);
                }
            }
        }
    }

    static IllegalStateException missing(ChronicleQueue queue, ChronicleOffset offset) {
        return new IllegalStateException("Chronicle queue " + queue.fileAbsolutePath() + ": index " + describe(queue, offset.index())
                + (offset.startAt() ? " (option 'startingPosition')" : " (the last processed excerpt in the checkpoint)")
                + " is not in the queue, whose excerpts are " + describe(queue, queue.firstIndex()) + " .. "
                + describe(queue, queue.lastIndex()) + "; was its cycle file deleted, or is it not written yet?");
    }

    static String describe(ChronicleQueue queue, long index) {
        if (index < 0 || index == Long.MAX_VALUE) {
            return Long.toString(index);
        }
        RollCycle rc = queue.rollCycle();
        return index + " (0x" + Long.toHexString(index) + ", cycle " + rc.toCycle(index) + ", sequence "
                + rc.toSequenceNumber(index) + ")";
    }
}
