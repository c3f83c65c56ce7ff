package io.tideway.connectors.chronicle;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a queue written by the {@code chronicle} sink the way its exactly-once contract intends:
 * a micro-batch's excerpts are delivered only once its {@code tidewayBatchEnd} marker is read,
 * and the excerpts of an attempt that a crash cut short (a {@code tidewayBatchBegin} followed by
 * another begin instead of its end) are skipped. Excerpts outside any batch (written by a
 * continuous query, at-least-once) are delivered as they come, with batch id -1. A plain
 * {@code readingDocument()} tailer sees every excerpt, including those of cut-short attempts.
 *
 * <p>Threading: each call uses its own tailer on the calling thread. Not for the hot path: a
 * batch's excerpts are copied to byte arrays until its end marker arrives.
 */
public final class ChronicleSinkReader {
    /** Receives committed excerpts in queue order. */
    @FunctionalInterface
    public interface ExcerptVisitor {
        void accept(long batchId, long index, byte[] excerpt);
    }

    private ChronicleSinkReader() {
    }

    /** Visits the committed excerpts now in the queue; the excerpts of a batch not yet ended are not visited. */
    public static void forEachCommitted(ChronicleQueue queue, ExcerptVisitor visitor) {
        List<byte[]> pending = new ArrayList<>();
        List<Long> pendingIndex = new ArrayList<>();
        long open = -1;
        StringBuilder name = new StringBuilder();
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    if (dc.isMetaData()) {
                        long begin = BatchMarkers.read(dc, name, BatchMarkers.BEGIN);
                        if (begin >= 0) {
                            pending.clear();
                            pendingIndex.clear();
                            open = begin;
                        } else if (open >= 0 && BatchMarkers.read(dc, name, BatchMarkers.END) == open) {
                            for (int i = 0; i < pending.size(); i++) {
                                visitor.accept(open, pendingIndex.get(i), pending.get(i));
                            }
                            pending.clear();
                            pendingIndex.clear();
                            open = -1;
                        }
                        continue;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    byte[] copy = new byte[(int) bytes.readRemaining()];
                    bytes.read(copy);
                    if (open >= 0) {
                        pending.add(copy);
                        pendingIndex.add(dc.index());
                    } else {
                        visitor.accept(-1, dc.index(), copy);
                    }
                }
            }
        }
    }

    /** The committed excerpts now in the queue, in order. */
    public static List<byte[]> committedExcerpts(ChronicleQueue queue) {
        List<byte[]> out = new ArrayList<>();
        forEachCommitted(queue, (batch, index, excerpt) -> out.add(excerpt));
        return out;
    }
}
